import { asc, min } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { speakUpCase } from '#src/db/schema.ts';
import { countStaffByUnit, loadOrgTree } from '#src/org/store.ts';
import { totalsFor } from '#src/org/summary.ts';
import type { OrgTree } from '#src/org/tree.ts';
import type { ReturnCase } from './ngo-return.ts';
import { isInQuarter, quarterEnd, quarterStart, type Quarter } from './quarters.ts';
import type { QuarterOrganisation, ThemeCase } from './themes.ts';

export type ReportRow = ReturnCase & ThemeCase;

/** Every case's statistical fields, for the return and the themes: no sealed column is read. */
export async function loadReportRows(db: Db): Promise<ReportRow[]> {
  return db
    .select({
      receivedOn: speakUpCase.receivedOn,
      raisedAs: speakUpCase.raisedAs,
      categories: speakUpCase.categories,
      detrimentIndicated: speakUpCase.detrimentIndicated,
      wouldSpeakUpAgain: speakUpCase.wouldSpeakUpAgain,
      closedOn: speakUpCase.closedOn,
      workerGroup: speakUpCase.workerGroup,
      unitId: speakUpCase.unitId,
    })
    .from(speakUpCase)
    .orderBy(asc(speakUpCase.receivedOn), asc(speakUpCase.id));
}

/** The day the first case was received, or undefined when there are none. */
export async function firstCaseReceivedOn(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ first: min(speakUpCase.receivedOn) }).from(speakUpCase);
  return row?.first ?? undefined;
}

/** Top-level directorates: a directorate nested inside another rolls up to the outer one. */
function directoratesOf(tree: OrgTree) {
  const placeOf = new Map<number, number | null>();
  for (const root of tree.roots()) {
    for (const unit of tree.subtree(root.id)) {
      if (unit.id === root.id) continue;
      placeOf.set(unit.id, tree.path(unit.id).find((step) => step.level === 'directorate')?.id ?? null);
    }
  }
  return placeOf;
}

/**
 * The organisation at the end of each quarter: its directorates and their staff in post that day.
 * A case about a unit that closed during the quarter rolls up through the tree as it stood on the
 * quarter's first day (to "elsewhere in the trust" if its directorate closed too).
 */
export async function loadQuarterOrganisations(db: Db, quarters: readonly Quarter[], cases: readonly ThemeCase[]): Promise<QuarterOrganisation[]> {
  const organisations: QuarterOrganisation[] = [];
  for (const quarter of quarters) {
    const end = quarterEnd(quarter);
    const tree = await loadOrgTree(db, end);
    const counts = new Map((await countStaffByUnit(db, end)).map((count) => [count.unitId, count]));
    const placeOf = directoratesOf(tree);
    const directorateIds = new Set([...placeOf.values()].filter((id): id is number => id !== null));
    const missing = cases.filter((row) => row.unitId !== null && isInQuarter(row.receivedOn, quarter) && !tree.get(row.unitId));
    if (missing.length > 0) {
      const earlier = directoratesOf(await loadOrgTree(db, quarterStart(quarter)));
      for (const row of missing) {
        const place = row.unitId === null ? undefined : earlier.get(row.unitId);
        if (row.unitId !== null && place !== undefined) placeOf.set(row.unitId, place !== null && directorateIds.has(place) ? place : null);
      }
    }
    const directorates = [...directorateIds]
      .map((unitId) => ({ unitId, name: tree.get(unitId)?.name ?? '', headcount: totalsFor(tree, unitId, counts).headcount }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
    const headcount = tree.roots().reduce((sum, root) => sum + totalsFor(tree, root.id, counts).headcount, 0);
    organisations.push({ quarter, directorates, headcount, placeOf });
  }
  return organisations;
}
