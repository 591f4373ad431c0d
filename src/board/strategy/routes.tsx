import { Hono } from 'hono';
import { requires } from '#src/auth/guard.ts';
import { can } from '#src/auth/permissions.ts';
import { latestCompleteQuarter, parseQuarter, quarterEnd, quarterKey, quarterLabel, quartersEnding, quarterStart, type Quarter } from '#src/speakup/reporting/quarters.ts';
import type { AppEnv } from '#src/web/env.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { editRoutes } from './edit-routes.tsx';
import { countStatuses, loadStrategyView } from './strategy-view.ts';
import { trustUnitId } from './trust-unit.ts';
import { ProgressPage, StrategyPage } from './views.tsx';

const QUARTERS_OFFERED = 8;

/** The quarter asked for, or why it cannot be shown; no quarter means the latest complete one. */
function chooseQuarter(asked: string | undefined, latest: Quarter): { quarter: Quarter } | { error: string } {
  if (asked === undefined || asked.trim() === '') return { quarter: latest };
  const quarter = parseQuarter(asked);
  if (!quarter) return { error: 'Choose a quarter from the list' };
  if (quarterStart(quarter) > quarterStart(latest)) return { error: `Choose a quarter that has ended: the latest is ${quarterLabel(latest)}` };
  return { quarter };
}

/** Mounted at /board/strategy (vision, values, objectives, success measures and their progress). */
export const strategyRoutes = new Hono<AppEnv>()
  .get('/', requires('board.reports.view'), async (c) => {
    const principal = c.get('principal');
    const asOf = isoDate(c.get('clock')()).slice(0, 7);
    const view = await loadStrategyView(c.get('database').db, trustUnitId(await c.get('orgTree')()), asOf);
    return renderPage(c, view.strategy?.title ?? 'Strategy', <StrategyPage view={view} canEdit={principal !== undefined && can(principal, 'strategy.edit')} />);
  })
  .get('/progress', requires('board.reports.view'), async (c) => {
    const latest = latestCompleteQuarter(isoDate(c.get('clock')()));
    const chosen = chooseQuarter(c.req.query('quarter'), latest);
    const offered = quartersEnding(latest, QUARTERS_OFFERED).reverse();
    if ('quarter' in chosen && !offered.some((q) => quarterKey(q) === quarterKey(chosen.quarter))) offered.push(chosen.quarter);
    const quarters = offered.map((q) => ({ value: quarterKey(q), text: quarterLabel(q) }));
    if ('error' in chosen) {
      return renderPage(c, 'Strategy progress', <ProgressPage quarterLabel="" quarter={quarterKey(latest)} quarters={quarters} errors={{ quarter: chosen.error }} report={null} />, {
        status: 400,
        hasErrors: true,
      });
    }
    const asOf = quarterEnd(chosen.quarter).slice(0, 7);
    const view = await loadStrategyView(c.get('database').db, trustUnitId(await c.get('orgTree')()), asOf);
    const label = quarterLabel(chosen.quarter);
    const counts = countStatuses(view.objectives.flatMap((objective) => objective.measures));
    return renderPage(
      c,
      `Strategy progress ${label}`,
      <ProgressPage quarterLabel={label} quarter={quarterKey(chosen.quarter)} quarters={quarters} errors={{}} report={{ view, counts }} />,
    );
  })
  .route('/', editRoutes);
