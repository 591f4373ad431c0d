import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { SOURCES } from '#src/metrics/catalogue.ts';
import { axisLabel, formatCount, formatPeriod, formatPeriodLong, formatPlain, formatValue, POINT_TYPE_LABELS, suppressedText } from '#src/scorecard/format.ts';
import { SPOT_MEANINGS } from '#src/scorecard/parts.tsx';
import { publishedSeries, seriesRows } from '#src/scorecard/series-rows.ts';
import { seriesChartSvg } from '#src/scorecard/team.ts';
import { ChartLegend, SPC_LEGEND } from '#src/web/charts/legend.tsx';
import { AssuranceIcon, VariationIcon, VARIATION_ICONS } from '#src/web/charts/icons.tsx';
import { SummaryList, Table, WrittenText } from '#src/web/components/content.tsx';
import { parseQuarter, quarterLabel } from '#src/speakup/reporting/quarters.ts';
import type { ReportChange, ReportMetric, ReportObjective, ReportSnapshot, ReportSpeakUpThemes, ReportSpot } from '../snapshot.ts';

type Level = 2 | 3 | 4;

function Heading({ level, id, children }: { level: Level; id?: string; children: Child }) {
  if (level === 2) return <h2 id={id}>{children}</h2>;
  if (level === 3) return <h3 id={id}>{children}</h3>;
  return <h4 id={id}>{children}</h4>;
}

export const COMMENTARY_LABELS = {
  chartTellsUs: 'What the chart tells us',
  actions: 'Actions',
  expectChange: 'When we expect to see change',
} as const;

/** The value a metric shows at the report's period: with its unit, "suppressed (…)" or "No data". */
export function metricValueText(metric: ReportMetric): string {
  if (metric.value !== null) return formatValue(metric.format, metric.value);
  const code = metric.series.suppressed.at(-1) ?? 0;
  return metric.period !== null && code !== 0 ? suppressedText(code, metric) : 'No data';
}

function sourceName(source: string): string {
  return (SOURCES as Record<string, string>)[source] ?? source;
}

/** One table per strategic objective: every board metric's latest value, target and icons. */
export function SummaryMatrix({ objectives, metricHref }: { objectives: readonly ReportObjective[]; metricHref: (key: string) => string }) {
  if (objectives.length === 0) return <p>No board metrics have been chosen yet. An administrator chooses them under the trust strategy.</p>;
  return (
    <>
      {objectives.map((objective) => (
        <Table
          caption={objective.title}
          captionSize="m"
          head={[{ text: 'Measure' }, { text: 'Period' }, { text: 'Latest value' }, { text: 'Target' }, { text: 'Variation' }, { text: 'Assurance' }]}
          numericColumns={[2, 3]}
          rows={objective.metrics.map((metric) => [
            <>
              <a href={metricHref(metric.key)}>{metric.name}</a>
              <span class="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{sourceName(metric.source)}</span>
            </>,
            metric.period === null ? 'No data' : formatPeriod(metric.period),
            metricValueText(metric),
            metric.target === null ? 'No target' : formatValue(metric.format, metric.target),
            metric.variation ? <VariationIcon variation={metric.variation} short /> : 'No icon (too few points)',
            metric.assurance ? <AssuranceIcon assurance={metric.assurance} short /> : metric.target === null ? 'No target' : 'No icon (too few points)',
          ])}
        />
      ))}
    </>
  );
}

/** The SPC chart of a metric's series as the report holds it, drawn as the scorecard team page draws it. */
export function metricChartSvg(metric: ReportMetric, trustName: string): string | null {
  const data = publishedSeries(metric.series);
  if (!data.values.some((value) => value !== null)) return null;
  return seriesChartSvg(metric, trustName, data);
}

