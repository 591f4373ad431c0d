import { formatPeriodLong } from '#src/scorecard/format.ts';
import { ChartLegend, SPC_LEGEND } from '#src/web/charts/legend.tsx';
import { formatDate } from '#src/web/today.ts';
import type { ReportSnapshot } from '../snapshot.ts';
import { ChangesSection, CommentaryView, MetricFigures, SpeakUpSection, SpotsSection, SummaryMatrix } from './parts.tsx';
import type { BoardReportRow } from './store.ts';

export const STATUS_LABELS = { draft: 'Draft', ready: 'Ready for review', published: 'Published' } as const;

export function reportTitle(month: string): string {
  return `Integrated board report: ${formatPeriodLong(month)}`;
}

/** Where the report stands, in one sentence. */
export function statusSentence(report: Pick<BoardReportRow, 'status' | 'publishedAt'>, publishedBy?: string | null): string {
  if (report.status === 'published' && report.publishedAt) return `Published on ${formatDate(report.publishedAt)}${publishedBy ? ` by ${publishedBy}` : ''}.`;
  if (report.status === 'ready') return 'Ready for review: the numbers are live until it is published.';
  return 'Draft: the numbers are live and commentary is still being written.';
}

/**
 * The whole report, for print and the PDF: the summary matrix, then every metric's chart, table
 * and commentary, the dark and bright spots, speak-up themes and what changed since the last report.
 */
export function ReportDocument({ snapshot, report, publishedBy }: { snapshot: ReportSnapshot; report: BoardReportRow; publishedBy?: string | null }) {
  const metrics = snapshot.objectives.flatMap((objective) => objective.metrics);
  return (
    <article class="vitals-board-report">
      <h1>
        <span class="nhsuk-caption-l">{snapshot.trustName}</span>
        {reportTitle(snapshot.month)}
      </h1>
      <p>
        <strong>{STATUS_LABELS[report.status]}.</strong> {statusSentence(report, publishedBy)} Numbers taken from the scorecard on {formatDate(new Date(snapshot.takenAt))}.
      </p>

      <h2>Summary</h2>
      <SummaryMatrix objectives={snapshot.objectives} metricHref={(key) => `#metric-${key}`} />

      <h2>Measures</h2>
      <p>Each chart is a statistical process control (XmR) chart of the trust’s own history up to the report month. The table under each chart has its numbers.</p>
      <ChartLegend entries={SPC_LEGEND} label="Chart key" />
      {metrics.map((metric) => (
        <section class="vitals-board-report__metric" aria-labelledby={`metric-${metric.key}`}>
          <h3 id={`metric-${metric.key}`}>{metric.name}</h3>
          <MetricFigures metric={metric} trustName={snapshot.trustName} />
          <CommentaryView metric={metric} level={4} />
        </section>
      ))}

      <h2>Dark and bright spots</h2>
      <SpotsSection spots={snapshot.spots} level={3} />

      <h2>Speak-up themes</h2>
      <SpeakUpSection themes={snapshot.speakUp} />

      <h2>What changed since the last report</h2>
      <ChangesSection snapshot={snapshot} />
    </article>
  );
}
