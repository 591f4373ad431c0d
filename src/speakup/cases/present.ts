import type { OrgTree } from '#src/org/tree.ts';
import { categoriesOn, categoryLabel, daysBetween, dueDates, dueState, timelinessOn, WORKER_GROUPS, type DueState, type RaisedAs } from '../rules.ts';
import type { CaseRow, CaseStatus } from '../store.ts';
import type { TriageValues } from './forms.ts';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  referred: 'Referred',
  closed: 'Closed',
};

export const RAISED_AS_LABELS: Record<RaisedAs, string> = {
  anonymous: 'Anonymous',
  confidential: 'Confidential',
  open: 'Open (named)',
};

export type InboxView = 'open' | CaseStatus | 'all';

export const INBOX_VIEWS: readonly { value: InboxView; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'new', label: 'New' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'referred', label: 'Referred' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

export function inboxView(query: string | undefined): InboxView | undefined {
  if (query === undefined || query === '') return 'open';
  return INBOX_VIEWS.find((view) => view.value === query)?.value;
}

export type TimelinessFields = Pick<CaseRow, 'receivedOn' | 'acknowledgedOn' | 'firstFeedbackOn' | 'closedOn'>;

export interface Deadline {
  due: string;
  /** The day it was met, if it was. */
  doneOn: string | null;
  state: DueState;
}

export interface CaseDeadlines {
  acknowledge: Deadline;
  feedback: Deadline;
}

/** Closing a case settles both deadlines: an imported case may be closed with no acknowledgement date recorded. */
export function caseDeadlines(row: TimelinessFields, today: string): CaseDeadlines {
  const due = dueDates(row.receivedOn);
  const { reminderDays } = timelinessOn(row.receivedOn);
  const deadline = (dueOn: string, doneOn: string | null): Deadline => {
    const settledOn = doneOn ?? row.closedOn;
    return { due: dueOn, doneOn, state: dueState(dueOn, settledOn, today, reminderDays) };
  };
  return { acknowledge: deadline(due.acknowledgeBy, row.acknowledgedOn), feedback: deadline(due.feedbackBy, row.firstFeedbackOn) };
}

/** Days since the case arrived; a closed case stops ageing on the day it closed. */
export function caseAgeDays(row: Pick<CaseRow, 'receivedOn' | 'closedOn'>, today: string): number {
  return daysBetween(row.receivedOn, row.closedOn ?? today);
}

export type PriorityFields = TimelinessFields & Pick<CaseRow, 'id' | 'status' | 'urgency'>;

function priorityRank(row: PriorityFields, deadlines: CaseDeadlines): number {
  if (row.status === 'closed') return 5;
  const overdue = deadlines.acknowledge.state === 'overdue' || deadlines.feedback.state === 'overdue';
  const urgent = row.urgency === 'urgent';
  if (overdue) return urgent ? 0 : 1;
  if (urgent) return 2;
  if (deadlines.acknowledge.state === 'due-soon' || deadlines.feedback.state === 'due-soon') return 3;
  return 4;
}

/** The next date the Guardian has to meet, or none once both are met. */
function nextDue(deadlines: CaseDeadlines): string | undefined {
  return [deadlines.acknowledge, deadlines.feedback].find((deadline) => deadline.state !== 'done')?.due;
}

/**
 * Most pressing first: urgent and overdue, overdue, urgent, due soon, the other open cases (each
 * group by its next due date), then closed cases newest first.
 */
export function byPriority<T extends PriorityFields>(rows: readonly T[], today: string): T[] {
  const keyed = rows.map((row) => {
    const deadlines = caseDeadlines(row, today);
    return { row, rank: priorityRank(row, deadlines), due: nextDue(deadlines) ?? '9999-12-31' };
  });
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank === 5) return b.row.receivedOn.localeCompare(a.row.receivedOn) || b.row.id - a.row.id;
    return a.due.localeCompare(b.due) || a.row.id - b.row.id;
  });
  return keyed.map((entry) => entry.row);
}

export interface InboxSummary {
  new: number;
  overdueAcknowledgement: number;
  overdueFeedback: number;
}

export function inboxSummary(openRows: readonly (TimelinessFields & Pick<CaseRow, 'status'>)[], today: string): InboxSummary {
  const summary: InboxSummary = { new: 0, overdueAcknowledgement: 0, overdueFeedback: 0 };
  for (const row of openRows) {
    if (row.status === 'closed') continue;
    const deadlines = caseDeadlines(row, today);
    if (row.status === 'new') summary.new += 1;
    if (deadlines.acknowledge.state === 'overdue') summary.overdueAcknowledgement += 1;
    if (deadlines.feedback.state === 'overdue') summary.overdueFeedback += 1;
  }
  return summary;
}

/** "Where" is recorded at directorate or area level; a unit the case already names stays selectable. */
export function whereOptions(tree: OrgTree, currentUnitId: number | null): { id: number; name: string }[] {
  const options: { id: number; name: string }[] = [];
  const visit = (unitId: number, depth: number) => {
    const unit = tree.get(unitId);
    if (!unit) return;
    const listed = unit.level === 'directorate' || unit.level === 'area' || unit.id === currentUnitId;
    if (listed) options.push({ id: unit.id, name: `${'– '.repeat(depth)}${unit.name}` });
    for (const child of tree.children(unitId)) visit(child.id, listed ? depth + 1 : depth);
  };
  for (const root of tree.roots()) visit(root.id, 0);
  return options;
}

export function unitName(tree: OrgTree, unitId: number | null): string {
  if (unitId === null) return 'Not given';
  return tree.get(unitId)?.name ?? 'A unit that has since closed';
}

export interface TriageOptions {
  categories: { value: string; label: string }[];
  workerGroups: readonly string[];
  units: { id: number; name: string }[];
}

/** The choices the triage form offers: the rules of the day the case arrived, plus anything the case already holds. */
export function triageOptions(row: CaseRow, tree: OrgTree): TriageOptions {
  const keys = categoriesOn(row.receivedOn).map((category) => category.key);
  const categories = [...keys, ...row.categories.filter((key) => !keys.includes(key))];
  return {
    categories: categories.map((key) => ({ value: key, label: categoryLabel(key) })),
    workerGroups: row.workerGroup === null || WORKER_GROUPS.includes(row.workerGroup) ? WORKER_GROUPS : [...WORKER_GROUPS, row.workerGroup],
    units: whereOptions(tree, row.unitId),
  };
}

export function triageValuesOf(row: CaseRow): TriageValues {
  return {
    categories: [...row.categories],
    workerGroup: row.workerGroup ?? '',
    urgency: row.urgency,
    unitId: row.unitId === null ? '' : String(row.unitId),
    detrimentIndicated: row.detrimentIndicated ? 'yes' : 'no',
  };
}
