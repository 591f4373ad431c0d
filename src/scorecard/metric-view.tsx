import { raw } from 'hono/html';
import { SOURCES } from '#src/metrics/catalogue.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';
import { ChartLegend, FUNNEL_LEGEND } from '#src/web/charts/legend.tsx';
import { VariationIcon } from '#src/web/charts/icons.tsx';
import { Breadcrumb, SummaryList, Table } from '#src/web/components/content.tsx';
import { Button, Select } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import { formatDateTime } from '#src/web/today.ts';
import { formatPeriod, formatValue, minimumFor, POLARITY_LABELS } from './format.ts';
import { DownloadLinks } from './parts.tsx';
import type { MetricRow } from './store.ts';

/** One child unit in the comparison: plotted, suppressed, or not compared. */
export interface ComparisonRow {
  unit: OrgUnitNode;
  /** What the table says, already suppression-safe. */
  value: string;
  size: string;
  position: string;
  variation: string | null;
}

export interface MetricPageProps {
  metric: MetricRow;
  parent: OrgUnitNode;
  parents: { id: number; name: string }[];
  /** The funnel plot SVG, or null when the measure has no funnel or nothing could be plotted. */
  funnelSvg: string | null;
  window: { from: string; to: string } | null;
  rows: ComparisonRow[];
  hasFunnel: boolean;
  canEdit: boolean;
  saved: boolean;
}

export function sourceName(source: string): string {
  return (SOURCES as Record<string, string>)[source] ?? source;
}

export function MetricDefinition({ metric }: { metric: MetricRow }) {
  const minimum = minimumFor(metric);
  return (
    <SummaryList
      rows={[
        { key: 'Description', value: metric.description },
        { key: 'Source', value: sourceName(metric.source) },
        { key: 'Numerator', value: metric.numeratorLabel },
        { key: 'Denominator', value: metric.denominatorLabel },
        { key: 'Direction', value: POLARITY_LABELS[metric.polarity] ?? metric.polarity },
        { key: 'Minimum group size', value: minimum ? `${minimum.size} (${minimum.countedOver}); smaller groups are suppressed` : 'None: not about individuals' },
        { key: 'Target', value: metric.target === null ? 'None set' : formatValue(metric.format, metric.target) },
        {
          key: 'Status of the definition',
          value: metric.provisional ? 'Provisional: not yet checked against a published national definition' : 'Follows the published definition',
        },
        ...(metric.updatedAt ? [{ key: 'Last edited', value: formatDateTime(metric.updatedAt) }] : []),
      ]}
    />
  );
}

export function MetricPage(props: MetricPageProps) {
  const { metric, parent } = props;
  return (
    <>
      <Breadcrumb
        items={[
          { href: '/scorecard', text: 'Scorecard' },
          { href: '/scorecard/metrics', text: 'Measures' },
        ]}
      />
      {props.saved && (
        <SuccessBanner heading="Measure saved. Pages show the new settings after the next recompute." />
      )}
      <h1>
        <span class="nhsuk-caption-l">Measure</span>
        {metric.name}
      </h1>
      <MetricDefinition metric={metric} />
      {props.canEdit && (
        <p>
          <a href={`/scorecard/metrics/${metric.key}/edit`}>
            Edit this measure<span class="nhsuk-u-visually-hidden">: {metric.name}</span>
          </a>
        </p>
      )}
      <h2>Units in {parent.name}</h2>
      {props.parents.length > 1 && (
        <form method="get" action={`/scorecard/metrics/${metric.key}`} class="vitals-filter">
          <Select name="unit" label="Compare the units in" value={String(parent.id)} options={props.parents.map((p) => ({ value: String(p.id), text: p.name }))} />
          <Button variant="secondary">Compare</Button>
        </form>
      )}
      {props.hasFunnel ? (
        <p>
          Each unit’s value over {props.window ? `${formatPeriod(props.window.from)} to ${formatPeriod(props.window.to)}` : 'the latest 6 months'}, against its
          size. Units outside the funnel’s limits differ from the others by more than chance allows for their size: outside the 99.8% limits is a signal.
        </p>
      ) : (
        <p>This measure is not compared in a funnel plot; the table shows each unit’s latest value and its variation icon.</p>
      )}
      {props.funnelSvg && (
        <>
          <div class="vitals-chart-frame">{raw(props.funnelSvg)}</div>
          <ChartLegend entries={FUNNEL_LEGEND} label="Funnel plot key" />
        </>
      )}
      <DownloadLinks href={`/scorecard/metrics/${metric.key}?unit=${parent.id}`} what="this table" />
      {props.rows.length === 0 ? (
        <p>{parent.name} has no units below it.</p>
      ) : (
        <Table
          caption={`${metric.name} in the units of ${parent.name}`}
          captionSize="s"
          head={props.hasFunnel ? [{ text: 'Unit' }, { text: 'Value' }, { text: metric.denominatorLabel }, { text: 'Position' }] : [{ text: 'Unit' }, { text: 'Latest value' }, { text: 'Period' }, { text: 'Variation' }]}
          numericColumns={props.hasFunnel ? [1, 2] : [1]}
          rows={props.rows.map((row) => [
            <a href={`/scorecard/units/${row.unit.id}#metric-${metric.key}`}>{row.unit.name}</a>,
            row.value,
            row.size,
            props.hasFunnel ? row.position : row.variation ? <VariationIcon variation={row.variation} short /> : row.position,
          ])}
        />
      )}
    </>
  );
}

export function MetricsPage({ metrics, canEdit }: { metrics: MetricRow[]; canEdit: boolean }) {
  return (
    <>
      <Breadcrumb items={[{ href: '/scorecard', text: 'Scorecard' }]} />
      <h1>Measures</h1>
      <p>Every measure on the scorecard, grouped by the source it comes from. Each counts once in triangulation, however many measures its source has.</p>
      <Table
        caption="The measure catalogue"
        head={[{ text: 'Measure' }, { text: 'Source' }, { text: 'Direction' }, { text: 'Minimum group size' }, { text: 'Target' }]}
        rows={metrics.map((metric) => {
          const minimum = minimumFor(metric);
          return [
            <>
              <a href={`/scorecard/metrics/${metric.key}`}>{metric.name}</a>
              {metric.provisional ? <span class="nhsuk-body-s"> (provisional)</span> : null}
            </>,
            sourceName(metric.source),
            POLARITY_LABELS[metric.polarity] ?? metric.polarity,
            minimum ? String(minimum.size) : 'None',
            metric.target === null ? 'None' : formatValue(metric.format, metric.target),
          ];
        })}
      />
      {canEdit && <p>Open a measure to edit its name, description, target, minimum group size or direction.</p>}
    </>
  );
}