/** Every number the chart plots, newest period first: value, mean and process limits, with the counts behind the value. */
export function SeriesTable({ metric }: { metric: ReportMetric }) {
  const rows = seriesRows(publishedSeries(metric.series), metric);
  const plain = (value: number | null) => (value === null ? 'none' : formatPlain(metric.format, value));
  const id = `table-${metric.key}`;
  const numeric = 'nhsuk-table__cell nhsuk-table__cell--numeric';
  const header = 'nhsuk-table__header nhsuk-table__header--numeric';
  return (
    <div class="vitals-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table class="nhsuk-table nhsuk-table--compact vitals-series-table" id={id}>
        <caption class="nhsuk-table__caption nhsuk-table__caption--s" id={`${id}-caption`}>
          {metric.name}: the chart’s numbers ({axisLabel(metric.format).toLowerCase()})
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">
              Period
            </th>
            <th class={header} scope="col">
              {metric.numeratorLabel}
            </th>
            <th class={header} scope="col">
              {metric.denominatorLabel}
            </th>
            <th class={header} scope="col">
              Value
            </th>
            <th class={header} scope="col">
              Mean
            </th>
            <th class={header} scope="col">
              Lower process limit
            </th>
            <th class={header} scope="col">
              Upper process limit
            </th>
            <th class="nhsuk-table__header" scope="col">
              Point type
            </th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {rows.map((row) => (
            <tr class="nhsuk-table__row">
              <th class="nhsuk-table__header" scope="row">
                {formatPeriod(row.period)}
              </th>
              {row.suppressed ? (
                <>
                  <td class="nhsuk-table__cell" colspan={6}>
                    {row.reason}
                  </td>
                  <td class="nhsuk-table__cell"></td>
                </>
              ) : (
                <>
                  <td class={numeric}>{row.numerator === null ? 'no data' : formatCount(row.numerator)}</td>
                  <td class={numeric}>{row.denominator === null ? 'no data' : formatCount(row.denominator)}</td>
                  <td class={numeric}>{row.value === null ? 'no data' : formatPlain(metric.format, row.value)}</td>
                  <td class={numeric}>{plain(row.mean)}</td>
                  <td class={numeric}>{plain(row.lower)}</td>
                  <td class={numeric}>{plain(row.upper)}</td>
                  <td class="nhsuk-table__cell">{POINT_TYPE_LABELS[row.pointType] ?? ''}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CommentaryView({ metric, level }: { metric: ReportMetric; level: Level }) {
  const commentary = metric.commentary;
  return (
    <>
      <Heading level={level}>Commentary from {metric.owner}</Heading>
      {commentary ? (
        <>
          <SummaryList
            rows={(Object.keys(COMMENTARY_LABELS) as (keyof typeof COMMENTARY_LABELS)[]).map((field) => ({
              key: COMMENTARY_LABELS[field],
              value: <WrittenText text={commentary[field]} class="nhsuk-body nhsuk-u-margin-bottom-2" />,
            }))}
          />
          {commentary.author && <p class="nhsuk-body-s">Written by {commentary.author}.</p>}
        </>
      ) : (
        <p>No commentary has been written for this measure.</p>
      )}
    </>
  );
}

/** A metric's latest position, its chart and the table of its numbers. */
export function MetricFigures({ metric, trustName, legend = false }: { metric: ReportMetric; trustName: string; legend?: boolean }) {
  const chart = metricChartSvg(metric, trustName);
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Latest value', value: metric.period === null ? 'No data' : `${metricValueText(metric)} (${formatPeriodLong(metric.period)})` },
          { key: 'Target', value: metric.target === null ? 'No target' : formatValue(metric.format, metric.target) },
          { key: 'Variation', value: metric.variation ? <VariationIcon variation={metric.variation} /> : 'No icon: too few points for process limits' },
          {
            key: 'Assurance',
            value: metric.assurance ? <AssuranceIcon assurance={metric.assurance} /> : metric.target === null ? 'No target, so no assurance' : 'No icon: too few points for process limits',
          },
          { key: 'Executive lead', value: metric.owner },
          { key: 'Definition', value: metric.description },
        ]}
      />
      {chart && legend && <ChartLegend entries={SPC_LEGEND} label="Chart key" />}
      {chart ? <div class="vitals-chart-frame">{raw(chart)}</div> : <p>No published values to chart.</p>}
      {metric.series.periods.length > 0 && <SeriesTable metric={metric} />}
    </>
  );
}

export function SpotsSection({ spots, level }: { spots: readonly ReportSpot[]; level: Level }) {
  const groups = [
    { kind: 'dark' as const, title: 'Dark spots' },
    { kind: 'bright' as const, title: 'Bright spots' },
  ];
  return (
    <>
      {groups.map((group) => {
        const found = spots.filter((spot) => spot.kind === group.kind);
        return (
          <>
            <Heading level={level}>{group.title}</Heading>
            <p>Units with {SPOT_MEANINGS[group.kind]}.</p>
            {found.length === 0 ? (
              <p>None this month.</p>
            ) : (
              <ul class="nhsuk-list">
                {found.map((spot) => (
                  <li>
                    <strong>{spot.unitName}</strong>
                    <ul class="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-1">
                      {spot.evidence.map((line) => (
                        <li>{line}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      })}
    </>
  );
}

export function speakUpQuarterLabel(themes: ReportSpeakUpThemes): string {
  const quarter = parseQuarter(themes.quarter);
  return quarter ? quarterLabel(quarter) : themes.quarter;
}

export function SpeakUpSection({ themes }: { themes: ReportSpeakUpThemes | null }) {
  if (!themes) return <p>No speak-up concerns have been recorded.</p>;
  const cell = (value: number | null) => (value === null ? 'suppressed' : String(value));
  return (
    <>
      <p>{themes.note}</p>
      <div class="vitals-table-scroll" role="region" aria-label={`Speak-up themes, ${speakUpQuarterLabel(themes)}`} tabindex={0}>
        <Table
          caption={`Concerns received in ${speakUpQuarterLabel(themes)}, by directorate and category`}
          captionSize="s"
          head={[{ text: 'Directorate' }, { text: 'Cases' }, ...themes.categories.map((text) => ({ text }))]}
          numericColumns={themes.categories.map((_, index) => index + 1).concat(themes.categories.length + 1)}
          rows={themes.rows.map((row) => [row.directorate, cell(row.cases), ...row.byCategory.map(cell)])}
        />
      </div>
    </>
  );
}

function variationText(variation: string | null): string {
  return variation ? (VARIATION_ICONS[variation]?.short ?? variation) : 'No icon';
}

export function ChangesSection({ snapshot }: { snapshot: Pick<ReportSnapshot, 'changes' | 'changesSinceMonth' | 'objectives'> }) {
  if (snapshot.changesSinceMonth === null) return <p>This is the first report to compare with: no report was published before it.</p>;
  const formats = new Map(snapshot.objectives.flatMap((objective) => objective.metrics).map((metric) => [metric.key, metric.format]));
  const value = (change: ReportChange, number: number | null) => (number === null ? 'No value' : formatValue(formats.get(change.metricKey) ?? 'score', number));
  const since = formatPeriodLong(snapshot.changesSinceMonth);
  return (
    <Table
      caption={`Each measure in the report for ${since} and now`}
      captionSize="s"
      head={[{ text: 'Measure' }, { text: since }, { text: 'Now' }, { text: `Variation in ${since}` }, { text: 'Variation now' }]}
      numericColumns={[1, 2]}
      rows={snapshot.changes.map((change) => [
        change.name,
        value(change, change.previousValue),
        value(change, change.value),
        variationText(change.previousVariation),
        variationText(change.variation),
      ])}
    />
  );
}
