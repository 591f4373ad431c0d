import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { can, scopeRoots, type Principal } from '#src/auth/permissions.ts';
import { METRICS_BY_KEY, SOURCES } from '#src/metrics/catalogue.ts';
import type { FunnelSummary } from '#src/metrics/schema.ts';
import type { OrgTree, OrgUnitNode } from '#src/org/tree.ts';
import { curveSizes, funnelChartSvg, POSITION_WORDS, type FunnelChartPosition } from '#src/web/charts/funnel-chart.ts';
import type { AppEnv } from '#src/web/env.ts';
import { forbidden, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { heatCell } from './cells.ts';
import { downloadFormat, downloadName, downloadResponse } from './downloads.ts';
import { axisLabel, formatCount, formatPeriod, formatTick, formatValue, funnelDisplayFactor, minimumFor, suppressedText } from './format.ts';
import { metricEditSchema } from './forms.ts';
import { funnelCurves, funnelSpecFromSummaries } from './funnel-curves.ts';
import { HeatmapPage, type HeatmapRow } from './heatmap-view.tsx';
import { MetricEditPage, metricFormValues } from './metric-edit-view.tsx';
import { MetricPage, MetricsPage, type ComparisonRow } from './metric-view.tsx';
import { breadcrumbFor, type SpotView } from './parts.tsx';
import { SpotsPage } from './spots-view.tsx';
import {
  findMetric,
  findUnitSpot,
  listActiveSignals,
  listFunnelCells,
  listLatestCells,
  listMetrics,
  listSpots,
  listUnitActions,
  listUnitSeries,
  updateMetric,
  type MetricChanges,
  type MetricRow,
  type SpotRow,
} from './store.ts';
import { comparisonTable, heatmapTable, unitSeriesTable, type ComparisonDownloadRow } from './tables.ts';
import { headcountOf, teamSections } from './team.ts';
import { TeamPage } from './team-view.tsx';

const PANEL_SPOTS = 5;

async function scope(c: Context<AppEnv>): Promise<{ principal: Principal; tree: OrgTree }> {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return { principal, tree: await c.get('orgTree')() };
}

/** The unit named by `?unit=`, checked against the principal's scope; undefined when not given. */
function queriedUnit(c: Context<AppEnv>, principal: Principal, tree: OrgTree): OrgUnitNode | undefined {
  const query = c.req.query('unit');
  if (query === undefined || query === '') return undefined;
  const unit = /^\d+$/.test(query) ? tree.get(Number(query)) : undefined;
  if (!unit) throw notFound();
  if (!can(principal, 'scorecard.view', unit.id, tree)) throw forbidden();
  return unit;
}

/** The unit's ancestors the principal may see, for a breadcrumb. */
function visibleAncestors(principal: Principal, tree: OrgTree, unit: OrgUnitNode): OrgUnitNode[] {
  return tree
    .path(unit.id)
    .slice(0, -1)
    .filter((ancestor) => can(principal, 'scorecard.view', ancestor.id, tree));
}

function spotViews(rows: readonly SpotRow[], tree: OrgTree, within: (unitId: number) => boolean): SpotView[] {
  return rows.flatMap((row) => {
    const unit = tree.get(row.unitId);
    if (!unit || !within(row.unitId) || row.kind === 'watch') return [];
    return [{ unit, kind: row.kind, rank: row.rank, sources: row.sources, headcount: row.headcount, evidence: row.evidence }];
  });
}

/** Whether a unit is inside the view: the chosen unit's subtree, or anywhere in the principal's scope. */
function withinView(principal: Principal, tree: OrgTree, unit: OrgUnitNode | undefined) {
  return (unitId: number) => (unit ? tree.isWithin(unitId, unit.id) : can(principal, 'scorecard.view', unitId, tree));
}

function sourceQuery(c: Context<AppEnv>): string {
  const source = c.req.query('source') ?? '';
  return source in SOURCES ? source : '';
}

function metricParam(c: Context<AppEnv>): string {
  return c.req.param('metricKey') ?? '';
}

export const scorecardRoutes = new Hono<AppEnv>()
  .get('/', requires('scorecard.view'), async (c) => {
    const { principal, tree } = await scope(c);
    const db = c.get('database').db;
    const chosen = queriedUnit(c, principal, tree);
    const roots = scopeRoots(principal, 'scorecard.view', tree).flatMap((id) => tree.get(id) ?? []);
    const unit = chosen ?? (roots.length === 1 ? roots[0] : undefined);
    const rowUnits = unit
      ? [{ unit, isTotal: true }, ...tree.children(unit.id).map((child) => ({ unit: child, isTotal: false }))]
      : roots.map((root) => ({ unit: root, isTotal: false }));
    const source = sourceQuery(c);
    const metrics = (await listMetrics(db)).filter((metric) => source === '' || metric.source === source);
    const latest = await listLatestCells(
      db,
      rowUnits.map((row) => row.unit.id),
    );
    const byKey = new Map(latest.map((cell) => [`${cell.unitId}:${cell.metricKey}`, cell]));
    const rows: HeatmapRow[] = rowUnits.map(({ unit: rowUnit, isTotal }) => ({
      unit: rowUnit,
      isTotal,
      hasChildren: tree.children(rowUnit.id).length > 0,
      cells: metrics.map((metric) => heatCell(byKey.get(`${rowUnit.id}:${metric.key}`))),
    }));
    const params = new URLSearchParams();
    if (chosen) params.set('unit', String(chosen.id));
    if (source) params.set('source', source);
    const query = params.size > 0 ? `?${params.toString()}` : '';

    const format = downloadFormat(c.req.query('format'));
    if (format) {
      const name = downloadName(['scorecard', unit?.code ?? 'your-units', source, 'latest', isoDate(c.get('clock')())], format);
      return downloadResponse(heatmapTable(metrics, rows), format, name);
    }
    const spots = await listSpots(db, ['dark', 'bright']);
    const within = withinView(principal, tree, unit);
    return renderPage(
      c,
      unit ? `Scorecard: ${unit.name}` : 'Scorecard',
      <HeatmapPage
        unit={unit ?? null}
        breadcrumb={chosen ? breadcrumbFor(visibleAncestors(principal, tree, chosen), (a) => `/scorecard?unit=${a.id}`) : []}
        metrics={metrics}
        rows={rows}
        source={source}
        dark={spotViews(spots.filter((s) => s.kind === 'dark'), tree, within).slice(0, PANEL_SPOTS)}
        bright={spotViews(spots.filter((s) => s.kind === 'bright'), tree, within).slice(0, PANEL_SPOTS)}
        query={query}
      />,
    );
  })
  .get('/spots', requires('scorecard.view'), async (c) => {
    const { principal, tree } = await scope(c);
    const db = c.get('database').db;
    const unit = queriedUnit(c, principal, tree);
    const within = withinView(principal, tree, unit);
    const spots = await listSpots(db, ['dark', 'bright']);
    const tested = unit ? tree.subtree(unit.id) : scopeRoots(principal, 'scorecard.view', tree).flatMap((id) => tree.subtree(id));
    const metrics = await listMetrics(db);
    return renderPage(
      c,
      'Dark and bright spots',
      <SpotsPage
        unit={unit ?? null}
        breadcrumb={breadcrumbFor(unit ? [...visibleAncestors(principal, tree, unit), unit] : [], (a) => `/scorecard?unit=${a.id}`)}
        dark={spotViews(spots.filter((s) => s.kind === 'dark'), tree, within)}
        bright={spotViews(spots.filter((s) => s.kind === 'bright'), tree, within)}
        chance={{ expected: null, units: tested.length, metrics: metrics.length }}
      />,
    );
  })
  .get('/units/:unitId', requires('scorecard.view', { unitParam: 'unitId' }), async (c) => {
    const { principal, tree } = await scope(c);
    const unit = tree.get(Number(c.req.param('unitId')));
    if (!unit) throw notFound();
    const db = c.get('database').db;
    const [metrics, series] = await Promise.all([listMetrics(db), listUnitSeries(db, unit.id)]);
    const format = downloadFormat(c.req.query('format'));
    if (format) {
      return downloadResponse(unitSeriesTable(unit, metrics, series), format, downloadName(['scorecard', unit.code, 'series', isoDate(c.get('clock')())], format));
    }
    const canManageSignals = can(principal, 'signals.manage', unit.id, tree);
    const [signals, actions, spot] = await Promise.all([listActiveSignals(db, unit.id), listUnitActions(db, unit.id), findUnitSpot(db, unit.id)]);
    const names = new Map(metrics.map((m) => [m.key, m.name]));
    const visibleSpot = spot && (spot.kind !== 'watch' || canManageSignals) ? spot : undefined;
    return renderPage(
      c,
      `Scorecard: ${unit.name}`,
      <TeamPage
        unit={unit}
        breadcrumb={breadcrumbFor(visibleAncestors(principal, tree, unit), (a) => `/scorecard?unit=${a.id}`)}
        headcount={headcountOf(series)}
        spot={
          visibleSpot
            ? { unit, kind: visibleSpot.kind, rank: visibleSpot.rank, sources: visibleSpot.sources, headcount: visibleSpot.headcount, evidence: visibleSpot.evidence }
            : null
        }
        sections={teamSections(unit, metrics, series)}
        signals={signals.map((s) => ({ ...s, metricName: names.get(s.metricKey) ?? s.metricKey }))}
        actions={actions}
        canManageSignals={canManageSignals}
        hasChildren={tree.children(unit.id).length > 0}
      />,
    );
  })
  .get('/metrics', requires('scorecard.view'), async (c) => {
    const { principal } = await scope(c);
    return renderPage(c, 'Measures', <MetricsPage metrics={await listMetrics(c.get('database').db)} canEdit={can(principal, 'metrics.edit')} />);
  })
  .get('/metrics/:metricKey', requires('scorecard.view'), async (c) => {
    const { principal, tree } = await scope(c);
    const db = c.get('database').db;
    const metric = await findMetric(db, metricParam(c));
    if (!metric) throw notFound();
    const roots = scopeRoots(principal, 'scorecard.view', tree).flatMap((id) => tree.get(id) ?? []);
    const parent = queriedUnit(c, principal, tree) ?? roots[0];
    if (!parent) throw forbidden();
    const children = tree.children(parent.id);
    const measure = METRICS_BY_KEY.get(metric.key)?.funnel ?? null;
    const { rows, downloadRows, funnelSvg, window } = measure
      ? await funnelComparison(c, metric, measure, parent, children)
      : await latestComparison(c, metric, children);

    const format = downloadFormat(c.req.query('format'));
    if (format) {
      const table = comparisonTable(metric, downloadRows, measure ? metric.denominatorLabel : 'Period');
      return downloadResponse(table, format, downloadName(['measure', metric.key, 'units-in', parent.code, isoDate(c.get('clock')())], format));
    }
    const parents = roots.flatMap((root) => tree.subtree(root.id)).filter((unit) => tree.children(unit.id).length > 0);
    return renderPage(
      c,
      metric.name,
      <MetricPage
        metric={metric}
        parent={parent}
        parents={parents.map((unit) => ({ id: unit.id, name: `${'– '.repeat(tree.path(unit.id).length - 1)}${unit.name}` }))}
        funnelSvg={funnelSvg}
        window={window}
        rows={rows}
        hasFunnel={measure !== null}
        canEdit={can(principal, 'metrics.edit')}
        saved={c.req.query('saved') === '1'}
      />,
    );
  })
  .get('/metrics/:metricKey/edit', requires('metrics.edit'), async (c) => {
    const metric = await findMetric(c.get('database').db, metricParam(c));
    if (!metric) throw notFound();
    return showEdit(c, metric, {}, metricFormValues(metric));
  })
  .post('/metrics/:metricKey/edit', requires('metrics.edit'), async (c) => {
    const { principal } = await scope(c);
    const db = c.get('database').db;
    const metric = await findMetric(db, metricParam(c));
    if (!metric) throw notFound();
    const form = parseForm(metricEditSchema(metric.suppressionRule), await c.req.parseBody());
    if (!form.ok) return showEdit(c, metric, form.errors, form.values);
    const effectiveMinimum = minimumFor(metric)?.size ?? metric.minimumGroupSize;
    const changes: MetricChanges = {};
    const detail: Record<string, string | number | null> = {};
    const note = <K extends keyof MetricChanges>(field: K, before: MetricChanges[K] | null, after: MetricChanges[K] | null) => {
      if (before === after) return;
      changes[field] = after as MetricChanges[K];
      detail[`${field}.old`] = before ?? null;
      detail[`${field}.new`] = after ?? null;
    };
    note('name', metric.name, form.data.name);
    note('description', metric.description, form.data.description);
    note('target', metric.target, form.data.target);
    note('polarity', metric.polarity, form.data.polarity);
    if (form.data.minimumGroupSize !== effectiveMinimum) note('minimumGroupSize', metric.minimumGroupSize, form.data.minimumGroupSize);
    if (Object.keys(changes).length > 0) {
      const now = c.get('clock')();
      await updateMetric(db, metric.key, changes, principal.accountId, now);
      await recordAudit(db, { actorAccountId: principal.accountId, action: 'metric.updated', subject: `metric:${metric.key}`, detail: { fields: Object.keys(changes).join(','), ...detail } }, now);
    }
    return c.redirect(`/scorecard/metrics/${metric.key}?saved=1`, 303);
  });

function showEdit(c: Context<AppEnv>, metric: MetricRow, errors: FieldErrors, values: FormValues) {
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(c, `Edit ${metric.name}`, <MetricEditPage metric={metric} csrfToken={c.get('csrfToken')} errors={errors} values={values} />, {
    status: hasErrors ? 400 : 200,
    hasErrors,
  });
}

interface Comparison {
  rows: ComparisonRow[];
  downloadRows: ComparisonDownloadRow[];
  funnelSvg: string | null;
  window: { from: string; to: string } | null;
}

/** Children's window aggregates in a funnel plot; suppressed children listed as suppressed, plotted nowhere. */
async function funnelComparison(
  c: Context<AppEnv>,
  metric: MetricRow,
  measure: 'proportion' | 'rate',
  parent: OrgUnitNode,
  children: readonly OrgUnitNode[],
): Promise<Comparison> {
  const cells = new Map((await listFunnelCells(c.get('database').db, metric.key, children.map((u) => u.id))).map((cell) => [cell.unitId, cell]));
  const rows: ComparisonRow[] = [];
  const downloadRows: ComparisonDownloadRow[] = [];
  const plotted: { unit: OrgUnitNode; summary: FunnelSummary }[] = [];
  for (const unit of children) {
    const cell = cells.get(unit.id);
    const suppressed = cell && cell.lastSuppressed !== null && cell.lastSuppressed !== 0;
    if (cell?.funnel && !suppressed) {
      const summary = cell.funnel;
      plotted.push({ unit, summary });
      const position = POSITION_WORDS[summary.position as FunnelChartPosition] ?? summary.position;
      rows.push({ unit, value: formatValue(metric.format, summary.value), size: formatCount(summary.size), position: capitalise(position), variation: null });
      downloadRows.push({ unit, value: summary.value, size: summary.size, position, period: `${summary.fromPeriod} to ${summary.toPeriod}` });
    } else if (suppressed) {
      const text = suppressedText(cell.lastSuppressed ?? 1, metric);
      rows.push({ unit, value: text, size: 'suppressed', position: 'Not plotted', variation: null });
      downloadRows.push({ unit, value: 'suppressed', size: 'suppressed', position: 'not plotted', period: '' });
    } else {
      rows.push({ unit, value: 'no data', size: '', position: 'Not compared', variation: null });
      downloadRows.push({ unit, value: null, size: null, position: 'not compared', period: '' });
    }
  }
  const first = plotted[0]?.summary;
  if (!first) return { rows, downloadRows, funnelSvg: null, window: null };
  const factor = funnelDisplayFactor(metric.format);
  const spec = funnelSpecFromSummaries(measure, plotted.map((p) => p.summary), factor);
  const definition = METRICS_BY_KEY.get(metric.key);
  const points = plotted.map(({ unit, summary }) => ({
    label: unit.name,
    size: summary.size,
    value: summary.value,
    position: summary.position as FunnelChartPosition,
    favourability: favourability(summary.position, definition?.polarity ?? metric.polarity),
  }));
  const funnelSvg = spec
    ? funnelChartSvg({
        id: `funnel-${metric.key}`,
        title: `${metric.name}: the units of ${parent.name}, ${formatPeriod(first.fromPeriod)} to ${formatPeriod(first.toPeriod)}`,
        xLabel: metric.denominatorLabel,
        yLabel: axisLabel(metric.format),
        points,
        target: first.target,
        curves: funnelCurves(spec, curveSizes(points), factor),
        formatValue: (v) => formatValue(metric.format, v),
        formatTick,
        formatSize: formatTick,
      })
    : null;
  return { rows, downloadRows, funnelSvg, window: { from: first.fromPeriod, to: first.toPeriod } };
}

/** For a measure without a funnel: each child's latest published value and its variation icon. */
async function latestComparison(c: Context<AppEnv>, metric: MetricRow, children: readonly OrgUnitNode[]): Promise<Comparison> {
  const cells = new Map((await listLatestCells(c.get('database').db, children.map((u) => u.id), metric.key)).map((cell) => [cell.unitId, cell]));
  const rows: ComparisonRow[] = [];
  const downloadRows: ComparisonDownloadRow[] = [];
  for (const unit of children) {
    const cell = heatCell(cells.get(unit.id));
    if (cell.kind === 'value') {
      rows.push({ unit, value: formatValue(metric.format, cell.value), size: formatPeriod(cell.period), position: '', variation: cell.variation });
      downloadRows.push({ unit, value: cell.value, size: null, position: '', period: cell.period });
    } else if (cell.kind === 'suppressed') {
      rows.push({ unit, value: suppressedText(cell.code, metric), size: '', position: 'Suppressed', variation: null });
      downloadRows.push({ unit, value: 'suppressed', size: null, position: '', period: '' });
    } else {
      rows.push({ unit, value: 'no data', size: '', position: 'No data', variation: null });
      downloadRows.push({ unit, value: null, size: null, position: '', period: '' });
    }
  }
  return { rows, downloadRows, funnelSvg: null, window: null };
}

function favourability(position: string, polarity: string): 'favourable' | 'unfavourable' | null {
  if (position === 'inside' || polarity === 'neutral') return null;
  const above = position.startsWith('above');
  return above === (polarity === 'increase') ? 'favourable' : 'unfavourable';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

