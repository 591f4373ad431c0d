import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { testConfig } from '#src/config.ts';
import { outboxMessage } from '#src/db/schema.ts';
import { TEST_NOW } from '#test/app.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, buildTrust } from '#test/factories.ts';
import { insertSignal } from '#test/signal-rows.ts';
import { startSmtpServer } from '#test/smtp-server.ts';
import { announceNewSignals } from './announce.ts';
import { notifyManagersOfNewSignals } from './digest.ts';

const PUBLIC_URL = 'https://vitals.trust.example';
let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

async function messages(ids: number[]) {
  return ids.length === 0 ? [] : database.db.select().from(outboxMessage).where(inArray(outboxMessage.id, ids));
}

describe('notifyManagersOfNewSignals', () => {
  it('sends one digest listing both new signals in one manager’s hub', async () => {
    const team = await insertSignal(database.db, { unitId: trust.units.northTeam, evidence: 'Sickness absence: special cause of concern since May 2026.' });
    const hub = await insertSignal(database.db, { unitId: trust.units.northHub, metricKey: 'leaver_rate', kind: 'improvement', evidence: 'Leaver rate below the 99.8% funnel limit.' });
    const ids = await notifyManagersOfNewSignals(database.db, { signalIds: [team, hub], importId: null, publicUrl: PUBLIC_URL }, TEST_NOW);
    const sent = await messages(ids);
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message?.toAddress).toBe(trust.accounts.manager.email);
    expect(message?.subject).toBe('Vitals: 2 new signals for your units');
    expect(message?.body).toContain(`${PUBLIC_URL}/signals/${team}`);
    expect(message?.body).toContain(`${PUBLIC_URL}/signals/${hub}`);
    expect(message?.body).toContain('North team 1: Sickness absence rate (concern)');
    expect(message?.body).toContain('North hub: Leaver rate (12 months) (improvement)');
    expect(message?.body).toContain('Leaver rate below the 99.8% funnel limit.');
    expect(message?.context).toEqual({ kind: 'signals-digest', importId: null, signalIds: [team, hub] });
  });

  it('sends each manager their own digest', async () => {
    const south = await buildAccount(database.db, [{ role: 'manager', unitId: trust.units.southHub }]);
    const north = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const southSignal = await insertSignal(database.db, { unitId: trust.units.southTeam });
    const sent = await messages(await notifyManagersOfNewSignals(database.db, { signalIds: [north, southSignal], importId: null, publicUrl: PUBLIC_URL }, TEST_NOW));
    expect(sent.map((m) => m.toAddress).sort()).toEqual([trust.accounts.manager.email, south.email].sort());
    const southMessage = sent.find((m) => m.toAddress === south.email);
    expect(southMessage?.subject).toBe('Vitals: 1 new signal for your units');
    expect(southMessage?.body).toContain(`/signals/${southSignal}`);
    expect(southMessage?.body).not.toContain(`/signals/${north}`);
  });

  it('tells the nearest manager only, and nobody about signals already acknowledged or no longer found', async () => {
    const teamManager = await buildAccount(database.db, [{ role: 'manager', unitId: trust.units.northTeam }]);
    const team = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const seen = await insertSignal(database.db, { unitId: trust.units.northHub, status: 'acknowledged' });
    const gone = await insertSignal(database.db, { unitId: trust.units.northHub, isActive: false });
    const sent = await messages(await notifyManagersOfNewSignals(database.db, { signalIds: [team, seen, gone], importId: null, publicUrl: PUBLIC_URL }, TEST_NOW));
    expect(sent.map((m) => m.toAddress)).toEqual([teamManager.email]);
  });

  it('queues nothing for a unit with no manager above it', async () => {
    const hr = await insertSignal(database.db, { unitId: trust.units.hrTeam });
    expect(await notifyManagersOfNewSignals(database.db, { signalIds: [hr], importId: null, publicUrl: PUBLIC_URL }, TEST_NOW)).toEqual([]);
  });
});

describe('announceNewSignals', () => {
  it('keeps digests in the outbox without SMTP', async () => {
    const signalId = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const config = { publicUrl: PUBLIC_URL, smtpUrl: undefined, mailFrom: 'Vitals <vitals@trust.test>', speakUpKeys: testConfig().speakUpKeys };
    expect(await announceNewSignals(database.db, config, { signalIds: [signalId], importId: null }, () => TEST_NOW)).toEqual({ queued: 1, sent: 0, failed: 0 });
  });

  it('emails the digests when SMTP is configured', async () => {
    const server = await startSmtpServer();
    try {
      const signalId = await insertSignal(database.db, { unitId: trust.units.northTeam });
      const config = { publicUrl: PUBLIC_URL, smtpUrl: server.url, mailFrom: 'Vitals <vitals@trust.test>', speakUpKeys: testConfig().speakUpKeys };
      const result = await announceNewSignals(database.db, config, { signalIds: [signalId], importId: null }, () => TEST_NOW);
      expect(result.queued).toBe(1);
      expect(result.failed).toBe(0);
      const mail = server.received.find((m) => m.data.includes(`/signals/${signalId}`));
      // North team 1 has its own manager since an earlier test, so only they are told.
      expect(mail?.to).toHaveLength(1);
      expect(mail?.data).toContain('Subject: Vitals: 1 new signal for your units');
    } finally {
      await server.close();
    }
  });
});
