import { formatDate } from '#src/web/today.ts';
import type { CaseStatus } from '../store.ts';
import { STATUS_LABELS, type Deadline } from './present.ts';

export function UrgencyTag({ urgency }: { urgency: 'routine' | 'urgent' }) {
  return urgency === 'urgent' ? <strong class="nhsuk-tag nhsuk-tag--red">Urgent</strong> : <>Routine</>;
}

const STATUS_COLOURS: Record<CaseStatus, string> = {
  new: 'nhsuk-tag--blue',
  acknowledged: 'nhsuk-tag--aqua-green',
  referred: 'nhsuk-tag--purple',
  closed: 'nhsuk-tag--grey',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return <strong class={`nhsuk-tag ${STATUS_COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}

/** Overdue in red, due soon in orange; a deadline that was met or is comfortably ahead carries no tag. */
export function DeadlineTag({ deadline }: { deadline: Deadline }) {
  if (deadline.state === 'overdue') return <strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>;
  if (deadline.state === 'due-soon') return <strong class="nhsuk-tag nhsuk-tag--orange">Due soon</strong>;
  return null;
}

/** "Acknowledge by 9 November 2026 [Overdue]", or the day it was done. */
export function DeadlineText({ action, done, deadline }: { action: string; done: string; deadline: Deadline }) {
  if (deadline.state === 'done') {
    return <>{deadline.doneOn ? `${done} ${formatDate(deadline.doneOn)}` : `${done}: no date recorded`}</>;
  }
  return (
    <>
      {`${action} by ${formatDate(deadline.due)}`}
      {deadline.state !== 'on-time' && (
        <>
          {' '}
          <DeadlineTag deadline={deadline} />
        </>
      )}
    </>
  );
}
