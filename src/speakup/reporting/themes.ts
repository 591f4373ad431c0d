import type { DownloadTable } from '#src/scorecard/downloads.ts';
import { COMPLEMENTARY, PRIMARY, suppress } from '#src/stats/suppression/suppress.ts';
import { MINIMUM_GROUP_SIZES } from '#src/stats/suppression/thresholds.ts';
import { CATEGORIES, type Category } from '../rules.ts';
import { categoriesInQuarter } from './ngo-return.ts';
import { isInQuarter, quarterLabel, type Quarter } from './quarters.ts';

/** The speak-up minimum: a directorate with fewer staff than this shows no numbers. */
export const SPEAK_UP_MINIMUM = MINIMUM_GROUP_SIZES.speakUp.default;

export interface ThemeCase {
  receivedOn: string;
  unitId: number | null;
  categories: readonly string[];
}

export interface DirectorateHeadcount {
  unitId: number;
  name: string;
  headcount: number;
}

/** The organisation at a quarter's end, as the themes need it. */
export interface QuarterOrganisation {
  quarter: Quarter;
  /** Directorates open at the quarter's end (none nested in another), in name order, with staff in post that day. */
  directorates: DirectorateHeadcount[];
  /** Staff in post across the trust at the quarter's end. */
  headcount: number;
  /**
   * Where a unit's cases roll up: its directorate's id, or null for a unit outside every
   * directorate. The trust itself and units not in the tree are absent: their cases are "not given".
   */
  placeOf: ReadonlyMap<number, number | null>;
}

export type ThemeRowKind = 'directorate' | 'rest' | 'not-given' | 'trust';
export type Suppressed = 'primary' | 'complementary';

export interface ThemeRow {
  kind: ThemeRowKind;
  unitId: number | null;
  name: string;
  /** Why the row's numbers are hidden, or null when they are shown. */
  suppressed: Suppressed | null;
  /** Staff in post at the quarter's end; null when hidden or for "not given". */
  headcount: number | null;
  cases: number | null;
  per100Staff: number | null;
  /** Cases per category, in the order of the quarter's categories; null when hidden. */
  categories: (number | null)[];
}

export interface ThemeQuarter {
  quarter: Quarter;
  /** Every category recorded during the quarter, national and local. */
  categories: Category[];
  /** Directorates, then "elsewhere in the trust" (when it has staff or cases), then "no directorate given". */
  rows: ThemeRow[];
  trust: ThemeRow;
}

export const ROW_NAMES = { rest: 'Elsewhere in the trust', notGiven: 'No directorate given', trust: 'Whole trust' } as const;

interface Tally {
  cases: number;
  categories: number[];
}

function per100(cases: number, headcount: number): number | null {
  return headcount > 0 ? Math.round((cases / headcount) * 10_000) / 100 : null;
}

/**
 * Cases received per quarter by directorate and category, for the board, with small-number
 * suppression (`../shared/methods/suppression.md`): a directorate (or the rest of the trust) with
 * fewer staff than the speak-up minimum shows nothing, and another row is hidden with it so that
 * its numbers cannot be worked out as the trust total minus the rows shown. A case with several
 * categories counts once in each; a case counts once in "cases" whatever its categories.
 */
export function themes(cases: readonly ThemeCase[], organisations: readonly QuarterOrganisation[], minimum: number = SPEAK_UP_MINIMUM): ThemeQuarter[] {
  return organisations.map((organisation) => themeQuarter(cases, organisation, minimum));
}

