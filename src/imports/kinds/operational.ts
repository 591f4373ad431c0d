import { operationalFigure } from '#src/db/schema.ts';
import type { Db } from '#src/db/client.ts';
import type { LoadContext, UpsertCounts } from './define.ts';
import { idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

/** Wide operational files become one operational_figure row per unit, month and measure. */
export function loadFigures(
  tx: Db,
  rows: readonly { month: string; unitCode: string; figures: Record<string, number> }[],
  { units, importId }: LoadContext,
): Promise<UpsertCounts> {
  return upsertRows(
    tx,
    operationalFigure,
    rows.flatMap((row) => {
      const unitId = idOf(units, row.unitCode);
      return Object.entries(row.figures).map(([measure, value]) => ({ month: row.month, unitId, measure, value, importId }));
    }),
    ['month', 'unitId', 'measure'],
  );
}
