import { SummaryList, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import { categoryLabel } from '../rules.ts';
import type { CaseSummary } from '../store.ts';
import { caseAgeDays, caseDeadlines, INBOX_VIEWS, RAISED_AS_LABELS, type InboxSummary, type InboxView } from './present.ts';
import { DeadlineText, StatusTag, UrgencyTag } from './tags.tsx';

export interface InboxProps {
  view: InboxView;
  /** Cases per view, for the filter links. */
  counts: Record<InboxView, number>;
  summary: InboxSummary;
  rows: CaseSummary[];
  /** Closed cases beyond this many are left off, newest kept. */
  closedLimit: number;
  closedShown: number;
  today: string;
}

function ViewLinks({ view, counts }: Pick<InboxProps, 'view' | 'counts'>) {
  return (
    <nav aria-label="Cases by status">
      <ul class="nhsuk-list">
        {INBOX_VIEWS.map((option) => (
          <li class="nhsuk-u-display-inline-block nhsuk-u-margin-right-4">
            {option.value === view ? (
              <strong aria-current="page">
                {option.label} ({counts[option.value]})
              </strong>
            ) : (
              <a href={option.value === 'open' ? '/speak-up/cases' : `/speak-up/cases?view=${option.value}`}>
                {option.label} ({counts[option.value]})
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Deadlines({ row, today }: { row: CaseSummary; today: string }) {
  if (row.status === 'closed') return <>{row.closedOn ? `Closed ${formatDate(row.closedOn)}` : 'Closed'}</>;
  const deadlines = caseDeadlines(row, today);
  return (
    <>
      <DeadlineText action="Acknowledge" done="Acknowledged" deadline={deadlines.acknowledge} />
      <br />
      <DeadlineText action="First feedback" done="First feedback" deadline={deadlines.feedback} />
    </>
  );
}

const VIEW_CAPTIONS: Record<InboxView, string> = {
  open: 'Open cases, most pressing first',
  new: 'New cases, most pressing first',
  acknowledged: 'Acknowledged cases, most pressing first',
  referred: 'Cases referred to an investigator, most pressing first',
  closed: 'Closed cases, newest first',
  all: 'All cases: open ones most pressing first, then closed ones newest first',
};

function emptyMessage(view: InboxView): string {
  if (view === 'all') return 'There are no cases yet.';
  const label = INBOX_VIEWS.find((option) => option.value === view)?.label ?? view;
  return `There are no ${label.toLowerCase()} cases.`;
}

export function InboxPage({ view, counts, summary, rows, closedLimit, closedShown, today }: InboxProps) {
  const closedTotal = counts.closed;
  return (
    <>
      <h1>Speak-up cases</h1>
      <p>
        Concerns raised with the Freedom to Speak Up Guardian. Acknowledge each new concern within 7 days and give the reporter feedback
        within 3 months. Opening a case is recorded in the audit log.
      </p>
      <SummaryList
        rows={[
          { key: 'New, not yet acknowledged', value: String(summary.new) },
          { key: 'Acknowledgement overdue', value: String(summary.overdueAcknowledgement) },
          { key: 'First feedback overdue', value: String(summary.overdueFeedback) },
        ]}
      />
      <ViewLinks view={view} counts={counts} />
      {rows.length === 0 ? (
        <p>{emptyMessage(view)}</p>
      ) : (
        <Table
          caption={VIEW_CAPTIONS[view]}
          captionSize="s"
          head={[
            { text: 'Reference' },
            { text: 'Received' },
            { text: 'Age (days)' },
            { text: 'Raised as' },
            { text: 'Categories' },
            { text: 'Urgency' },
            { text: 'Status' },
            { text: 'Due' },
          ]}
          numericColumns={[2]}
          rows={rows.map((row) => [
            <a href={`/speak-up/cases/${row.id}`}>{row.reference}</a>,
            formatDate(row.receivedOn),
            String(caseAgeDays(row, today)),
            RAISED_AS_LABELS[row.raisedAs],
            row.categories.length > 0 ? row.categories.map(categoryLabel).join(', ') : 'None recorded',
            <UrgencyTag urgency={row.urgency} />,
            <StatusTag status={row.status} />,
            <Deadlines row={row} today={today} />,
          ])}
        />
      )}
      {(view === 'closed' || view === 'all') && closedTotal > closedShown && (
        <p>
          Showing the {closedLimit} most recently received closed cases of {closedTotal}. Every case is counted in the speak-up reports.
        </p>
      )}
    </>
  );
}
