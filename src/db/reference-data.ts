import { syncMetricCatalogue } from '#src/metrics/catalogue.ts';
import type { Db } from './client.ts';

/** Rows the code expects in every database (the metric catalogue), added after each migration. */
export async function syncReferenceData(db: Db): Promise<void> {
  await syncMetricCatalogue(db);
}
