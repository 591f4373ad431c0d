import type { TrajectoryStatus } from '#src/board/trajectory.ts';
import { formatPeriodLong, formatValue } from '#src/scorecard/format.ts';
import { Breadcrumb, InsetText, SummaryList, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Select } from '#src/web/components/form.tsx';
import type { FieldErrors } from '#src/web/forms.ts';
import { TrajectoryTag } from './status-tag.tsx';
import type { MeasureProgress, ObjectiveView, StrategyView } from './strategy-view.ts';

const figure = (format: string, value: { value: number; period: string } | null, joiner: 'in' | 'by') =>
  value ? `${formatValue(format, value.value)} ${joiner} ${formatPeriodLong(value.period)}` : 'Not set';

/** Every measure of an objective with its figures, status and the evidence in words. */
function MeasuresTable({ objective }: { objective: ObjectiveView }) {
  if (objective.measures.length === 0) return <p>No success measures yet.</p>;
  return (
    <Table
      caption={`Success measures for objective ${objective.number}`}
      captionSize="s"
      head={[{ text: 'Measure' }, { text: 'Baseline' }, { text: 'Target' }, { text: 'Latest' }, { text: 'Progress' }]}
      rows={objective.measures.map((measure: MeasureProgress) => {
        const format = measure.metric?.format ?? 'score';
        return [
          <>
            {measure.description}
            {measure.metric && (
              <span class="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                Measured by <a href={`/scorecard/metrics/${measure.metric.key}`}>{measure.metric.name}</a>
              </span>
            )}
          </>,
          figure(format, measure.baseline, 'in'),
          figure(format, measure.target, 'by'),
          measure.trajectory.actual ? figure(format, measure.trajectory.actual, 'in') : 'None',
          <>
            <TrajectoryTag status={measure.trajectory.status} />
            <span class="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">{measure.trajectory.sentence}</span>
          </>,
        ];
      })}
    />
  );
}

function ObjectiveHeading({ objective, level }: { objective: ObjectiveView; level: 2 | 3 }) {
  const text = `Objective ${objective.number}: ${objective.title}`;
  return level === 2 ? <h2>{text}</h2> : <h3>{text}</h3>;
}

const METHOD = (
  <p>
    Each measure is judged against a straight line from its baseline to its target. It is on track when its latest value is on or better than the
    line, at risk when behind it by no more than a tenth of the distance from baseline to target, and off track beyond that. From the target date on,
    only meeting the target counts.
  </p>
);

interface StrategyPageProps {
  view: StrategyView;
  canEdit: boolean;
}

export function StrategyPage({ view, canEdit }: StrategyPageProps) {
  const { strategy, values, objectives } = view;
  return (
    <>
      <h1>
        {strategy && <span class="nhsuk-caption-l">Strategy {strategy.period}</span>}
        {strategy?.title ?? 'Strategy'}
      </h1>
      <ul class="nhsuk-list">
        <li>
          <a href="/board/strategy/progress">Quarterly progress report</a>
        </li>
        {canEdit && (
          <li>
            <a href="/board/strategy/edit">Edit the strategy</a>
          </li>
        )}
      </ul>
      {!strategy && objectives.length === 0 ? (
        <InsetText>
          <p>The trust’s strategy has not been written into Vitals yet.{canEdit ? ' Edit the strategy to add its vision, values and objectives.' : ''}</p>
        </InsetText>
      ) : (
        <>
          {strategy && (
            <>
              <h2>Our vision</h2>
              <p class="nhsuk-body-l">{strategy.vision}</p>
            </>
          )}
          {values.length > 0 && (
            <>
              <h2>Our values</h2>
              <SummaryList rows={values.map((value) => ({ key: value.name, value: value.description }))} />
            </>
          )}
          <p>Progress is shown with the data published up to {formatPeriodLong(view.asOf)}.</p>
          {METHOD}
          {objectives.map((objective) => (
            <>
              <ObjectiveHeading objective={objective} level={2} />
              <p class="nhsuk-lede-text">{objective.commitment}</p>
              <h3>Our priorities</h3>
              {objective.priorities.length === 0 ? (
                <p>No priorities yet.</p>
              ) : (
                <ul class="nhsuk-list nhsuk-list--bullet">
                  {objective.priorities.map((priority) => (
                    <li>{priority.text}</li>
                  ))}
                </ul>
              )}
              <h3>How we will know we have been successful</h3>
              <MeasuresTable objective={objective} />
              <h3>What the board sees each month</h3>
              {objective.boardMetrics.length === 0 ? (
                <p>No metrics in the monthly board report for this objective.</p>
              ) : (
                <Table
                  caption={`Board report metrics for objective ${objective.number}`}
                  captionSize="s"
                  head={[{ text: 'Metric' }, { text: 'Owner' }]}
                  rows={objective.boardMetrics.map((m) => [<a href={`/scorecard/metrics/${m.metricKey}`}>{m.name}</a>, m.owner])}
                />
              )}
            </>
          ))}
        </>
      )}
    </>
  );
}

const STATUS_ORDER: TrajectoryStatus[] = ['on-track', 'at-risk', 'off-track', 'no-data'];

interface ProgressPageProps {
  quarterLabel: string;
  quarter: string;
  quarters: { value: string; text: string }[];
  errors: FieldErrors;
  /** Null when the quarter asked for could not be shown. */
  report: { view: StrategyView; counts: Record<TrajectoryStatus, number> } | null;
}

export function ProgressPage({ quarterLabel, quarter, quarters, errors, report }: ProgressPageProps) {
  return (
    <>
      <Breadcrumb items={[{ href: '/board/strategy', text: 'Strategy' }]} />
      <ErrorSummary errors={errors} />
      <h1>
        <span class="nhsuk-caption-l">Strategy progress</span>
        {report ? quarterLabel : 'Choose a quarter'}
      </h1>
      <form method="get" action="/board/strategy/progress">
        <Select name="quarter" label="Quarter" error={errors.quarter} value={quarter} options={quarters} />
        <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
          Show progress
        </button>
      </form>
      {report && (
        <>
          <p>Every success measure as at the end of {formatPeriodLong(report.view.asOf)}, with the evidence for its status.</p>
          {METHOD}
          <h2>Summary</h2>
          <Table
            caption={`Success measures by status, ${quarterLabel}`}
            captionSize="s"
            head={[{ text: 'Status' }, { text: 'Measures' }]}
            numericColumns={[1]}
            rows={STATUS_ORDER.map((status) => [<TrajectoryTag status={status} />, String(report.counts[status])])}
          />
          {report.view.objectives.map((objective) => (
            <>
              <ObjectiveHeading objective={objective} level={2} />
              <MeasuresTable objective={objective} />
            </>
          ))}
        </>
      )}
    </>
  );
}
