import type { Child } from 'hono/jsx';
import { formatPeriodLong } from '#src/scorecard/format.ts';
import { Breadcrumb, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, PostForm, Select, Textarea } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate } from '#src/web/today.ts';
import type { ReportMetric, ReportSnapshot } from '../snapshot.ts';
import { reportTitle, STATUS_LABELS, statusSentence } from './document.tsx';
import { COMMENTARY_LIMIT } from './forms.ts';
import { ChangesSection, COMMENTARY_LABELS, CommentaryView, MetricFigures, SpeakUpSection, SpotsSection, SummaryMatrix } from './parts.tsx';
import type { BoardReportRow } from './store.ts';

const SAVED_MESSAGES: Record<string, string> = {
  created: 'Report started as a draft',
  ready: 'Report sent for review',
  returned: 'Report returned to draft',
  published: 'Report published: its numbers, charts and commentary are now frozen',
  commentary: 'Commentary saved',
};

function Saved({ saved }: { saved: string | undefined }) {
  const message = saved === undefined ? undefined : SAVED_MESSAGES[saved];
  return message ? <SuccessBanner heading={message} /> : null;
}

/** The report's state, as the NHS design system's information banner. */
function StatusBanner({ report, publishedBy, children }: { report: BoardReportRow; publishedBy: string | null; children?: Child }) {
  return (
    <div class="nhsuk-notification-banner" role="region" aria-labelledby="report-status-title" data-module="nhsuk-notification-banner">
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="report-status-title">
          Status: {STATUS_LABELS[report.status]}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{statusSentence(report, publishedBy)}</p>
        {children}
      </div>
    </div>
  );
}

