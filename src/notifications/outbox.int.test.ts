import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { outboxMessage } from '#src/db/schema.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { startSmtpServer } from '#test/smtp-server.ts';
import { createSmtpTransport, deliverPendingMessages } from './deliver.ts';
import { queueMessage } from './outbox.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

const message = (to: string, subject: string) => ({ to, subject, body: `Hello,\n\nLine one\nLine two\n\nhttps://vitals.example/signals/1`, context: { kind: 'test' } });

describe('outbox page', () => {
  it('lists messages for the admin and shows each body', async () => {
    const id = await queueMessage(database.db, message('manager@trust.test', 'Vitals: 1 new signal for your units'), TEST_NOW);
    const app = createTestApp(database);
    const admin = new TestClient(app);
    await admin.signIn(trust.accounts.admin.email, TEST_PASSWORD);
    const list = await admin.get('/admin/outbox');
    expect(list.response.status).toBe(200);
    expect(list.html).toContain(`href="/admin/outbox/${id}"`);
    expect(list.html).toContain('manager@trust.test');
    expect(list.html).toContain('Waiting in the outbox');
    const detail = await admin.get(`/admin/outbox/${id}`);
    expect(detail.response.status).toBe(200);
    expect(detail.html).toContain('Line one<br/>Line two');
    expect((await admin.get('/admin/outbox/999999')).response.status).toBe(404);

    const manager = new TestClient(app);
    await manager.signIn(trust.accounts.manager.email, TEST_PASSWORD);
    expect((await manager.get('/admin/outbox')).response.status).toBe(403);
    expect((await manager.get(`/admin/outbox/${id}`)).response.status).toBe(403);
  });
});

describe('deliverPendingMessages', () => {
  it('sends waiting messages over SMTP once, recording when', async () => {
    const server = await startSmtpServer();
    try {
      const waiting = await database.db.select().from(outboxMessage).where(isNull(outboxMessage.sentAt));
      const id = await queueMessage(database.db, message('one@trust.test', 'First'), TEST_NOW);
      const result = await deliverPendingMessages(database.db, createSmtpTransport(server.url), 'Vitals <vitals@trust.test>', () => TEST_NOW);
      expect(result).toEqual({ sent: waiting.length + 1, failed: 0 });
      expect(server.received).toHaveLength(waiting.length + 1);
      const mail = server.received.find((m) => m.to.includes('RCPT TO:<one@trust.test>'));
      expect(mail?.from).toBe('MAIL FROM:<vitals@trust.test>');
      expect(mail?.data).toContain('Subject: First');
      expect(mail?.data).toContain('Line one');
      const [row] = await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
      expect(row?.sentAt).toEqual(TEST_NOW);
      expect(await deliverPendingMessages(database.db, createSmtpTransport(server.url), 'Vitals <vitals@trust.test>', () => TEST_NOW)).toEqual({ sent: 0, failed: 0 });
    } finally {
      await server.close();
    }
  });

  it('records why a message could not be sent and leaves it for the admin to see', async () => {
    const server = await startSmtpServer({ refuse: true });
    try {
      const id = await queueMessage(database.db, message('two@trust.test', 'Second'), TEST_NOW);
      const result = await deliverPendingMessages(database.db, createSmtpTransport(server.url), 'Vitals <vitals@trust.test>', () => TEST_NOW);
      expect(result).toEqual({ sent: 0, failed: 1 });
      const [row] = await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
      expect(row?.sentAt).toBeNull();
      expect(row?.error).toMatch(/554|Not accepting/);
    } finally {
      await server.close();
    }
  });
});
