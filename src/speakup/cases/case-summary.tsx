import type { Child } from 'hono/jsx';
import { SummaryList } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import { categoryLabel, DETRIMENT_AFTER, SPEAK_UP_AGAIN } from '../rules.ts';
import type { CaseRow } from '../store.ts';
import { caseAgeDays, caseDeadlines, RAISED_AS_LABELS } from './present.ts';
import { DeadlineText, StatusTag, UrgencyTag } from './tags.tsx';

type Row = { key: string; value: Child };

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function answerLabel(options: readonly { value: string; label: string }[], value: string | null): string {
  if (value === null) return 'Not answered yet';
  return options.find((option) => option.value === value)?.label ?? value;
}

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

export interface CaseFacts {
  row: CaseRow;
  /** The unit's name as it stands today. */
  where: string;
  today: string;
}

/** What was recorded about the concern, not about the person: safe for anyone working on the case. */
function concernRows({ row, where, today }: CaseFacts): Row[] {
  const age = caseAgeDays(row, today);
  return [
    { key: 'Reference', value: row.reference },
    { key: 'Received', value: `${formatDate(row.receivedOn)} (${row.closedOn ? `open for ${dayCount(age)}` : `${dayCount(age)} ago`})` },
    { key: 'Raised as', value: RAISED_AS_LABELS[row.raisedAs] },
    { key: 'Where', value: where },
    { key: 'Categories', value: row.categories.length > 0 ? row.categories.map(categoryLabel).join(', ') : 'None recorded' },
    { key: 'Patient safety', value: yesNo(row.categories.includes('patient_safety')) },
    { key: 'Detriment indicated when raised', value: yesNo(row.detrimentIndicated) },
  ];
}

/** `investigator` is given on the Guardian's page only: whom the case is referred to. */
function progressRows({ row, today }: CaseFacts, investigator?: { name: string | undefined }): Row[] {
  const deadlines = caseDeadlines(row, today);
  return [
    { key: 'Urgency', value: <UrgencyTag urgency={row.urgency} /> },
    { key: 'Status', value: <StatusTag status={row.status} /> },
    ...(investigator ? [{ key: 'Investigator', value: investigator.name ?? 'Not referred' }] : []),
    { key: 'Acknowledged', value: <DeadlineText action="Not yet: acknowledge" done="Acknowledged" deadline={deadlines.acknowledge} /> },
    { key: 'First feedback', value: <DeadlineText action="Not yet: give feedback" done="Given" deadline={deadlines.feedback} /> },
    ...(row.closedOn ? [{ key: 'Closed', value: formatDate(row.closedOn) }] : []),
    ...(row.origin === 'imported' ? [{ key: 'Source', value: 'Imported from the Guardian’s case log' }] : []),
  ];
}

const workerGroupRow = (row: CaseRow): Row => ({ key: 'Worker group', value: row.workerGroup ?? 'Not recorded' });

/** The Guardian's summary: everything recorded, and who the case is referred to. */
export function GuardianCaseSummary({ facts, investigator }: { facts: CaseFacts; investigator: string | undefined }) {
  return <SummaryList rows={[...concernRows(facts), workerGroupRow(facts.row), ...progressRows(facts, { name: investigator })]} />;
}

/**
 * The investigator's summary leaves out the worker group: it describes the reporter, not the
 * concern, and in a small team it can be enough to tell who spoke up.
 */
export function InvestigatorCaseSummary({ facts }: { facts: CaseFacts }) {
  return <SummaryList rows={[...concernRows(facts), ...progressRows(facts)]} />;
}

/** The outcome the Guardian recorded and the reporter's answers to the closing questions. */
export function ClosingSummary({ row, outcome, lessons }: { row: CaseRow; outcome: string | null; lessons: string | null }) {
  return (
    <SummaryList
      rows={[
        { key: 'Outcome', value: outcome ?? 'Not recorded' },
        { key: 'Lessons learned', value: lessons ?? 'None recorded' },
        { key: 'Would speak up again', value: answerLabel(SPEAK_UP_AGAIN, row.wouldSpeakUpAgain) },
        { key: 'Detriment since speaking up', value: answerLabel(DETRIMENT_AFTER, row.detrimentAfterClosure) },
      ]}
    />
  );
}

/** A redacted case keeps only what the statistics need. */
export function RedactedCase({ facts, redactedOn }: { facts: CaseFacts; redactedOn: string }) {
  const { row } = facts;
  return (
    <>
      <p>
        This case was redacted on {formatDate(redactedOn)} under the retention policy: the messages, notes, outcome and anything that could
        identify the reporter were deleted. Only the figures used in reports remain.
      </p>
      <SummaryList
        rows={[
          ...concernRows(facts),
          workerGroupRow(row),
          ...progressRows(facts),
          { key: 'Would speak up again', value: answerLabel(SPEAK_UP_AGAIN, row.wouldSpeakUpAgain) },
          { key: 'Detriment since speaking up', value: answerLabel(DETRIMENT_AFTER, row.detrimentAfterClosure) },
        ]}
      />
    </>
  );
}