export interface ReportsListProps {
  reports: BoardReportRow[];
  canEdit: boolean;
  /** Months a report can be started for, newest first; empty when the scorecard has none. */
  choices: string[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

export function ReportsListPage(props: ReportsListProps) {
  return (
    <>
      <Saved saved={props.saved} />
      <ErrorSummary errors={props.errors} />
      <h1>Board reports</h1>
      <p>
        Each month’s integrated report puts people, speak-up, staff survey and operational measures side by side under the trust’s strategic objectives. A report
        is written as a draft, sent for review, then published; publishing freezes it.
      </p>
      {props.reports.length === 0 ? (
        <p>No reports have been started.</p>
      ) : (
        <Table
          caption="Reports, newest first"
          captionSize="m"
          head={[{ text: 'Month' }, { text: 'Status' }, { text: 'Published' }]}
          rows={props.reports.map((report) => [
            <a href={`/board/reports/${report.id}`}>{formatPeriodLong(report.month)}</a>,
            STATUS_LABELS[report.status],
            report.publishedAt ? formatDate(report.publishedAt) : 'Not published',
          ])}
        />
      )}
      {props.canEdit && (
        <>
          <h2>Start a report</h2>
          {props.choices.length === 0 ? (
            <p>The scorecard has no monthly results yet, so there is nothing to report on.</p>
          ) : (
            <PostForm action="/board/reports" csrfToken={props.csrfToken}>
              <Select
                name="month"
                label="Month the report is for"
                hint="One report per month. It starts as a draft, with the numbers the scorecard has for that month."
                error={props.errors.month}
                options={props.choices.map((month) => ({ value: month, text: formatPeriodLong(month) }))}
                value={props.values.month ?? props.choices[0]}
              />
              <Button>Start the report</Button>
            </PostForm>
          )}
        </>
      )}
    </>
  );
}

export interface ReportPageProps {
  report: BoardReportRow;
  snapshot: ReportSnapshot;
  publishedBy: string | null;
  canEdit: boolean;
  canPublish: boolean;
  csrfToken: string;
  saved: string | undefined;
}

function Transitions({ report, canEdit, canPublish, csrfToken }: Pick<ReportPageProps, 'report' | 'canEdit' | 'canPublish' | 'csrfToken'>) {
  const base = `/board/reports/${report.id}`;
  return (
    <>
      {report.status === 'draft' && canEdit && (
        <PostForm action={`${base}/ready`} csrfToken={csrfToken}>
          <Button>Send for review</Button>
        </PostForm>
      )}
      {report.status === 'ready' && canPublish && (
        <PostForm action={`${base}/publish`} csrfToken={csrfToken}>
          <p>Publishing freezes the report: later data will not change its numbers, charts or commentary.</p>
          <Button>Publish the report</Button>
        </PostForm>
      )}
      {report.status === 'ready' && canEdit && (
        <PostForm action={`${base}/return`} csrfToken={csrfToken}>
          <Button variant="secondary">Return to draft</Button>
        </PostForm>
      )}
    </>
  );
}

function CommentaryProgress({ metrics }: { metrics: readonly ReportMetric[] }) {
  const missing = metrics.filter((metric) => metric.commentary === null);
  if (metrics.length === 0) return null;
  return (
    <p>
      Commentary written for {metrics.length - missing.length} of {metrics.length} measures.
      {missing.length > 0 && ` Still to write: ${missing.map((metric) => metric.name).join(', ')}.`}
    </p>
  );
}

export function ReportPage(props: ReportPageProps) {
  const { report, snapshot } = props;
  return (
    <>
      <Breadcrumb items={[{ href: '/board/reports', text: 'Board reports' }]} />
      <Saved saved={props.saved} />
      <h1>
        <span class="nhsuk-caption-l">{snapshot.trustName}</span>
        {reportTitle(report.month)}
      </h1>
      <StatusBanner report={report} publishedBy={props.publishedBy}>
        <Transitions report={report} canEdit={props.canEdit} canPublish={props.canPublish} csrfToken={props.csrfToken} />
      </StatusBanner>
      <p>Numbers taken from the scorecard on {formatDate(new Date(snapshot.takenAt))}. Each measure’s page has its chart, the chart’s numbers and the commentary.</p>
      <ul class="nhsuk-list nhsuk-u-display-none-print">
        <li>
          <a href={`/board/reports/${report.id}/print`}>The whole report on one page, to print</a>
        </li>
        <li>
          <a href={`/board/reports/${report.id}/report.pdf`}>Download the report as a PDF</a>
        </li>
        <li>
          <a href={`/board/reports/${report.id}/data-pack.xlsx`}>Download the data pack (XLSX spreadsheet)</a>
        </li>
      </ul>
      {report.status !== 'published' && <CommentaryProgress metrics={snapshot.objectives.flatMap((objective) => objective.metrics)} />}

      <h2>Summary</h2>
      <SummaryMatrix objectives={snapshot.objectives} metricHref={(key) => `/board/reports/${report.id}/metrics/${key}`} />

      <h2>Dark and bright spots</h2>
      <SpotsSection spots={snapshot.spots} level={3} />

      <h2>Speak-up themes</h2>
      <SpeakUpSection themes={snapshot.speakUp} />

      <h2>What changed since the last report</h2>
      <ChangesSection snapshot={snapshot} />
    </>
  );
}

export interface MetricPageProps {
  report: BoardReportRow;
  snapshot: ReportSnapshot;
  metric: ReportMetric;
  /** The commentary form is shown for a draft to those who may edit it. */
  canComment: boolean;
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

function CommentaryForm({ report, metric, csrfToken, errors, values }: Pick<MetricPageProps, 'report' | 'metric' | 'csrfToken' | 'errors' | 'values'>) {
  const hint = `Up to ${COMMENTARY_LIMIT.toLocaleString('en-GB')} characters.`;
  return (
    <PostForm action={`/board/reports/${report.id}/metrics/${metric.key}/commentary`} csrfToken={csrfToken}>
      <h2>{metric.commentary ? 'Change the commentary' : 'Write the commentary'}</h2>
      <p>
        The words {metric.owner} gives the board about this measure. They can be changed until the report is published.
      </p>
      {(Object.keys(COMMENTARY_LABELS) as (keyof typeof COMMENTARY_LABELS)[]).map((field) => (
        <Textarea name={field} label={COMMENTARY_LABELS[field]} hint={hint} error={errors[field]} value={values[field] ?? metric.commentary?.[field] ?? ''} />
      ))}
      <Button>Save commentary</Button>
    </PostForm>
  );
}

export function MetricPage(props: MetricPageProps) {
  const { report, snapshot, metric } = props;
  return (
    <>
      <Breadcrumb
        items={[
          { href: '/board/reports', text: 'Board reports' },
          { href: `/board/reports/${report.id}`, text: reportTitle(report.month) },
        ]}
      />
      <Saved saved={props.saved} />
      <ErrorSummary errors={props.errors} />
      <h1>
        <span class="nhsuk-caption-l">{reportTitle(report.month)}</span>
        {metric.name}
      </h1>
      <MetricFigures metric={metric} trustName={snapshot.trustName} legend />
      {props.canComment ? (
        <CommentaryForm report={report} metric={metric} csrfToken={props.csrfToken} errors={props.errors} values={props.values} />
      ) : (
        <CommentaryView metric={metric} level={2} />
      )}
    </>
  );
}
