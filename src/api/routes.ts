import { Hono, type Context } from 'hono';
import { requires } from '#src/auth/guard.ts';
import { can, type Principal } from '#src/auth/permissions.ts';
import type { OrgTree, OrgUnitNode } from '#src/org/tree.ts';
import { unitsInScope } from '#src/signals/scope.ts';
import { listOpenActiveSignals } from '#src/signals/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError } from '#src/web/errors.ts';
import { latestMonth, PERIOD_PATTERN, publishedCell } from './scorecard.ts';
import { listMetricCatalogue, listPublishedSeries } from './store.ts';

const unitJson = (unit: OrgUnitNode) => ({ id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId });

function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AppError(403, 'Not signed in');
  return principal;
}

/** Reads the `unit` query parameter: 400 when it is not an id, 404 when there is no such unit, 403 outside the token owner's scope. */
function requestedUnit(c: Context<AppEnv>, tree: OrgTree, principal: Principal): OrgUnitNode {
  const raw = c.req.query('unit') ?? '';
  if (!/^\d+$/.test(raw)) throw new AppError(400, `unit: expected the id of an organisation unit from /api/v1/units, got "${raw.slice(0, 40)}"`);
  const unit = tree.get(Number(raw));
  if (!unit) throw new AppError(404, `unit: there is no open organisation unit with id ${raw}`);
  if (!can(principal, 'scorecard.view', unit.id, tree)) throw new AppError(403, `unit: your token may not read unit ${raw}`);
  return unit;
}

/**
 * The read-only JSON API (errors are JSON: see isApiPath in app.ts). Every answer is built from the engine's published (suppressed) series,
 * never from facts, and covers only the units the token owner may see today.
 */
export const apiRoutes = new Hono<AppEnv>()
  .get('/units', requires('scorecard.view'), async (c) => {
    const tree = await c.get('orgTree')();
    return c.json({ units: unitsInScope(principalOf(c), 'scorecard.view', tree).map(unitJson) });
  })
  .get('/metrics', requires('scorecard.view'), async (c) => {
    return c.json({ metrics: await listMetricCatalogue(c.get('database').db) });
  })
  .get('/scorecard', requires('scorecard.view'), async (c) => {
    const tree = await c.get('orgTree')();
    const unit = requestedUnit(c, tree, principalOf(c));
    const requestedPeriod = c.req.query('period');
    if (requestedPeriod !== undefined && !PERIOD_PATTERN.test(requestedPeriod)) {
      throw new AppError(400, `period: expected a month as YYYY-MM, for example 2026-05, got "${requestedPeriod.slice(0, 40)}"`);
    }
    const units = [unit, ...tree.children(unit.id)];
    const series = await listPublishedSeries(
      c.get('database').db,
      units.map((u) => u.id),
    );
    const period = requestedPeriod ?? latestMonth(series) ?? null;
    return c.json({
      unit: unitJson(unit),
      period,
      units: units.map((u) => ({
        ...unitJson(u),
        metrics: period === null ? [] : series.filter((row) => row.unitId === u.id).map((row) => publishedCell(row, period)),
      })),
    });
  })
  .get('/signals', requires('scorecard.view'), async (c) => {
    const tree = await c.get('orgTree')();
    const principal = principalOf(c);
    const units = c.req.query('unit') === undefined ? unitsInScope(principal, 'scorecard.view', tree) : tree.subtree(requestedUnit(c, tree, principal).id);
    const signals = await listOpenActiveSignals(
      c.get('database').db,
      units.map((u) => u.id),
    );
    return c.json({
      signals: signals.map((s) => ({
        id: s.id,
        unitId: s.unitId,
        metric: s.metricKey,
        metricName: s.metricName,
        source: s.source,
        kind: s.kind,
        rule: s.rule,
        sincePeriod: s.sincePeriod,
        lastPeriod: s.lastPeriod,
        evidence: s.evidence,
        status: s.status,
        createdAt: s.createdAt.toISOString(),
      })),
    });
  });
