import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { outboxMessage, speakUpCase } from '#src/db/schema.ts';
import { deliverOutbox } from '#src/notifications/deliver.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { startSmtpServer } from '#test/smtp-server.ts';
import { queueReplyNotice } from './reply-notice.ts';
import { closeCase, findCase, raiseConcern } from './store.ts';

const config = testConfig({ publicUrl: 'https://vitals.trust.test' });
const ADDRESS = 'private.reporter@example.org';
let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

async function anonymousConcernWithAddress() {
  const raised = await raiseConcern(
    database.db,
    config.speakUpKeys,
    { raisedAs: 'anonymous', concern: 'Rotas are being changed without notice.', unitId: null, categories: ['other'], detrimentIndicated: false, passphrase: 'a long passphrase', notifyAddress: ADDRESS },
    '2026-11-02',
  );
  const row = await findCase(database.db, raised.caseId);
  if (!row) throw new Error('case not stored');
  return row;
}

describe('reply-waiting notices', () => {
  it('keep the address sealed in the outbox, hidden from admins, and say nothing about the concern', async () => {
    const row = await anonymousConcernWithAddress();
    expect(row.notifyAddressSealed).not.toContain('example.org');
    const id = await queueReplyNotice(database.db, config, row, TEST_NOW);
    const [message] = await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, id ?? -1));
    expect(message?.toAddress).not.toContain(ADDRESS);
    expect(message?.body).toContain('https://vitals.trust.test/speak-up/follow-up');
    expect(`${message?.subject} ${message?.body}`).not.toMatch(/Rotas|SU-\d{4}/);

    const admin = new TestClient(createTestApp(database));
    await admin.signIn(trust.accounts.admin.email, TEST_PASSWORD);
    for (const path of ['/admin/outbox', `/admin/outbox/${id}`]) {
      const { html } = await admin.get(path);
      expect(html).toContain('A speak-up reporter (address withheld)');
      expect(html).not.toContain(ADDRESS);
    }
  });

  it('are delivered to the address, which is then forgotten', async () => {
    const server = await startSmtpServer();
    try {
      const result = await deliverOutbox(database.db, { ...config, smtpUrl: server.url }, () => TEST_NOW);
      expect(result.failed).toBe(0);
      const mail = server.received.find((m) => m.to.some((line) => line.includes(ADDRESS)));
      expect(mail?.data).toContain('Subject: A reply is waiting for you');
      const rows = await database.db.select().from(outboxMessage);
      expect(rows.every((r) => !r.toAddress.includes('sealed:'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('are not queued without an address, and the address and unsent notices go when the case closes', async () => {
    expect(await queueReplyNotice(database.db, config, { id: 1, notifyAddressSealed: null }, TEST_NOW)).toBeUndefined();
    const row = await anonymousConcernWithAddress();
    const id = await queueReplyNotice(database.db, config, row, TEST_NOW);
    await closeCase(database.db, config.speakUpKeys, row.id, { outcome: 'Rotas now published four weeks ahead.', lessons: '' }, '2026-11-02');
    const [closed] = await database.db.select().from(speakUpCase).where(eq(speakUpCase.id, row.id));
    expect(closed?.notifyAddressSealed).toBeNull();
    expect(await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, id ?? -1))).toEqual([]);
  });
});
