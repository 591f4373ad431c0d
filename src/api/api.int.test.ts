import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { apiToken, auditEvent, roleGrant } from '#src/db/schema.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { insertSeries, insertSignal } from '#test/signal-rows.ts';
import { createApiToken, recordApiTokenUse } from './store.ts';

const DAY_MS = 86_400_000;
/** A number that appears nowhere else, standing for a count too small to publish. */
const HIDDEN_NUMERATOR = 7919;

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
let hubToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
  const hubAnalyst = await buildAccount(database.db, [{ role: 'analyst', unitId: trust.units.northHub }]);
  hubToken = (await createApiToken(database.db, { accountId: hubAnalyst.accountId, name: 'hub', expiresAt: new Date(TEST_NOW.getTime() + DAY_MS) }, TEST_NOW)).token;
  await insertSeries(database.db, trust.units.northHub, 'sickness_absence_rate', [
    { period: '2026-08', value: 4.1, numerator: 410, denominator: 10000 },
    { period: '2026-09', value: 5.3, numerator: 530, denominator: 10000 },
  ], { variation: 'concern_high', assurance: 'fail', funnelPosition: 'above_998' });
  await insertSeries(database.db, trust.units.northTeam, 'sickness_absence_rate', [
    { period: '2026-08', value: 3.9, numerator: 39, denominator: 1000 },
    // Stored as if a count had leaked into the published arrays: the API must still hide it.
    { period: '2026-09', value: null, numerator: HIDDEN_NUMERATOR, denominator: 31, suppressed: 1 },
  ]);
});
afterAll(() => database.close());

