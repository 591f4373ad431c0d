import { Breadcrumb, InsetText, SummaryList, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, DateInput, Input, PostForm, Select, Textarea } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate, formatDateTime } from '#src/web/today.ts';
import { actionOutcomeField } from './forms.ts';
import { formatPeriod, KIND_LABELS, RULE_LABELS, STATUS_LABELS } from './present.ts';
import type { SignalStatus } from './store.ts';

export interface InboxRow {
  id: number;
  unitName: string;
  metricName: string;
  kind: 'concern' | 'improvement';
  sincePeriod: string;
  evidence: string;
  age: string;
  isActive: boolean;
}

export interface InboxGroup {
  status: SignalStatus;
  total: number;
  rows: InboxRow[];
}

interface InboxProps {
  groups: InboxGroup[];
  status: string;
  unitId: string;
  units: { id: number; name: string }[];
  limit: number;
}

export function SignalsInboxPage({ groups, status, unitId, units, limit }: InboxProps) {
  return (
    <>
      <h1>Signals</h1>
      <p>
        Signals are changes in your units’ data that need a look: a special cause in a team’s own figures, or a team far from similar
        ones. Acknowledge each new signal, record what you will do, and close it with the outcome.
      </p>
      <form method="get" action="/signals">
        <Select
          name="status"
          label="Status"
          value={status}
          options={[{ value: '', text: 'All' }, ...(['new', 'acknowledged', 'closed'] as const).map((s) => ({ value: s, text: STATUS_LABELS[s] }))]}
        />
        <Select name="unit" label="Unit" value={unitId} options={[{ value: '', text: 'All your units' }, ...units.map((u) => ({ value: String(u.id), text: u.name }))]} />
        <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
          Show signals
        </button>
      </form>
      {groups.map((group) => (
        <>
          <h2>
            {STATUS_LABELS[group.status]} ({group.total})
          </h2>
          {group.rows.length === 0 ? (
            <p>No {STATUS_LABELS[group.status].toLowerCase()} signals.</p>
          ) : (
            <>
              <Table
                caption={`${STATUS_LABELS[group.status]} signals, newest first`}
                captionSize="s"
                head={[{ text: 'Signal' }, { text: 'Unit' }, { text: 'Kind' }, { text: 'Since' }, { text: 'Evidence' }, { text: 'Age' }]}
                rows={group.rows.map((row) => [
                  <a href={`/signals/${row.id}`}>{row.metricName}</a>,
                  row.unitName,
                  KIND_LABELS[row.kind],
                  formatPeriod(row.sincePeriod),
                  row.isActive ? row.evidence : `${row.evidence} (no longer found in the latest data)`,
                  row.age,
                ])}
              />
              {group.total > group.rows.length && (
                <p>
                  Showing the newest {limit} of {group.total}. Choose a unit to see fewer.
                </p>
              )}
            </>
          )}
        </>
      ))}
    </>
  );
}

export interface SignalDetail {
  id: number;
  unitId: number;
  metricName: string;
  kind: 'concern' | 'improvement';
  rule: string;
  sincePeriod: string;
  lastPeriod: string;
  evidence: string;
  isActive: boolean;
  status: SignalStatus;
  createdAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
}

export interface ActionRow {
  id: number;
  description: string;
  owner: string;
  dueOn: string;
  reviewOn: string;
  status: 'open' | 'done';
  outcome: string | null;
  completedAt: Date | null;
}

const SAVED_MESSAGES: Record<string, string> = {
  acknowledged: 'Signal acknowledged.',
  action: 'Action added.',
  done: 'Action marked as done.',
  closed: 'Signal closed.',
  unchanged: 'Nothing changed: someone had already done that.',
};

