import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { outboxMessage } from '#src/db/schema.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust } from '#test/factories.ts';
import { queueGuardianDigests } from './guardian-digest.ts';
import { raiseConcern } from './store.ts';

const config = testConfig({ publicUrl: 'https://vitals.trust.test' });
const CONCERN = 'Staff on the late shift are told not to report near misses.';
let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

const raise = (receivedOn: string) =>
  raiseConcern(
    database.db,
    config.speakUpKeys,
    { raisedAs: 'anonymous', concern: CONCERN, unitId: null, categories: ['patient_safety'], detrimentIndicated: false, passphrase: 'a long passphrase' },
    receivedOn,
  );

const digests = () => database.db.select().from(outboxMessage).where(sql`${outboxMessage.context}->>'kind' = 'speak-up-digest'`);

describe('the Guardians’ daily digest', () => {
  it('counts only concerns from before today, so a concern raised today changes nothing until tomorrow', async () => {
    await raise('2026-11-02');
    expect(await queueGuardianDigests(database.db, config, new Date('2026-11-02T15:00:00Z'))).toEqual([]);
    expect(await digests()).toEqual([]);
  });

  it('goes to every Guardian once a day with counts and a link, never a reference or a word of a concern', async () => {
    await raise('2026-10-20');
    const ids = await queueGuardianDigests(database.db, config, new Date('2026-11-03T08:00:00Z'));
    expect(ids).toHaveLength(1);
    const [message] = await digests();
    expect(message?.toAddress).toBe(trust.accounts.guardian.email);
    expect(message?.body).toContain('2 new concerns are waiting to be acknowledged.');
    expect(message?.body).toContain('1 case is past the date for acknowledgement.');
    expect(message?.body).toContain('https://vitals.trust.test/speak-up/cases');
    expect(message?.body).not.toMatch(/SU-\d{4}|near misses/);
    expect(await queueGuardianDigests(database.db, config, new Date('2026-11-03T14:00:00Z'))).toEqual([]);
    expect(await queueGuardianDigests(database.db, config, new Date('2026-11-04T08:00:00Z'))).toHaveLength(1);
  });
});
