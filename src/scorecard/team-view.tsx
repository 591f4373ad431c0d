import { raw } from 'hono/html';
import { LEVEL_LABELS } from '#src/org/summary.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';
import { AssuranceIcon, VariationIcon } from '#src/web/charts/icons.tsx';
import { ChartLegend, SPC_LEGEND } from '#src/web/charts/legend.tsx';
import { Breadcrumb, SummaryList, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import type { HeatCell } from './cells.ts';
import { formatPeriod, formatPeriodLong, formatValue, suppressedText } from './format.ts';
import { DownloadLinks, SPOT_LABELS, SPOT_MEANINGS, type SpotView } from './parts.tsx';
import type { SeriesRowView } from './series-rows.ts';
import { seriesTableHtml } from './series-table.ts';
import type { ActionRow, MetricRow, SignalRow } from './store.ts';

export interface MetricPanel {
  metric: MetricRow;
  latest: HeatCell;
  /** The SPC chart (an SVG string built by src/web/charts), or null when nothing is published. */
  chartSvg: string | null;
  rows: SeriesRowView[];
  notes: string[];
}

export interface TeamPageProps {
  unit: OrgUnitNode;
  breadcrumb: { href: string; text: string }[];
  headcount: { value: number; period: string } | null;
  spot: SpotView | null;
  sections: { source: string; name: string; panels: MetricPanel[] }[];
  signals: (SignalRow & { metricName: string })[];
  actions: ActionRow[];
  canManageSignals: boolean;
  hasChildren: boolean;
}

const STATUS_LABELS: Record<string, string> = { new: 'New', acknowledged: 'Acknowledged', closed: 'Closed', open: 'Open', done: 'Done' };
const headcountFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function Latest({ cell, metric }: { cell: HeatCell; metric: MetricRow }) {
  if (cell.kind === 'no-data') return <p class="vitals-metric__latest">No data.</p>;
  if (cell.kind === 'suppressed') return <p class="vitals-metric__latest">Latest value {suppressedText(cell.code, metric)}.</p>;
  return (
    <div class="vitals-metric__latest">
      <p class="nhsuk-u-margin-bottom-1">
        Latest: <strong>{formatValue(metric.format, cell.value)}</strong> in {formatPeriodLong(cell.period)}
        {metric.target !== null && <> (target {formatValue(metric.format, metric.target)})</>}
      </p>
      <p class="vitals-metric__icons">
        <VariationIcon variation={cell.variation} />
        {metric.target !== null && <AssuranceIcon assurance={cell.assurance} />}
      </p>
    </div>
  );
}

function Panel({ panel }: { panel: MetricPanel }) {
  const { metric } = panel;
  return (
    <section class="vitals-metric" id={`metric-${metric.key}`} aria-labelledby={`metric-${metric.key}-heading`}>
      <h3 id={`metric-${metric.key}-heading`}>{metric.name}</h3>
      <Latest cell={panel.latest} metric={metric} />
      {panel.chartSvg && <div class="vitals-chart-frame">{raw(panel.chartSvg)}</div>}
      {panel.notes.map((note) => (
        <p class="nhsuk-body-s vitals-metric__note">{note}</p>
      ))}
      {panel.rows.length > 0 && (
        <details class="nhsuk-details">
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Data for {metric.name}</span>
          </summary>
          <div class="nhsuk-details__text">
            {raw(
              seriesTableHtml(
                `table-${metric.key}`,
                `${metric.name}, by period`,
                { numerator: metric.numeratorLabel, denominator: metric.denominatorLabel },
                metric.format,
                panel.rows,
              ),
            )}
          </div>
        </details>
      )}
      <p class="nhsuk-body-s">
        <a href={`/scorecard/metrics/${metric.key}`}>
          How {metric.name.toLowerCase()} is defined and compared<span class="nhsuk-u-visually-hidden"> across units</span>
        </a>
      </p>
    </section>
  );
}

export function TeamPage(props: TeamPageProps) {
  const { unit, spot } = props;
  return (
    <>
      <Breadcrumb items={props.breadcrumb} />
      <h1>
        <span class="nhsuk-caption-l">{LEVEL_LABELS[unit.level]} scorecard</span>
        {unit.name}
      </h1>
      <SummaryList
        rows={[
          { key: 'Code', value: unit.code },
          {
            key: 'Average headcount',
            value: props.headcount
              ? `${headcountFormat.format(props.headcount.value)} (12 months to ${formatPeriodLong(props.headcount.period)})`
              : 'Not shown (too few staff, or no data)',
          },
          {
            key: 'Triangulation',
            value: spot ? (
              <>
                <strong>{SPOT_LABELS[spot.kind]}</strong>: {SPOT_MEANINGS[spot.kind]}.
                <ul class="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                  {spot.evidence.map((item) => (
                    <li>{item.evidence}</li>
                  ))}
                </ul>
              </>
            ) : (
              'Neither a dark nor a bright spot: signals from two or more independent sources do not coincide.'
            ),
          },
        ]}
      />
      {props.hasChildren && (
        <p>
          <a href={`/scorecard?unit=${unit.id}`}>Compare the units in {unit.name}</a>
        </p>
      )}
      <nav aria-labelledby="contents-heading" class="nhsuk-contents-list">
        <h2 id="contents-heading" class="nhsuk-heading-s">
          Contents
        </h2>
        <ol class="nhsuk-contents-list__list">
          <li class="nhsuk-contents-list__item">
            <a class="nhsuk-contents-list__link" href="#signals">
              Signals and actions
            </a>
          </li>
          {props.sections.map((section) => (
            <li class="nhsuk-contents-list__item">
              <a class="nhsuk-contents-list__link" href={`#source-${section.source}`}>
                {section.name}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <DownloadLinks href={`/scorecard/units/${unit.id}`} what={`every series for ${unit.name}`} />

      <h2 id="signals">Signals and actions</h2>
      {props.signals.length === 0 ? (
        <p>No active signals for {unit.name}.</p>
      ) : (
        <Table
          caption={`Active signals for ${unit.name}`}
          captionSize="s"
          head={[{ text: 'Measure' }, { text: 'Signal' }, { text: 'Since' }, { text: 'Evidence' }, { text: 'Status' }]}
          rows={props.signals.map((signal) => [
            props.canManageSignals ? <a href={`/signals/${signal.id}`}>{signal.metricName}</a> : signal.metricName,
            signal.kind === 'concern' ? 'Concern' : 'Improvement',
            formatPeriod(signal.sincePeriod),
            signal.evidence,
            STATUS_LABELS[signal.status] ?? signal.status,
          ])}
        />
      )}
      {props.actions.length === 0 ? (
        <p>No actions recorded for {unit.name}.</p>
      ) : (
        <Table
          caption={`Actions for ${unit.name}`}
          captionSize="s"
          head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Review' }, { text: 'Status' }]}
          rows={props.actions.map((action) => [
            action.description,
            action.owner,
            formatDate(action.dueOn),
            formatDate(action.reviewOn),
            `${STATUS_LABELS[action.status] ?? action.status}${action.outcome ? `: ${action.outcome}` : ''}`,
          ])}
        />
      )}
      {props.canManageSignals && (
        <p>
          <a href={`/signals?unit=${unit.id}`}>Signals inbox for {unit.name}</a>
        </p>
      )}

      <h2>Measures</h2>
      <p>Each chart is a statistical process control (XmR) chart of the unit’s own history. The table under each chart has the numbers behind it.</p>
      <ChartLegend entries={SPC_LEGEND} label="Chart key" />
      {props.sections.map((section) => (
        <section aria-labelledby={`source-${section.source}`}>
          <h2 id={`source-${section.source}`}>{section.name}</h2>
          {section.panels.map((panel) => (
            <Panel panel={panel} />
          ))}
        </section>
      ))}
    </>
  );
}
