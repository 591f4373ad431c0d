import type { Db } from '#src/db/client.ts';
import { loadOrgTree } from '#src/org/store.ts';
import { isoDate } from '#src/web/today.ts';
import { buildSnapshot } from './reports/build.ts';
import { insertReport, latestScorecardMonth, moveReport, publishReport, saveCommentary, type CommentaryInput } from './reports/store.ts';
import { trustUnitId } from './strategy/trust-unit.ts';

/** What the demo's metric owners wrote. Synthetic, like everything in the demo. */
const COMMENTARY: Record<string, CommentaryInput> = {
  sickness_absence_rate: {
    chartTellsUs: 'Sickness absence is within its usual range for the trust as a whole, but one Emergency Operations hub has been above its own limits for four months.',
    actions: 'The hub’s managers are reviewing long-term cases with occupational health, and the wellbeing team is running sessions on the hub’s rest days.',
    expectChange: 'Within three months, when the first long-term cases have returned or moved to a managed outcome.',
  },
  leaver_rate: {
    chartTellsUs: 'Leavers over 12 months are above the trust’s target and the 111 call centre shows a special cause of concern.',
    actions: 'Stay conversations for staff in their first year; the 111 rota consultation has been brought forward.',
    expectChange: 'The 12-month rate moves slowly: from the spring, once the new rota starts.',
  },
  safe_to_speak_up: {
    chartTellsUs: 'Fewer staff say they feel safe to speak up than last year; the fall is concentrated where speak-up concerns have also risen.',
    actions: 'The Freedom to Speak Up Guardian is visiting every hub, and the executive team is meeting staff in the hub where concerns rose.',
    expectChange: 'At the next staff survey in the autumn.',
  },
};

const previousMonth = (month: string) => {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 2, 1));
  return date.toISOString().slice(0, 7);
};

/**
 * Gives the demo board a report to read: last month's, published with its owners' commentary, and
 * this month's in draft, so "what changed" and the publishing steps can be tried.
 */
export async function seedDemoBoardReports(db: Db, accounts: { analyst: number; admin: number }, now: Date): Promise<void> {
  const trustId = trustUnitId(await loadOrgTree(db, isoDate(now)));
  const latest = trustId === undefined ? null : await latestScorecardMonth(db, trustId);
  if (!latest) return;
  const published = await insertReport(db, previousMonth(latest), accounts.analyst, now);
  if (published === undefined) return;
  for (const [metricKey, commentary] of Object.entries(COMMENTARY)) await saveCommentary(db, published, metricKey, commentary, accounts.analyst, now);
  await moveReport(db, published, 'draft', 'ready');
  await publishReport(db, published, await buildSnapshot(db, previousMonth(latest), now), accounts.admin, now);
  await insertReport(db, latest, accounts.analyst, now);
}