interface DetailProps {
  signal: SignalDetail;
  unitName: string;
  acknowledgedBy: string | undefined;
  closedBy: string | undefined;
  actions: ActionRow[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  saved: string | undefined;
}

export function signalTitle(signal: Pick<SignalDetail, 'metricName' | 'kind'>, unitName: string): string {
  return `${signal.metricName}: ${KIND_LABELS[signal.kind].toLowerCase()} in ${unitName}`;
}

export function SignalPage({ signal, unitName, acknowledgedBy, closedBy, actions, csrfToken, errors, values, saved }: DetailProps) {
  const message = saved ? SAVED_MESSAGES[saved] : undefined;
  const isClosed = signal.status === 'closed';
  const openActions = actions.filter((action) => action.status === 'open');
  const base = `/signals/${signal.id}`;
  return (
    <>
      <Breadcrumb items={[{ href: '/signals', text: 'Signals' }]} />
      <ErrorSummary errors={errors} />
      {message && <SuccessBanner heading={message} />}
      <h1>{signalTitle(signal, unitName)}</h1>
      <SummaryList
        rows={[
          { key: 'Unit', value: <a href={`/scorecard/units/${signal.unitId}`}>{unitName}</a> },
          { key: 'Metric', value: signal.metricName },
          { key: 'Kind', value: KIND_LABELS[signal.kind] },
          { key: 'Evidence', value: signal.evidence },
          { key: 'Found by', value: RULE_LABELS[signal.rule] ?? signal.rule },
          {
            key: 'Since',
            value: `${formatPeriod(signal.sincePeriod)}${signal.lastPeriod === signal.sincePeriod ? '' : `, last seen ${formatPeriod(signal.lastPeriod)}`}`,
          },
          { key: 'Still found', value: signal.isActive ? 'Yes, in the latest data' : 'No, the latest data no longer shows it' },
          { key: 'Raised', value: formatDateTime(signal.createdAt) },
          {
            key: 'Status',
            value: isClosed
              ? `Closed${signal.closedAt ? ` ${formatDateTime(signal.closedAt)}` : ''}${closedBy ? ` by ${closedBy}` : ''}`
              : signal.status === 'acknowledged'
                ? `Acknowledged${signal.acknowledgedAt ? ` ${formatDateTime(signal.acknowledgedAt)}` : ''}${acknowledgedBy ? ` by ${acknowledgedBy}` : ''}`
                : 'New',
          },
          ...(isClosed && signal.outcome ? [{ key: 'Outcome', value: signal.outcome }] : []),
        ]}
      />
      {signal.status === 'new' && (
        <PostForm action={`${base}/acknowledge`} csrfToken={csrfToken}>
          <Button>Acknowledge signal</Button>
        </PostForm>
      )}
      <p>
        <a href={`/scorecard/units/${signal.unitId}`}>See {unitName} on the scorecard</a>
      </p>

      <h2>Actions</h2>
      {actions.length === 0 ? (
        <p>No actions recorded yet.</p>
      ) : (
        <Table
          caption="Actions for this signal"
          captionSize="s"
          head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Review' }, { text: 'Status' }]}
          rows={actions.map((action) => [
            action.description,
            action.owner,
            formatDate(action.dueOn),
            formatDate(action.reviewOn),
            action.status === 'done' ? `Done${action.completedAt ? ` ${formatDate(action.completedAt)}` : ''}: ${action.outcome ?? ''}` : 'Open',
          ])}
        />
      )}
      {openActions.map((action) => {
        const field = actionOutcomeField(action.id);
        return (
          <PostForm action={`${base}/actions/${action.id}/done`} csrfToken={csrfToken}>
            <Textarea
              name={field}
              label={`What did “${action.description}” achieve?`}
              hint="Mark the action done with its outcome."
              value={values[field]}
              error={errors[field]}
              rows={3}
            />
            <Button variant="secondary">Mark action done</Button>
          </PostForm>
        );
      })}

      {!isClosed && (
        <>
          <h2>Add an action</h2>
          <PostForm action={`${base}/actions`} csrfToken={csrfToken}>
            <Textarea name="description" label="What will be done" value={values.description} error={errors.description} rows={4} />
            <Input name="owner" label="Who will do it" autocomplete="off" value={values.owner} error={errors.owner} />
            <DateInput name="dueOn" legend="Due date" legendSize="s" hint="When it should be done. For example, 15 3 2027" error={errors.dueOn} values={values} />
            <DateInput name="reviewOn" legend="Review date" legendSize="s" hint="When you will look at the data again. For example, 15 4 2027" error={errors.reviewOn} values={values} />
            <Button>Add action</Button>
          </PostForm>

          <h2>Close this signal</h2>
          <InsetText>
            <p>Close the signal when you have looked into it and done what was needed. The outcome is kept with the unit’s scorecard.</p>
          </InsetText>
          <PostForm action={`${base}/close`} csrfToken={csrfToken}>
            <Textarea name="closeOutcome" label="Outcome" hint="What you found and what changed." value={values.closeOutcome} error={errors.closeOutcome} rows={4} />
            <Button variant="secondary">Close signal</Button>
          </PostForm>
        </>
      )}
    </>
  );
}
