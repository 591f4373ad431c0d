import { Breadcrumb, SummaryList } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate } from '#src/web/today.ts';
import type { CaseMessage, CaseRow, ReporterIdentity } from '../store.ts';
import { AcknowledgeForm, CloseForm, MessageForm, NoteForm, ReferForm, TriageForm } from './case-forms.tsx';
import { ClosingSummary, GuardianCaseSummary, RedactedCase, type CaseFacts } from './case-summary.tsx';
import { Conversation } from './conversation.tsx';
import type { TriageValues } from './forms.ts';
import { caseDeadlines, type TriageOptions } from './present.ts';

const SAVED_MESSAGES: Record<string, string> = {
  acknowledged: 'Case acknowledged.',
  triaged: 'Triage saved.',
  replied: 'Message sent to the reporter.',
  noted: 'Internal note added.',
  referred: 'Case referred to the investigator.',
  'taken-back': 'Case taken back: no investigator is working on it.',
  closed: 'Case closed.',
  unchanged: 'Nothing changed: someone had already done that.',
};

export const caseTitle = (row: Pick<CaseRow, 'reference'>) => `Case ${row.reference}`;

function OverdueWarning({ facts }: { facts: CaseFacts }) {
  if (facts.row.status === 'closed') return null;
  const deadlines = caseDeadlines(facts.row, facts.today);
  const overdue = [
    deadlines.acknowledge.state === 'overdue' && `Acknowledgement was due by ${formatDate(deadlines.acknowledge.due)}.`,
    deadlines.feedback.state === 'overdue' && `First feedback to the reporter was due by ${formatDate(deadlines.feedback.due)}.`,
  ].filter((line) => typeof line === 'string');
  if (overdue.length === 0) return null;
  return (
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading">This case is overdue</h2>
        {overdue.map((line) => (
          <p class="nhsuk-card__description">{line}</p>
        ))}
      </div>
    </div>
  );
}

function IdentityList({ identity }: { identity: ReporterIdentity }) {
  return (
    <SummaryList
      rows={[
        { key: 'Name', value: identity.name ?? 'Not given' },
        { key: 'How to reach them', value: identity.contact ?? 'Not given' },
      ]}
    />
  );
}

/** Who raised it, as far as the Guardian may know, and whether they hear about replies. */
function Reporter({ row, identity }: { row: CaseRow; identity: ReporterIdentity | undefined }) {
  if (row.origin === 'imported') {
    return <p>This case was imported from the Guardian’s case log, which does not say who raised it. The reporter cannot read messages in Vitals.</p>;
  }
  const notice =
    row.notifyAddressSealed === null ? (
      <p>The reporter must check back themselves: they gave no address for reply notices.</p>
    ) : (
      <p>The reporter will be told by email that a reply is waiting.</p>
    );
  if (row.raisedAs === 'anonymous' || !identity) {
    return (
      <>
        <p>The reporter is anonymous: nobody, including you, knows who they are. They read your replies with their receipt code and passphrase.</p>
        {notice}
      </>
    );
  }
  if (row.raisedAs === 'confidential') {
    return (
      <>
        <div class="nhsuk-card nhsuk-card--warning">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading">Confidential: do not share without their agreement</h3>
            <p class="nhsuk-card__description">
              Only you know who raised this concern. Share their name only with their agreement, or if someone is at immediate risk of harm.
            </p>
            <IdentityList identity={identity} />
          </div>
        </div>
        {notice}
      </>
    );
  }
  return (
    <>
      <p>Raised openly: the reporter agreed that the people looking into the concern will know who they are.</p>
      <IdentityList identity={identity} />
      {notice}
    </>
  );
}

export interface GuardianCaseProps {
  facts: CaseFacts;
  investigator: string | undefined;
  /** Undefined for anonymous and redacted cases. */
  identity: ReporterIdentity | undefined;
  messages: CaseMessage[];
  closing: { outcome: string | null; lessons: string | null } | undefined;
  triageOptions: TriageOptions;
  triageValues: TriageValues;
  investigators: { id: number; displayName: string }[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

export function GuardianCasePage(props: GuardianCaseProps) {
  const { facts, errors, csrfToken, values } = props;
  const { row } = facts;
  const base = `/speak-up/cases/${row.id}`;
  const message = props.saved ? SAVED_MESSAGES[props.saved] : undefined;
  const form = { csrfToken, errors, values };
  const isOpen = row.status !== 'closed';
  return (
    <>
      <Breadcrumb items={[{ href: '/speak-up/cases', text: 'Speak-up cases' }]} />
      <ErrorSummary errors={errors} />
      {message && <SuccessBanner heading={message} />}
      <h1>{caseTitle(row)}</h1>
      {row.redactedOn ? (
        <RedactedCase facts={facts} redactedOn={row.redactedOn} />
      ) : (
        <>
          <OverdueWarning facts={facts} />
          <GuardianCaseSummary facts={facts} investigator={props.investigator} />
          {row.status === 'new' && <AcknowledgeForm action={`${base}/acknowledge`} csrfToken={csrfToken} />}

          <h2>The reporter</h2>
          <Reporter row={row} identity={props.identity} />

          {props.closing && (
            <>
              <h2>Outcome</h2>
              <ClosingSummary row={row} outcome={props.closing.outcome} lessons={props.closing.lessons} />
            </>
          )}

          <h2>Conversation and notes</h2>
          <Conversation messages={props.messages} attachmentsHref={`${base}/attachments`} />

          {isOpen && row.origin === 'raised' && (
            <>
              <h2>Reply to the reporter</h2>
              <MessageForm action={`${base}/messages`} {...form} notified={row.notifyAddressSealed !== null} />
            </>
          )}
          {isOpen && (
            <>
              <h2>Add an internal note</h2>
              <NoteForm action={`${base}/notes`} {...form} />
            </>
          )}

          <h2>Triage</h2>
          <TriageForm action={`${base}/triage`} csrfToken={csrfToken} errors={errors} values={props.triageValues} options={props.triageOptions} />

          {isOpen && (
            <>
              <h2>Refer to an investigator</h2>
              <ReferForm
                action={`${base}/refer`}
                {...form}
                values={{ investigator: row.investigatorAccountId === null ? '' : String(row.investigatorAccountId), ...values }}
                investigators={props.investigators}
              />
              <h2>Close the case</h2>
              <CloseForm action={`${base}/close`} {...form} asksReporter={row.origin === 'raised'} />
            </>
          )}
        </>
      )}
    </>
  );
}
