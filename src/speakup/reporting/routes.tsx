import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { downloadName, downloadResponse } from '#src/scorecard/downloads.ts';
import type { AppEnv } from '#src/web/env.ts';
import { badRequest } from '#src/web/errors.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { ngoReturn, ngoReturnTable } from './ngo-return.ts';
import { latestCompleteQuarter, parseQuarter, quarterKey, quarterLabel, quarterOf, quartersBetween, quartersEnding, quarterStart, type Quarter } from './quarters.ts';
import { ReturnPage, RETURN_TITLE } from './return-view.tsx';
import { firstCaseReceivedOn, loadQuarterOrganisations, loadReportRows } from './store.ts';
import { SPEAK_UP_MINIMUM, themes, themesTable } from './themes.ts';
import { ThemesPage, THEMES_TITLE } from './themes-view.tsx';

/** Quarters in the trends table. */
const TREND_QUARTERS = 8;

/**
 * `?quarter=2026-Q2`: the financial year's starting year and the quarter (Q1 April–June … Q4
 * January–March). Absent, the latest quarter that has ended.
 */
function chosenQuarter(c: Context<AppEnv>, latest: Quarter): Quarter {
  const text = c.req.query('quarter');
  if (text === undefined || text === '') return latest;
  const quarter = parseQuarter(text);
  if (!quarter) {
    throw badRequest(
      'The quarter must be written like 2026-Q2: the year the financial year starts, then Q1 (April to June), Q2 (July to September), Q3 (October to December) or Q4 (January to March).',
    );
  }
  if (quarterStart(quarter) > quarterStart(latest)) throw badRequest(`${quarterLabel(quarter)} has not ended yet: the latest complete quarter is ${quarterLabel(latest)}.`);
  return quarter;
}

/** Every complete quarter back to the first case (at least the trends' span, and the chosen one), newest first. */
async function quarterChoices(c: Context<AppEnv>, latest: Quarter, chosen: Quarter): Promise<Quarter[]> {
  const first = await firstCaseReceivedOn(c.get('database').db);
  const starts = [quartersEnding(latest, TREND_QUARTERS)[0] ?? latest, chosen, ...(first === undefined ? [] : [quarterOf(first)])];
  const earliest = starts.reduce((a, b) => (quarterStart(b) < quarterStart(a) ? b : a));
  return quartersBetween(earliest, latest);
}

function accountId(c: Context<AppEnv>): number | null {
  return c.get('principal')?.accountId ?? null;
}

/** Mounted at /speak-up/reports: themes and trends for the board, and the national return. */
export const reportRoutes = new Hono<AppEnv>()
  .get('/', requires('speakup.reports'), async (c) => {
    const db = c.get('database').db;
    const latest = latestCompleteQuarter(isoDate(c.get('clock')()));
    const chosen = chosenQuarter(c, latest);
    const quarters = quartersEnding(chosen, TREND_QUARTERS);
    const rows = await loadReportRows(db);
    const result = themes(rows, await loadQuarterOrganisations(db, quarters, rows), SPEAK_UP_MINIMUM);
    if (c.req.query('format') === 'csv') {
      const name = downloadName(['speak-up-themes', quarterKey(quarters[0] ?? chosen), 'to', quarterKey(chosen)], 'csv');
      return downloadResponse(themesTable(result, SPEAK_UP_MINIMUM), 'csv', name);
    }
    return renderPage(c, THEMES_TITLE, <ThemesPage quarters={result} choices={await quarterChoices(c, latest, chosen)} minimum={SPEAK_UP_MINIMUM} />);
  })
  .get('/return', requires('speakup.reports'), async (c) => {
    const db = c.get('database').db;
    const now = c.get('clock')();
    const latest = latestCompleteQuarter(isoDate(now));
    const quarter = chosenQuarter(c, latest);
    const result = ngoReturn(await loadReportRows(db), quarter);
    if (c.req.query('format') === 'csv') {
      await recordAudit(db, { actorAccountId: accountId(c), action: 'speak-up.return.downloaded', detail: { quarter: quarterKey(quarter) } }, now);
      return downloadResponse(ngoReturnTable(result), 'csv', downloadName(['ngo-return', quarterKey(quarter)], 'csv'));
    }
    return renderPage(c, `${RETURN_TITLE}, ${quarterLabel(quarter)}`, <ReturnPage result={result} choices={await quarterChoices(c, latest, quarter)} />);
  });
