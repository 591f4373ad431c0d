import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { speakUpCase } from '#src/db/schema.ts';
import { DEVELOPMENT_KEY_RING } from '#src/speakup/seal.ts';
import { closeCase, raiseConcern, recordClosingFeedback } from '#src/speakup/store.ts';
import { createTestDatabase } from '#test/database.ts';
import { ngoReturn } from './ngo-return.ts';
import { parseQuarter } from './quarters.ts';
import { loadReportRows } from './store.ts';

/** What the test put in the database, kept here so the expected counts never go through the code under test. */
interface Inserted {
  receivedOn: string;
  raisedAs: 'anonymous' | 'confidential' | 'open';
  categories: string[];
  detrimentIndicated: boolean;
  closedOn: string | null;
  wouldSpeakUpAgain: string | null;
}

let database: Database;
const inserted: Inserted[] = [];

/** A small seeded generator, so the case set is the same on every run. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

const BEFORE_SPLIT = ['patient_safety', 'worker_safety', 'behaviours', 'other'];
const AFTER_SPLIT = ['patient_safety', 'worker_safety', 'bullying_or_harassment', 'inappropriate_attitudes', 'other'];
const WITH_SEXUAL_SAFETY = [...AFTER_SPLIT, 'sexual_safety'];
const ANSWERS = ['yes', 'no', 'maybe', 'dont_know', null];
const RAISED = ['anonymous', 'confidential', 'open'] as const;

const day = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  const next = generator(20_260_402);
  const first = Date.UTC(2021, 10, 1);
  for (let i = 0; i < 160; i += 1) {
    const received = new Date(first + next(1_800) * 86_400_000);
    const receivedOn = day(received);
    const pool = receivedOn < '2022-04-01' ? BEFORE_SPLIT : receivedOn < '2024-04-01' ? AFTER_SPLIT : WITH_SEXUAL_SAFETY;
    const categories = [...new Set([pool[next(pool.length)] ?? 'other', ...(next(3) === 0 ? [pool[next(pool.length)] ?? 'other'] : [])])];
    const closedOn = next(4) === 0 ? null : day(new Date(received.getTime() + (10 + next(200)) * 86_400_000));
    const row: Inserted = {
      receivedOn,
      raisedAs: RAISED[next(3)] ?? 'open',
      categories,
      detrimentIndicated: next(10) === 0,
      closedOn: closedOn !== null && closedOn <= '2026-11-01' ? closedOn : null,
      wouldSpeakUpAgain: null,
    };
    if (row.closedOn !== null) row.wouldSpeakUpAgain = ANSWERS[next(ANSWERS.length)] ?? null;
    inserted.push(row);
    if (i % 8 === 0) {
      // Every eighth concern goes the way a reporter raises one, closed and answered by the Guardian.
      const { caseId } = await raiseConcern(
        database.db,
        DEVELOPMENT_KEY_RING,
        { raisedAs: row.raisedAs, concern: 'What happened', unitId: null, categories: row.categories, detrimentIndicated: row.detrimentIndicated, passphrase: 'a long enough passphrase' },
        row.receivedOn,
      );
      if (row.closedOn !== null) {
        await closeCase(database.db, DEVELOPMENT_KEY_RING, caseId, { outcome: 'Outcome', lessons: '' }, row.closedOn);
        if (row.wouldSpeakUpAgain !== null) await recordClosingFeedback(database.db, caseId, { wouldSpeakUpAgain: row.wouldSpeakUpAgain, detrimentAfterClosure: null });
      }
    } else {
      await database.db.insert(speakUpCase).values({
        origin: 'imported',
        reference: `LOG-${i}`,
        raisedAs: row.raisedAs,
        receivedOn: row.receivedOn,
        categories: row.categories,
        detrimentIndicated: row.detrimentIndicated,
        status: row.closedOn === null ? 'acknowledged' : 'closed',
        closedOn: row.closedOn,
        wouldSpeakUpAgain: row.wouldSpeakUpAgain,
      });
    }
  }
});
afterAll(() => database.close());

/** Quarters written out by hand: the last before the April 2022 split, the first after it, the first with sexual safety, and a recent one. */
const QUARTERS = [
  { key: '2021-Q4', from: '2022-01-01', to: '2022-03-31', national: BEFORE_SPLIT, local: [] as string[] },
  { key: '2022-Q1', from: '2022-04-01', to: '2022-06-30', national: AFTER_SPLIT, local: [] as string[] },
  { key: '2024-Q1', from: '2024-04-01', to: '2024-06-30', national: AFTER_SPLIT, local: ['sexual_safety'] },
  { key: '2025-Q3', from: '2025-10-01', to: '2025-12-31', national: AFTER_SPLIT, local: ['sexual_safety'] },
];

describe('the NGO return matches a hand count of cases in the database', () => {
  for (const { key, from, to, national, local } of QUARTERS) {
    it(`for ${key}`, async () => {
      const quarter = parseQuarter(key);
      if (!quarter) throw new Error(`bad quarter ${key}`);
      const result = ngoReturn(await loadReportRows(database.db), quarter);

      const received = inserted.filter((row) => from <= row.receivedOn && row.receivedOn <= to);
      const closed = inserted.filter((row) => row.closedOn !== null && from <= row.closedOn && row.closedOn <= to);
      expect(received.length).toBeGreaterThan(3);
      expect(result.received).toBe(received.length);
      expect(result.anonymous).toBe(received.filter((row) => row.raisedAs === 'anonymous').length);
      expect(result.detriment).toBe(received.filter((row) => row.detrimentIndicated).length);
      const byKey = (keys: string[]) => Object.fromEntries(keys.map((category) => [category, received.filter((row) => row.categories.includes(category)).length]));
      expect(Object.fromEntries(result.national.map((cell) => [cell.category.key, cell.count]))).toEqual(byKey(national));
      expect(Object.fromEntries(result.local.map((cell) => [cell.category.key, cell.count]))).toEqual(byKey(local));
      expect(result.closed).toBe(closed.length);
      expect(Object.fromEntries(result.feedback.map((cell) => [String(cell.answer), cell.count]))).toEqual(
        Object.fromEntries(ANSWERS.map((answer) => [String(answer), closed.filter((row) => row.wouldSpeakUpAgain === answer).length])),
      );
    });
  }
});