function themeQuarter(cases: readonly ThemeCase[], organisation: QuarterOrganisation, minimum: number): ThemeQuarter {
  const categories = categoriesInQuarter(organisation.quarter);
  const tally = (): Tally => ({ cases: 0, categories: categories.map(() => 0) });
  const byDirectorate = new Map(organisation.directorates.map((directorate) => [directorate.unitId, tally()]));
  const rest = tally();
  const notGiven = tally();
  const trust = tally();
  for (const row of cases) {
    if (!isInQuarter(row.receivedOn, organisation.quarter)) continue;
    const place = row.unitId === null ? undefined : organisation.placeOf.get(row.unitId);
    const target = place === undefined ? notGiven : place === null ? rest : (byDirectorate.get(place) ?? rest);
    const keys = new Set(row.categories);
    for (const counts of [target, trust]) {
      counts.cases += 1;
      categories.forEach((category, k) => {
        if (keys.has(category.key)) counts.categories[k] = (counts.categories[k] ?? 0) + 1;
      });
    }
  }

  const directorateStaff = organisation.directorates.reduce((sum, directorate) => sum + directorate.headcount, 0);
  const restHeadcount = organisation.headcount - directorateStaff;
  if (restHeadcount < 0) throw new RangeError('themes: the directorates hold more staff than the trust');
  const rows: { kind: ThemeRowKind; unitId: number | null; name: string; headcount: number | null; counts: Tally }[] = [
    ...organisation.directorates.map((directorate) => ({
      kind: 'directorate' as const,
      unitId: directorate.unitId,
      name: directorate.name,
      headcount: directorate.headcount,
      counts: byDirectorate.get(directorate.unitId) ?? tally(),
    })),
    ...(restHeadcount > 0 || rest.cases > 0 ? [{ kind: 'rest' as const, unitId: null, name: ROW_NAMES.rest, headcount: restHeadcount, counts: rest }] : []),
    { kind: 'not-given', unitId: null, name: ROW_NAMES.notGiven, headcount: null, counts: notGiven },
  ];

  const reasons = suppressRows(
    rows.map((row) => row.headcount),
    organisation.headcount,
    minimum,
  );
  const show = (kind: ThemeRowKind, unitId: number | null, name: string, headcount: number | null, counts: Tally, suppressed: Suppressed | null): ThemeRow =>
    suppressed
      ? { kind, unitId, name, suppressed, headcount: null, cases: null, per100Staff: null, categories: categories.map(() => null) }
      : { kind, unitId, name, suppressed, headcount, cases: counts.cases, per100Staff: headcount === null ? null : per100(counts.cases, headcount), categories: counts.categories };
  return {
    quarter: organisation.quarter,
    categories,
    rows: rows.map((row, index) => show(row.kind, row.unitId, row.name, row.headcount, row.counts, reasons.rows[index] ?? null)),
    trust: show('trust', null, ROW_NAMES.trust, organisation.headcount, trust, reasons.trust),
  };
}

/**
 * Suppression of the one-level tree "trust = its rows". A row's group is its staff; "not given"
 * has no staff and is never too small itself, so it stands in the tree at the minimum (it may be
 * hidden as a complement: hiding it reveals least). A trust below the minimum hides everything.
 */
function suppressRows(headcounts: readonly (number | null)[], trustHeadcount: number, minimum: number): { trust: Suppressed | null; rows: (Suppressed | null)[] } {
  if (trustHeadcount < minimum) return { trust: 'primary', rows: headcounts.map((headcount) => (headcount === null ? 'complementary' : 'primary')) };
  const sizes = headcounts.map((headcount) => headcount ?? minimum);
  const result = suppress({
    parent: [-1, ...sizes.map(() => 0)],
    groupSize: [sizes.reduce((sum, size) => sum + size, 0), ...sizes],
    minimumSize: minimum,
  });
  const reason = (code: number | undefined): Suppressed | null => (code === PRIMARY ? 'primary' : code === COMPLEMENTARY ? 'complementary' : null);
  return { trust: reason(result.reason[0]), rows: sizes.map((_, index) => reason(result.reason[index + 1])) };
}

export function suppressedNote(reason: Suppressed, minimum: number = SPEAK_UP_MINIMUM): string {
  return reason === 'primary' ? `Fewer than ${minimum} staff, so no numbers are shown` : 'Hidden so that a smaller group’s numbers cannot be worked out from the trust total';
}

/** Every category recorded in any of the quarters, in the order of CATEGORIES. */
export function categoriesAcross(quarters: readonly ThemeQuarter[]): Category[] {
  return CATEGORIES.filter((category) => quarters.some((quarter) => quarter.categories.includes(category)));
}

/** Categories "not recorded" in a quarter are ones that did not exist then (a blank would read as zero). */
export function categoryCell(quarter: ThemeQuarter, row: ThemeRow, category: Category): number | null | 'not recorded' {
  const k = quarter.categories.findIndex((candidate) => candidate.key === category.key);
  return k < 0 ? 'not recorded' : (row.categories[k] ?? null);
}

/** All quarters as a file: suppressed cells are the word "suppressed", never a value. */
export function themesTable(quarters: readonly ThemeQuarter[], minimum: number = SPEAK_UP_MINIMUM): DownloadTable {
  const categories = categoriesAcross(quarters);
  const value = (cell: number | null | string) => (cell === null ? 'suppressed' : cell);
  return {
    sheet: 'Speak-up themes',
    columns: ['Quarter', 'Area', 'Staff in post at quarter end', 'Cases received', 'Cases per 100 staff', ...categories.map((category) => category.label), 'Note'],
    rows: quarters.flatMap((quarter) =>
      [...quarter.rows, quarter.trust].map((row) => [
        quarterLabel(quarter.quarter),
        row.name,
        row.kind === 'not-given' ? 'not applicable' : value(row.headcount),
        value(row.cases),
        row.kind === 'not-given' ? 'not applicable' : value(row.per100Staff),
        ...categories.map((category) => value(categoryCell(quarter, row, category))),
        row.suppressed ? suppressedNote(row.suppressed, minimum) : '',
      ]),
    ),
  };
}
