import type { Db } from '#src/db/client.ts';
import { latestCompleteQuarter, quarterKey, quarterLabel } from '#src/speakup/reporting/quarters.ts';
import { loadQuarterOrganisations, loadReportRows } from '#src/speakup/reporting/store.ts';
import { SPEAK_UP_MINIMUM, themes, type ThemeQuarter } from '#src/speakup/reporting/themes.ts';
import type { ReportSpeakUpThemes } from '../snapshot.ts';

/** The day after the report month ends ('2026-10' → '2026-11-01'): a quarter ending in the month is complete by then. */
function dayAfterMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  return next > 12 ? `${year + 1}-01-01` : `${year}-${String(next).padStart(2, '0')}-01`;
}

/** The last quarter complete by the end of the report month, and by today (a report for this month). */
export function reportQuarter(month: string, today: string) {
  const after = dayAfterMonth(month);
  return latestCompleteQuarter(after < today ? after : today);
}

/** The themes table as the report shows it: the trust's directorates, then the whole trust; hidden cells null. */
export function speakUpSection(result: ThemeQuarter, minimum: number = SPEAK_UP_MINIMUM): ReportSpeakUpThemes {
  return {
    quarter: quarterKey(result.quarter),
    categories: result.categories.map((category) => category.label),
    rows: [...result.rows, result.trust].map((row) => ({ directorate: row.name, cases: row.cases, byCategory: row.categories })),
    note:
      `Concerns received in ${quarterLabel(result.quarter)}, by the directorate they were about. A concern in several categories counts once in each. ` +
      `Where a directorate has fewer than ${minimum} staff its numbers are not shown, and another row is hidden with it so that they cannot be worked out from the trust total.`,
  };
}

/** Speak-up themes for the last complete quarter up to the month; null when the trust has recorded no concerns. */
export async function loadSpeakUpSection(db: Db, month: string, today: string): Promise<ReportSpeakUpThemes | null> {
  const cases = await loadReportRows(db);
  if (cases.length === 0) return null;
  const quarter = reportQuarter(month, today);
  const [result] = themes(cases, await loadQuarterOrganisations(db, [quarter], cases), SPEAK_UP_MINIMUM);
  return result ? speakUpSection(result) : null;
}
