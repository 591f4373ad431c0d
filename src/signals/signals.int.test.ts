import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { auditEvent, scorecardAction, signal } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { insertSignal } from '#test/signal-rows.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
});
afterAll(() => database.close());

async function signedIn(role: 'manager' | 'analyst' | 'board') {
  const client = new TestClient(app);
  expect((await client.signIn(trust.accounts[role].email, TEST_PASSWORD)).status).toBe(303);
  return client;
}

async function auditCount(action: string, subject: string): Promise<number> {
  const rows = await database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subject, subject)));
  return rows.length;
}

const dateFields = (name: string, iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

describe('signals inbox', () => {
  it('shows a manager the signals of their own units only, grouped by status', async () => {
    const mine = await insertSignal(database.db, { unitId: trust.units.northTeam, evidence: 'North evidence: 4 concerns where 0.9 were expected.' });
    const acknowledged = await insertSignal(database.db, { unitId: trust.units.northHub, status: 'acknowledged', metricKey: 'leaver_rate' });
    const theirs = await insertSignal(database.db, { unitId: trust.units.southTeam, evidence: 'South evidence only.' });
    const client = await signedIn('manager');
    const { response, html } = await client.get('/signals');
    expect(response.status).toBe(200);
    expect(html).toContain(`href="/signals/${mine}"`);
    expect(html).toContain(`href="/signals/${acknowledged}"`);
    expect(html).toContain('North evidence: 4 concerns where 0.9 were expected.');
    expect(html).not.toContain(`href="/signals/${theirs}"`);
    expect(html).not.toContain('South evidence only.');
    expect(html.indexOf('New (')).toBeLessThan(html.indexOf(`href="/signals/${mine}"`));
    expect(html.indexOf('Acknowledged (')).toBeLessThan(html.indexOf(`href="/signals/${acknowledged}"`));

    const onlyNew = await client.get('/signals?status=new');
    expect(onlyNew.html).toContain(`href="/signals/${mine}"`);
    expect(onlyNew.html).not.toContain(`href="/signals/${acknowledged}"`);
    const team = await client.get(`/signals?unit=${trust.units.northHub}`);
    expect(team.html).toContain(`href="/signals/${mine}"`);
    expect((await client.get(`/signals?unit=${trust.units.southHub}`)).response.status).toBe(403);
    expect((await client.get('/signals?unit=999999')).response.status).toBe(404);

    const analyst = await signedIn('analyst');
    expect((await analyst.get('/signals')).html).toContain(`href="/signals/${theirs}"`);
  });

  it('refuses the board (no signals.manage) and another manager’s signal', async () => {
    const theirs = await insertSignal(database.db, { unitId: trust.units.southTeam });
    const board = await signedIn('board');
    expect((await board.get('/signals')).response.status).toBe(403);
    const manager = await signedIn('manager');
    expect((await manager.get(`/signals/${theirs}`)).response.status).toBe(403);
    expect((await manager.post(`/signals/${theirs}/acknowledge`, {})).status).toBe(403);
    expect((await manager.get('/signals/999999')).response.status).toBe(404);
    expect((await manager.get('/signals/not-a-number')).response.status).toBe(404);
    const [row] = await database.db.select().from(signal).where(eq(signal.id, theirs));
    expect(row?.status).toBe('new');
  });
});

describe('home page', () => {
  it('tells a manager how many new signals their units have, and the board nothing', async () => {
    const manager = await signedIn('manager');
    const { html } = await manager.get('/');
    expect(html).toMatch(/There (is 1 new signal|are \d+ new signals) for your units/);
    expect(html).toContain('href="/signals"');
    const board = await signedIn('board');
    expect((await board.get('/')).html).not.toContain('new signal');
  });
});

describe('working a signal', () => {
  it('acknowledges, records an action, marks it done and closes the signal, auditing each step', async () => {
    const id = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const client = await signedIn('manager');
    const page = await client.get(`/signals/${id}`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain(`href="/scorecard/units/${trust.units.northTeam}"`);
    expect(page.html).toContain('Sickness absence rate: special cause of concern since May 2026.');

    const acknowledged = await client.post(`/signals/${id}/acknowledge`, {});
    expect(acknowledged.status).toBe(303);
    expect(acknowledged.headers.get('location')).toBe(`/signals/${id}?saved=acknowledged`);
    expect(await auditCount('signal.acknowledged', `signal:${id}`)).toBe(1);
    expect((await client.post(`/signals/${id}/acknowledge`, {})).headers.get('location')).toBe(`/signals/${id}?saved=unchanged`);
    expect(await auditCount('signal.acknowledged', `signal:${id}`)).toBe(1);

    await client.get(`/signals/${id}`);
    const added = await client.post(`/signals/${id}/actions`, {
      description: 'Return-to-work conversations for every absence',
      owner: 'Station manager',
      ...dateFields('dueOn', '2026-12-01'),
      ...dateFields('reviewOn', '2027-01-15'),
    });
    expect(added.status).toBe(303);
    const [action] = await database.db.select().from(scorecardAction).where(eq(scorecardAction.signalId, id));
    expect(action).toMatchObject({ unitId: trust.units.northTeam, owner: 'Station manager', dueOn: '2026-12-01', reviewOn: '2027-01-15', status: 'open' });
    if (!action) throw new Error('no action');
    expect(await auditCount('action.created', `action:${action.id}`)).toBe(1);

    const withAction = await client.get(`/signals/${id}`);
    expect(withAction.html).toContain('Return-to-work conversations for every absence');
    expect(withAction.html).toContain('1 December 2026');
    const notDone = await client.post(`/signals/${id}/actions/${action.id}/done`, { [`outcome-${action.id}`]: '' });
    expect(notDone.status).toBe(400);
    expect(await notDone.text()).toContain(`href="#outcome-${action.id}"`);
    const done = await client.post(`/signals/${id}/actions/${action.id}/done`, { [`outcome-${action.id}`]: 'All 6 absences had a conversation' });
    expect(done.status).toBe(303);
    const [completed] = await database.db.select().from(scorecardAction).where(eq(scorecardAction.id, action.id));
    expect(completed).toMatchObject({ status: 'done', outcome: 'All 6 absences had a conversation' });
    expect(await auditCount('action.updated', `action:${action.id}`)).toBe(1);

    await client.get(`/signals/${id}`);
    const noOutcome = await client.post(`/signals/${id}/close`, { closeOutcome: '  ' });
    expect(noOutcome.status).toBe(400);
    const noOutcomeHtml = await noOutcome.text();
    expect(noOutcomeHtml).toContain('<title>Error: ');
    expect(noOutcomeHtml).toContain('href="#closeOutcome"');
    expect(noOutcomeHtml).toContain('Enter the outcome');
    const closed = await client.post(`/signals/${id}/close`, { closeOutcome: 'Absence back within the usual range' });
    expect(closed.status).toBe(303);
    const [row] = await database.db.select().from(signal).where(eq(signal.id, id));
    expect(row).toMatchObject({ status: 'closed', outcome: 'Absence back within the usual range', closedBy: trust.accounts.manager.accountId });
    expect(await auditCount('signal.closed', `signal:${id}`)).toBe(1);

    const closedPage = await client.get(`/signals/${id}`);
    expect(closedPage.html).toContain('Absence back within the usual range');
    expect(closedPage.html).not.toContain('Add an action');
    expect((await client.post(`/signals/${id}/actions`, { description: 'Late', owner: 'Me' })).status).toBe(409);
  });

  it('names every wrong field of a new action and keeps what was typed', async () => {
    const id = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const client = await signedIn('manager');
    await client.get(`/signals/${id}`);
    const response = await client.post(`/signals/${id}/actions`, {
      description: '',
      owner: 'Kept owner',
      ...dateFields('dueOn', '2026-10-01'),
      'reviewOn-day': '31',
      'reviewOn-month': '2',
      'reviewOn-year': '2027',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const field of ['description', 'dueOn', 'reviewOn']) expect(html).toContain(`href="#${field}"`);
    expect(html).not.toContain('href="#owner"');
    expect(html).toContain('Enter what will be done');
    expect(html).toContain('Due date must be today or in the future');
    expect(html).toContain('Review date must be a real date');
    expect(html).toContain('value="Kept owner"');
    expect(await database.db.select().from(scorecardAction).where(eq(scorecardAction.signalId, id))).toEqual([]);
  });

  it('refuses a form without its CSRF token', async () => {
    const id = await insertSignal(database.db, { unitId: trust.units.northTeam });
    const client = await signedIn('manager');
    expect((await client.post(`/signals/${id}/acknowledge`, {}, { csrf: 'forged' })).status).toBe(403);
    const [row] = await database.db.select().from(signal).where(eq(signal.id, id));
    expect(row?.status).toBe('new');
  });
});
