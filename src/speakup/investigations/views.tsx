import { Breadcrumb, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate } from '#src/web/today.ts';
import { categoryLabel } from '../rules.ts';
import type { CaseMessage, CaseSummary } from '../store.ts';
import { NoteForm } from '../cases/case-forms.tsx';
import { InvestigatorCaseSummary, type CaseFacts } from '../cases/case-summary.tsx';
import { caseTitle } from '../cases/case-page.tsx';
import { Conversation } from '../cases/conversation.tsx';
import { caseAgeDays } from '../cases/present.ts';
import { StatusTag, UrgencyTag } from '../cases/tags.tsx';

export function InvestigationsPage({ rows, today }: { rows: CaseSummary[]; today: string }) {
  return (
    <>
      <h1>Your investigations</h1>
      <p>
        The Freedom to Speak Up cases the Guardian has referred to you, and only those. You can read each concern and its notes and add
        notes of your own. Opening a case is recorded in the audit log.
      </p>
      {rows.length === 0 ? (
        <p>No cases are referred to you.</p>
      ) : (
        <Table
          caption="Cases referred to you, most pressing first"
          captionSize="s"
          head={[{ text: 'Reference' }, { text: 'Received' }, { text: 'Age (days)' }, { text: 'Categories' }, { text: 'Urgency' }, { text: 'Status' }]}
          numericColumns={[2]}
          rows={rows.map((row) => [
            <a href={`/speak-up/investigations/${row.id}`}>{row.reference}</a>,
            formatDate(row.receivedOn),
            String(caseAgeDays(row, today)),
            row.categories.length > 0 ? row.categories.map(categoryLabel).join(', ') : 'None recorded',
            <UrgencyTag urgency={row.urgency} />,
            <StatusTag status={row.status} />,
          ])}
        />
      )}
    </>
  );
}

/**
 * An investigator never learns who raised a confidential or anonymous concern. A reporter who
 * raised it openly was told "the people looking into your concern will know it was you", so the
 * name is shown; how to reach them is not: contact goes through the Guardian.
 */
function Reporter({ raisedAs, openName }: { raisedAs: CaseFacts['row']['raisedAs']; openName: string | null }) {
  if (raisedAs === 'open') {
    return <p>{openName ? `Raised openly by ${openName}.` : 'Raised openly, but the reporter did not give their name.'} Ask the Guardian if you need to speak to them.</p>;
  }
  return (
    <p>
      The reporter raised this concern {raisedAs === 'anonymous' ? 'anonymously' : 'confidentially'}: investigators are not told who they
      are. Ask the Guardian if you need something from them.
    </p>
  );
}

const SAVED_MESSAGES: Record<string, string> = { noted: 'Internal note added.' };

export interface InvestigationProps {
  facts: CaseFacts;
  openName: string | null;
  messages: CaseMessage[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

export function InvestigationPage({ facts, openName, messages, csrfToken, errors, values, saved }: InvestigationProps) {
  const { row } = facts;
  const base = `/speak-up/investigations/${row.id}`;
  const message = saved ? SAVED_MESSAGES[saved] : undefined;
  return (
    <>
      <Breadcrumb items={[{ href: '/speak-up/investigations', text: 'Your investigations' }]} />
      <ErrorSummary errors={errors} />
      {message && <SuccessBanner heading={message} />}
      <h1>{caseTitle(row)}</h1>
      <InvestigatorCaseSummary facts={facts} />
      <h2>The reporter</h2>
      <Reporter raisedAs={row.raisedAs} openName={openName} />
      <h2>The concern and notes</h2>
      <p>Messages between the reporter and the Guardian are read-only here. Only the Guardian replies to the reporter.</p>
      <Conversation messages={messages} attachmentsHref={`${base}/attachments`} />
      {row.status !== 'closed' && (
        <>
          <h2>Add an internal note</h2>
          <NoteForm action={`${base}/notes`} csrfToken={csrfToken} errors={errors} values={values} />
        </>
      )}
    </>
  );
}
