import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '#src/scorecard/downloads.ts';
import { COUNTED_OVER, ngoReturn, ngoReturnTable, NOT_RECORDED, RETURN_WORDING, type ReturnCase } from './ngo-return.ts';

function concern(overrides: Partial<ReturnCase> & Pick<ReturnCase, 'receivedOn' | 'categories'>): ReturnCase {
  return { raisedAs: 'open', detrimentIndicated: false, wouldSpeakUpAgain: null, closedOn: null, workerGroup: null, ...overrides };
}

const CASES: ReturnCase[] = [
  // 2021/22 Q4: the single "behaviours" category still in use.
  concern({ receivedOn: '2022-01-10', raisedAs: 'anonymous', categories: ['behaviours', 'patient_safety'], detrimentIndicated: true, closedOn: '2022-04-15', wouldSpeakUpAgain: 'no' }),
  concern({ receivedOn: '2022-03-31', categories: ['behaviours'], closedOn: '2022-06-01' }),
  // 2022/23 Q1: behaviours split into bullying or harassment and inappropriate attitudes.
  concern({
    receivedOn: '2022-04-01',
    raisedAs: 'anonymous',
    categories: ['bullying_or_harassment', 'inappropriate_attitudes', 'patient_safety'],
    closedOn: '2022-05-01',
    wouldSpeakUpAgain: 'yes',
    workerGroup: 'Call handlers and dispatchers',
  }),
  concern({ receivedOn: '2022-06-30', raisedAs: 'confidential', categories: ['worker_safety', 'worker_safety'], detrimentIndicated: true, closedOn: '2022-07-01', wouldSpeakUpAgain: 'maybe', workerGroup: 'Nurses (from the old log)' }),
  // 2024/25 Q1: sexual safety, a local category.
  concern({ receivedOn: '2024-05-05', categories: ['sexual_safety', 'bullying_or_harassment'], closedOn: '2024-06-20', wouldSpeakUpAgain: 'dont_know' }),
];

const counts = (cells: { category: { key: string }; count: number }[]) => Object.fromEntries(cells.map((cell) => [cell.category.key, cell.count]));

describe('the National Guardian’s Office return', () => {
  it('counts cases received in the quarter in the categories in effect then (before April 2022)', () => {
    const result = ngoReturn(CASES, { year: 2021, number: 4 });
    expect(result).toMatchObject({ received: 2, anonymous: 1, detriment: 1, closed: 0 });
    expect(counts(result.national)).toEqual({ patient_safety: 1, worker_safety: 0, behaviours: 2, other: 0 });
    expect(result.local).toEqual([]);
  });

  it('counts a case once in each of its categories from April 2022, and feedback over cases closed in the quarter', () => {
    const result = ngoReturn(CASES, { year: 2022, number: 1 });
    expect(result).toMatchObject({ received: 2, anonymous: 1, detriment: 1 });
    expect(counts(result.national)).toEqual({ patient_safety: 1, worker_safety: 1, bullying_or_harassment: 1, inappropriate_attitudes: 1, other: 0 });
    // Closed in the quarter: the January case (no), the March case (no answer) and the April case (yes).
    expect(result.closed).toBe(3);
    expect(result.feedback.map((cell) => [cell.answer, cell.count])).toEqual([
      ['yes', 1],
      ['no', 1],
      ['maybe', 0],
      ['dont_know', 0],
      [null, 1],
    ]);
    expect(result.workerGroups.filter((cell) => cell.count > 0)).toEqual([
      { group: 'Call handlers and dispatchers', count: 1 },
      { group: 'Nurses (from the old log)', count: 1 },
    ]);
    expect(result.workerGroups.at(-1)).toEqual({ group: NOT_RECORDED, count: 0 });
  });

  it('shows sexual safety separately, outside the national categories', () => {
    const result = ngoReturn(CASES, { year: 2024, number: 1 });
    expect(result.received).toBe(1);
    expect(counts(result.local)).toEqual({ sexual_safety: 1 });
    expect(result.national.some((cell) => cell.category.key === 'sexual_safety')).toBe(false);
    expect(counts(result.national).bullying_or_harassment).toBe(1);
    expect(result.feedback.find((cell) => cell.answer === 'dont_know')?.count).toBe(1);
    expect(result.workerGroups.at(-1)).toEqual({ group: NOT_RECORDED, count: 1 });
  });

  it('is a CSV with the NGO’s wording, saying which cases each figure counts', () => {
    const csv = tableToCsv(ngoReturnTable(ngoReturn(CASES, { year: 2024, number: 1 })));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('Quarter,Measure,Number of cases,Cases counted,Part of the national return');
    expect(lines[1]).toBe(stringify([['2024/25 Q1', RETURN_WORDING.received, 1, COUNTED_OVER.received, 'Yes']]).trim());
    expect(csv).toContain(stringify([['2024/25 Q1', `${RETURN_WORDING.feedback} Don’t know`, 1, COUNTED_OVER.closed, 'Yes']]).trim());
    expect(csv).toContain(stringify([['2024/25 Q1', 'Number of cases with an element of sexual safety', 1, COUNTED_OVER.received, 'No (local category)']]).trim());
    expect(lines.at(-1)).toContain('sexual safety');
  });
});
