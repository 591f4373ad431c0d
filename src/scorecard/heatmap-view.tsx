import { SOURCES } from '#src/metrics/catalogue.ts';
import { LEVEL_LABELS } from '#src/org/summary.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';
import { AssuranceIcon, VariationIcon } from '#src/web/charts/icons.tsx';
import { Breadcrumb } from '#src/web/components/content.tsx';
import { Button, Select } from '#src/web/components/form.tsx';
import { usualPeriod, type HeatCell } from './cells.ts';
import { formatPeriod, formatValue, suppressedText } from './format.ts';
import { DownloadLinks, SpotList, type SpotView } from './parts.tsx';
import type { MetricRow } from './store.ts';

export interface HeatmapRow {
  unit: OrgUnitNode;
  /** The chosen unit itself, shown first as the total of its children. */
  isTotal: boolean;
  hasChildren: boolean;
  cells: HeatCell[];
}

export interface HeatmapProps {
  unit: OrgUnitNode | null;
  breadcrumb: { href: string; text: string }[];
  metrics: MetricRow[];
  rows: HeatmapRow[];
  source: string;
  dark: SpotView[];
  bright: SpotView[];
  /** The query string that selects this view (unit and source), for links and downloads. */
  query: string;
}

function groupBySource(metrics: readonly MetricRow[]): { source: string; metrics: { metric: MetricRow; index: number }[] }[] {
  const groups: { source: string; metrics: { metric: MetricRow; index: number }[] }[] = [];
  metrics.forEach((metric, index) => {
    const last = groups.at(-1);
    if (last && last.source === metric.source) last.metrics.push({ metric, index });
    else groups.push({ source: metric.source, metrics: [{ metric, index }] });
  });
  return groups;
}

function sourceName(source: string): string {
  return (SOURCES as Record<string, string>)[source] ?? source;
}

function Cell({ cell, metric, usual }: { cell: HeatCell; metric: MetricRow; usual: string | null }) {
  if (cell.kind === 'no-data') return <td class="nhsuk-table__cell vitals-heatmap__cell vitals-heatmap__cell--empty">no data</td>;
  if (cell.kind === 'suppressed') return <td class="nhsuk-table__cell vitals-heatmap__cell vitals-heatmap__cell--empty">{suppressedText(cell.code, metric)}</td>;
  return (
    <td class="nhsuk-table__cell vitals-heatmap__cell">
      <span class="vitals-heatmap__value">{formatValue(metric.format, cell.value)}</span>
      {cell.period !== usual && <span class="vitals-heatmap__period"> ({formatPeriod(cell.period)})</span>}
      <VariationIcon variation={cell.variation} short />
      {metric.target !== null && <AssuranceIcon assurance={cell.assurance} short />}
    </td>
  );
}

export function HeatmapPage({ unit, breadcrumb, metrics, rows, source, dark, bright, query }: HeatmapProps) {
  const groups = groupBySource(metrics);
  const usual = metrics.map((_, i) => usualPeriod(rows.map((row) => row.cells[i] ?? { kind: 'no-data' })));
  const title = unit ? `Scorecard: ${unit.name}` : 'Scorecard';
  const spotsHref = `/scorecard/spots${unit ? `?unit=${unit.id}` : ''}`;
  return (
    <>
      {breadcrumb.length > 0 && <Breadcrumb items={breadcrumb} />}
      <h1>
        {unit && <span class="nhsuk-caption-l">{LEVEL_LABELS[unit.level]}</span>}
        {title}
      </h1>
      <p>
        The latest published value of each measure, with its Making Data Count variation icon (and assurance icon where the measure has a target). Icons come
        from statistical process control over each unit’s own history, not from red, amber and green thresholds.
      </p>
      <h2>Dark and bright spots</h2>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-half">
          <h3 class="nhsuk-heading-s">Dark spots: concern from two or more sources</h3>
          <SpotList spots={dark} empty="No dark spots here." headingLevel={4} />
        </div>
        <div class="nhsuk-grid-column-one-half">
          <h3 class="nhsuk-heading-s">Bright spots: improvement from two or more sources</h3>
          <SpotList spots={bright} empty="No bright spots here." headingLevel={4} />
        </div>
      </div>
      <p>
        <a href={spotsHref}>All dark and bright spots{unit ? ` in ${unit.name}` : ''}, ranked, with the chance of false alarms</a>
      </p>
      <h2>Measures by unit</h2>
      <form method="get" action="/scorecard" class="vitals-filter">
        {unit && <input type="hidden" name="unit" value={String(unit.id)} />}
        <Select
          name="source"
          label="Show measures from"
          value={source}
          options={[{ value: '', text: 'All sources' }, ...Object.entries(SOURCES).map(([value, text]) => ({ value, text }))]}
        />
        <Button variant="secondary">Show measures</Button>
      </form>
      <DownloadLinks href={`/scorecard${query}`} what="this table" />
      {rows.length === 0 ? (
        <p>There are no units to show.</p>
      ) : (
        <div class="vitals-table-scroll" role="region" aria-labelledby="heatmap-caption" tabindex={0}>
          <table class="nhsuk-table vitals-heatmap">
            <caption class="nhsuk-table__caption" id="heatmap-caption">
              {unit ? `Latest values for ${unit.name} and the units in it` : 'Latest values for your units'} (scrolls sideways)
            </caption>
            <colgroup span={1} />
            {groups.map((group) => (
              <colgroup span={group.metrics.length} />
            ))}
            <thead class="nhsuk-table__head">
              <tr class="nhsuk-table__row">
                <th class="nhsuk-table__header vitals-heatmap__corner" scope="col" rowspan={2}>
                  Unit
                </th>
                {groups.map((group) => (
                  <th class="nhsuk-table__header vitals-heatmap__source" scope="colgroup" colspan={group.metrics.length}>
                    {sourceName(group.source)}
                  </th>
                ))}
              </tr>
              <tr class="nhsuk-table__row">
                {metrics.map((metric, i) => (
                  <th class="nhsuk-table__header vitals-heatmap__metric" scope="col">
                    <a href={`/scorecard/metrics/${metric.key}${unit ? `?unit=${unit.id}` : ''}`}>{metric.name}</a>
                    {usual[i] && <span class="vitals-heatmap__period"> ({formatPeriod(usual[i])})</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {rows.map((row) => (
                <tr class={row.isTotal ? 'nhsuk-table__row vitals-heatmap__total' : 'nhsuk-table__row'}>
                  <th class="nhsuk-table__header vitals-heatmap__unit" scope="row">
                    {row.isTotal ? (
                      <span>All of {row.unit.name}</span>
                    ) : row.hasChildren ? (
                      <a href={`/scorecard?unit=${row.unit.id}${source ? `&source=${source}` : ''}`}>{row.unit.name}</a>
                    ) : (
                      <span>{row.unit.name}</span>
                    )}
                    <br />
                    <a class="nhsuk-body-s" href={`/scorecard/units/${row.unit.id}`}>
                      Charts<span class="nhsuk-u-visually-hidden"> for {row.unit.name}</span>
                    </a>
                  </th>
                  {metrics.map((metric, i) => (
                    <Cell cell={row.cells[i] ?? { kind: 'no-data' }} metric={metric} usual={usual[i] ?? null} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
