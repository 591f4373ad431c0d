import type { DownloadTable } from '#src/scorecard/downloads.ts';
import { CATEGORIES, SPEAK_UP_AGAIN, WORKER_GROUPS, type Category, type RaisedAs } from '../rules.ts';
import { isInQuarter, quarterEnd, quarterLabel, quarterStart, type Quarter } from './quarters.ts';

/** What the return counts from a case: no sealed column, nothing a reporter wrote. */
export interface ReturnCase {
  receivedOn: string;
  raisedAs: RaisedAs;
  categories: readonly string[];
  detrimentIndicated: boolean;
  wouldSpeakUpAgain: string | null;
  closedOn: string | null;
  workerGroup: string | null;
}

export interface CategoryCount {
  category: Category;
  count: number;
}

export interface FeedbackCount {
  /** A SPEAK_UP_AGAIN value, or null for closed cases with no answer. */
  answer: string | null;
  label: string;
  count: number;
}

/**
 * The National Guardian's Office quarterly return. Case counts are over cases RECEIVED in the
 * quarter; the "would you speak up again?" answers are over cases CLOSED in the quarter, because
 * the question is asked at closure (a case received in the quarter is rarely closed by its end).
 */
export interface NgoReturn {
  quarter: Quarter;
  received: number;
  anonymous: number;
  detriment: number;
  /** National categories in effect during the quarter, in the order of CATEGORIES. */
  national: CategoryCount[];
  /** Local categories in effect (sexual safety): shown to the trust, not part of the national return. */
  local: CategoryCount[];
  /** Received cases by the worker group of the person speaking up (the trust's groups, then "Not recorded"). */
  workerGroups: { group: string; count: number }[];
  closed: number;
  feedback: FeedbackCount[];
}

export const NOT_RECORDED = 'Not recorded';

/** Categories recorded on at least one day of the quarter. */
export function categoriesInQuarter(quarter: Quarter): Category[] {
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  return CATEGORIES.filter((category) => category.from <= end && (category.until === undefined || category.until >= start));
}

/** The trust's groups, then any other group an imported log used, alphabetically. */
function workerGroupsOf(cases: readonly ReturnCase[]): string[] {
  const others = new Set(cases.map((row) => row.workerGroup).filter((group): group is string => group !== null && !WORKER_GROUPS.includes(group)));
  return [...WORKER_GROUPS, ...[...others].sort()];
}

export function ngoReturn(cases: readonly ReturnCase[], quarter: Quarter): NgoReturn {
  const received = cases.filter((row) => isInQuarter(row.receivedOn, quarter));
  const closed = cases.filter((row) => row.closedOn !== null && isInQuarter(row.closedOn, quarter));
  const countCategory = (category: Category): CategoryCount => ({
    category,
    count: received.filter((row) => row.categories.includes(category.key)).length,
  });
  const inEffect = categoriesInQuarter(quarter);
  const known = new Set(SPEAK_UP_AGAIN.map((answer) => answer.value));
  return {
    quarter,
    received: received.length,
    anonymous: received.filter((row) => row.raisedAs === 'anonymous').length,
    detriment: received.filter((row) => row.detrimentIndicated).length,
    national: inEffect.filter((category) => category.national).map(countCategory),
    local: inEffect.filter((category) => !category.national).map(countCategory),
    workerGroups: [
      ...workerGroupsOf(received).map((group) => ({ group, count: received.filter((row) => row.workerGroup === group).length })),
      { group: NOT_RECORDED, count: received.filter((row) => row.workerGroup === null).length },
    ],
    closed: closed.length,
    feedback: [
      ...SPEAK_UP_AGAIN.map((answer) => ({ answer: answer.value, label: answer.label, count: closed.filter((row) => row.wouldSpeakUpAgain === answer.value).length })),
      { answer: null, label: 'Not answered', count: closed.filter((row) => row.wouldSpeakUpAgain === null || !known.has(row.wouldSpeakUpAgain)).length },
    ],
  };
}

/** The return's questions, worded as the NGO's data return words them. */
export const RETURN_WORDING = {
  received: 'Total number of cases brought to the Freedom to Speak Up Guardian',
  anonymous: 'Number of cases raised anonymously',
  detriment: 'Number of cases where the person speaking up indicated that they were suffering detriment as a result of speaking up',
  feedback: 'Given your experience, would you speak up again?',
  workerGroup: 'Number of cases by professional or worker group:',
} as const;

/** The NGO's own list of groups was not found (methods: nhs-definitions.md §5), so the trust's are returned. */
export const WORKER_GROUP_NOTE = 'Yes (in the trust’s own worker groups)';

const CATEGORY_WORDING: Record<string, string> = {
  patient_safety: 'Number of cases with an element of patient safety or quality',
  worker_safety: 'Number of cases with an element of worker safety or wellbeing',
  behaviours: 'Number of cases with an element of behaviours, including bullying or harassment',
  bullying_or_harassment: 'Number of cases with an element of bullying or harassment',
  inappropriate_attitudes: 'Number of cases with an element of inappropriate attitudes or behaviours',
  sexual_safety: 'Number of cases with an element of sexual safety',
  other: 'Number of cases about other matters',
};

export function categoryWording(category: Category): string {
  return CATEGORY_WORDING[category.key] ?? `Number of cases with an element of ${category.label.toLowerCase()}`;
}

export const COUNTED_OVER = {
  received: 'Cases received in the quarter',
  closed: 'Cases closed in the quarter (the question is asked at closure)',
} as const;

/** The return as a file: one row per figure, saying which cases it counts and whether the NGO collects it. */
export function ngoReturnTable(result: NgoReturn): DownloadTable {
  const quarter = quarterLabel(result.quarter);
  const row = (measure: string, count: number, over: string, inReturn = 'Yes') => [quarter, measure, count, over, inReturn];
  return {
    sheet: `NGO return ${quarter}`,
    columns: ['Quarter', 'Measure', 'Number of cases', 'Cases counted', 'Part of the national return'],
    rows: [
      row(RETURN_WORDING.received, result.received, COUNTED_OVER.received),
      row(RETURN_WORDING.anonymous, result.anonymous, COUNTED_OVER.received),
      ...result.national.map((cell) => row(categoryWording(cell.category), cell.count, COUNTED_OVER.received)),
      row(RETURN_WORDING.detriment, result.detriment, COUNTED_OVER.received),
      ...result.workerGroups.map((cell) => row(`${RETURN_WORDING.workerGroup} ${cell.group}`, cell.count, COUNTED_OVER.received, WORKER_GROUP_NOTE)),
      ...result.feedback.map((cell) =>
        row(`${RETURN_WORDING.feedback} ${cell.label}`, cell.count, COUNTED_OVER.closed, cell.answer === null ? 'No (for checking: closed cases without an answer)' : 'Yes'),
      ),
      ...result.local.map((cell) => row(categoryWording(cell.category), cell.count, COUNTED_OVER.received, 'No (local category)')),
    ],
  };
}
