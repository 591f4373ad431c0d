import type { Db } from '#src/db/client.ts';
import type { ImportBatch } from './store.ts';

/** Work to do after a file is applied (not on dry runs or repeats): the scorecard recompute plugs in here. */
export type AfterApply = (db: Db, batch: ImportBatch) => Promise<void>;

let afterApply: AfterApply | undefined;

export function setAfterApply(hook: AfterApply | undefined): void {
  afterApply = hook;
}

export async function runAfterApply(db: Db, batch: ImportBatch): Promise<void> {
  await afterApply?.(db, batch);
}