const get = (path: string, token?: string) => app.request(path, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

async function createTokenThroughPage(role: 'analyst' | 'admin', name: string) {
  const client = new TestClient(app);
  await client.signIn(trust.accounts[role].email, TEST_PASSWORD);
  await client.get('/account/tokens');
  const response = await client.post('/account/tokens', { name, expiresInDays: '30' });
  const html = await response.text();
  const token = /id="new-token">\s*(vit_[A-Za-z0-9_-]+)/.exec(html)?.[1];
  return { client, response, html, token };
}

describe('personal access tokens', () => {
  it('shows a new token once, stores only its hash, and audits creation and revocation', async () => {
    const { client, response, html, token } = await createTokenThroughPage('analyst', 'Power BI');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('it will not be shown again');
    if (!token) throw new Error('token not shown');
    const [stored] = await database.db.select().from(apiToken).where(eq(apiToken.name, 'Power BI'));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.prefix).toBe(token.slice(0, 12));
    expect(stored?.expiresAt).toEqual(new Date(TEST_NOW.getTime() + 30 * DAY_MS));
    const again = await client.get('/account/tokens');
    expect(again.html).not.toContain(token);
    expect(again.html).toContain(token.slice(0, 12));

    expect((await get('/api/v1/units', token)).status).toBe(200);
    const revoked = await client.post(`/account/tokens/${stored?.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect((await get('/api/v1/units', token)).status).toBe(401);
    const audit = await database.db.select().from(auditEvent).where(eq(auditEvent.subject, `api-token:${stored?.id}`));
    expect(audit.map((e) => e.action).sort()).toEqual(['api-token.created', 'api-token.revoked']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('names the missing fields and refuses people without api.tokens', async () => {
    const client = new TestClient(app);
    await client.signIn(trust.accounts.admin.email, TEST_PASSWORD);
    await client.get('/account/tokens');
    const response = await client.post('/account/tokens', { name: '', expiresInDays: '7' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#name"');
    expect(html).toContain('href="#expiresInDays"');
    const manager = new TestClient(app);
    await manager.signIn(trust.accounts.manager.email, TEST_PASSWORD);
    expect((await manager.get('/account/tokens')).response.status).toBe(403);
  });

  it('cannot revoke someone else’s token', async () => {
    const other = await createApiToken(database.db, { accountId: trust.accounts.admin.accountId, name: 'theirs', expiresAt: new Date(TEST_NOW.getTime() + DAY_MS) }, TEST_NOW);
    const client = new TestClient(app);
    await client.signIn(trust.accounts.analyst.email, TEST_PASSWORD);
    await client.get('/account/tokens');
    expect((await client.post(`/account/tokens/${other.id}/revoke`, {})).status).toBe(404);
    expect((await get('/api/v1/units', other.token)).status).toBe(200);
  });

  it('records a token’s use at most once a minute', async () => {
    const { id } = await createApiToken(database.db, { accountId: trust.accounts.analyst.accountId, name: 'clock', expiresAt: new Date(TEST_NOW.getTime() + DAY_MS) }, TEST_NOW);
    const lastUsed = async () => (await database.db.select().from(apiToken).where(eq(apiToken.id, id)))[0]?.lastUsedAt;
    await recordApiTokenUse(database.db, id, TEST_NOW);
    expect(await lastUsed()).toEqual(TEST_NOW);
    await recordApiTokenUse(database.db, id, new Date(TEST_NOW.getTime() + 30_000));
    expect(await lastUsed()).toEqual(TEST_NOW);
    const later = new Date(TEST_NOW.getTime() + 61_000);
    await recordApiTokenUse(database.db, id, later);
    expect(await lastUsed()).toEqual(later);
  });
});

describe('API authentication', () => {
  it('answers 401 JSON without a token, and the same for a wrong, revoked or expired one', async () => {
    const missing = await get('/api/v1/units');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await missing.json()).toHaveProperty('error');

    const expired = await createApiToken(database.db, { accountId: trust.accounts.analyst.accountId, name: 'old', expiresAt: new Date(TEST_NOW.getTime() - 1000) }, TEST_NOW);
    const revoked = await createApiToken(database.db, { accountId: trust.accounts.analyst.accountId, name: 'gone', expiresAt: new Date(TEST_NOW.getTime() + DAY_MS) }, TEST_NOW);
    await database.db.update(apiToken).set({ revokedAt: TEST_NOW }).where(eq(apiToken.id, revoked.id));
    const answers = [];
    for (const token of ['vit_not-a-real-token', expired.token, revoked.token]) {
      const response = await get('/api/v1/units', token);
      expect(response.status).toBe(401);
      answers.push(await response.json());
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it('ignores a session cookie: the API is for tokens only', async () => {
    const client = new TestClient(app);
    await client.signIn(trust.accounts.analyst.email, TEST_PASSWORD);
    expect((await client.request('/api/v1/units')).status).toBe(401);
  });

  it('acts with the owner’s current grants: no scorecard.view, no access', async () => {
    const owner = await buildAccount(database.db, [{ role: 'admin', unitId: trust.units.trust }]);
    const { token } = await createApiToken(database.db, { accountId: owner.accountId, name: 'x', expiresAt: new Date(TEST_NOW.getTime() + DAY_MS) }, TEST_NOW);
    expect((await get('/api/v1/units', token)).status).toBe(200);
    await database.db.delete(roleGrant).where(eq(roleGrant.accountId, owner.accountId));
    const refused = await get('/api/v1/units', token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toHaveProperty('error');
  });

  it('answers unknown API paths with JSON 404', async () => {
    const response = await get('/api/v1/nothing-here', hubToken);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });
});

describe('API data', () => {
  it('lists the units in scope', async () => {
    const body = (await (await get('/api/v1/units', hubToken)).json()) as { units: { id: number; code: string; parentId: number | null }[] };
    expect(body.units.map((u) => u.id).sort()).toEqual([trust.units.northHub, trust.units.northTeam].sort());
    expect(body.units).toContainEqual({ id: trust.units.northTeam, code: 'TST-EO-N-1', name: 'North team 1', level: 'team', parentId: trust.units.northHub });
  });

  it('lists the metric catalogue', async () => {
    const body = (await (await get('/api/v1/metrics', hubToken)).json()) as { metrics: Record<string, unknown>[] };
    expect(body.metrics[0]).toEqual({
      key: 'sickness_absence_rate',
      name: 'Sickness absence rate',
      description: expect.any(String) as unknown,
      source: 'sickness',
      polarity: 'decrease',
      format: 'percent',
      target: null,
      minimumGroupSize: null,
    });
  });

  it('gives the unit and its children for the latest month, without the hidden numerator', async () => {
    const response = await get(`/api/v1/scorecard?unit=${trust.units.northHub}`, hubToken);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(String(HIDDEN_NUMERATOR));
    const body = JSON.parse(text) as { period: string; units: { id: number; metrics: Record<string, unknown>[] }[] };
    expect(body.period).toBe('2026-09');
    const hub = body.units.find((u) => u.id === trust.units.northHub);
    const team = body.units.find((u) => u.id === trust.units.northTeam);
    expect(hub?.metrics[0]).toMatchObject({ metric: 'sickness_absence_rate', period: '2026-09', value: 5.3, numerator: 530, denominator: 10000, suppressed: false, variation: 'concern_high', assurance: 'fail', funnelPosition: 'above_998' });
    expect(team?.metrics[0]).toMatchObject({ period: '2026-09', value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'below-minimum-group-size' });

    const august = (await (await get(`/api/v1/scorecard?unit=${trust.units.northHub}&period=2026-08`, hubToken)).json()) as typeof body;
    expect(august.units.find((u) => u.id === trust.units.northTeam)?.metrics[0]).toMatchObject({ value: 3.9, numerator: 39, suppressed: false });
  });

  it('refuses units out of scope (403), unknown (404), and bad parameters (400) by name', async () => {
    const outside = await get(`/api/v1/scorecard?unit=${trust.units.southHub}`, hubToken);
    expect(outside.status).toBe(403);
    expect((await get('/api/v1/scorecard?unit=999999', hubToken)).status).toBe(404);
    const noUnit = await get('/api/v1/scorecard', hubToken);
    expect(noUnit.status).toBe(400);
    expect(((await noUnit.json()) as { error: string }).error).toMatch(/^unit: /);
    for (const period of ['2026-13', '2026-9', 'September']) {
      const bad = await get(`/api/v1/scorecard?unit=${trust.units.northHub}&period=${period}`, hubToken);
      expect(bad.status, period).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^period: expected a month as YYYY-MM/);
    }
  });

  it('lists active, unclosed signals in scope only', async () => {
    const mine = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const closed = await insertSignal(database.db, { unitId: trust.units.northTeam, status: 'closed' });
    const gone = await insertSignal(database.db, { unitId: trust.units.northTeam, isActive: false });
    const theirs = await insertSignal(database.db, { unitId: trust.units.southTeam });
    const body = (await (await get('/api/v1/signals', hubToken)).json()) as { signals: { id: number; evidence: string }[] };
    const ids = body.signals.map((s) => s.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(gone);
    expect(ids).not.toContain(theirs);
    expect((await get(`/api/v1/signals?unit=${trust.units.southTeam}`, hubToken)).status).toBe(403);
    const team = (await (await get(`/api/v1/signals?unit=${trust.units.northTeam}`, hubToken)).json()) as typeof body;
    expect(team.signals.map((s) => s.id)).toContain(mine);
  });
});
