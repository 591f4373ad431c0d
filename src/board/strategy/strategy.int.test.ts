import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { auditEvent, boardMetric, scorecardSeries, strategicObjective, strategicPriority, strategyValue, successMeasure } from '#src/db/schema.ts';
import type { SuppressionCode } from '#src/metrics/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { insertBoardMetric, insertMeasure, insertObjective, insertPriority, insertValue, saveStrategy } from './store.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
let objectiveId: number;

/** A value the trust "really" had in a suppressed month: no page may show it. */
const HIDDEN = 12.3456;

/** A trust-level series written by hand, as the engine stores it. */
async function insertTrustSeries(metricKey: string, points: [string, number][], suppressedLast = false) {
  const periods = points.map(([period]) => period);
  const values = points.map(([, value]) => value);
  const suppressed = points.map((_, i): SuppressionCode => (suppressedLast && i === points.length - 1 ? 1 : 0));
  if (suppressedLast) values[values.length - 1] = HIDDEN;
  const nothing = points.map(() => null);
  await database.db.insert(scorecardSeries).values({
    unitId: trust.units.trust,
    metricKey,
    data: { periods, numerators: nothing, denominators: nothing, values, suppressed, mean: nothing, lower: nothing, upper: nothing, pointTypes: periods.map(() => 'common_cause'), funnel: null },
    latestPeriod: periods.at(-1) ?? null,
    latestValue: values.at(-1) ?? null,
    hash: metricKey,
    computedAt: new Date('2026-11-01T06:00:00Z'),
  });
}

const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
  const db = database.db;
  await saveStrategy(db, { title: 'Our strategy for the next five years', vision: 'The right care, in the right place, at the right time.', period: '2022 to 2027' }, null, new Date());
  await insertValue(db, { name: 'Compassion', description: 'We show genuine concern for the needs of others.' });
  objectiveId = await insertObjective(db, { title: 'A great place to work for all', commitment: 'Creating the best environment for staff to flourish' });
  await insertPriority(db, objectiveId, 'Mental health and wellbeing of staff to become a strategic priority.');
  // On the line: 90% in October 2025 to 96% in October 2026, half a point a month; October itself suppressed.
  await insertMeasure(db, objectiveId, { description: 'Handovers within the hour', metricKey: 'handover_60', baselineValue: 90, baselinePeriod: '2025-10', targetValue: 96, targetPeriod: '2026-10' });
  await insertTrustSeries('handover_60', months('2025-10', 13).map((period, i) => [period, 90 + 0.5 * i]), true);
  // Falling a quarter point a month from 12% to 9%: on the line in March 2026, 0.25 behind in June (tolerance 0.3).
  await insertMeasure(db, objectiveId, { description: 'Retain our staff for longer', metricKey: 'leaver_rate', baselineValue: 12, baselinePeriod: '2025-09', targetValue: 9, targetPeriod: '2026-09' });
  await insertTrustSeries('leaver_rate', [
    ['2026-03', 10.5],
    ['2026-06', 10],
  ]);
  // The target date has passed and the target is missed.
  await insertMeasure(db, objectiveId, { description: 'Category 1 in 7 minutes', metricKey: 'c1_mean', baselineValue: 8, baselinePeriod: '2025-10', targetValue: 7, targetPeriod: '2026-03' });
  await insertTrustSeries('c1_mean', [
    ['2026-03', 7.2],
    ['2026-09', 7.4],
  ]);
  await insertMeasure(db, objectiveId, { description: 'Improve performance on the Workforce Race Equality Standard', metricKey: null, baselineValue: null, baselinePeriod: null, targetValue: null, targetPeriod: null });
  await insertBoardMetric(db, { objectiveId, metricKey: 'sickness_absence_rate', owner: 'Director of People' });
});
afterAll(() => database.close());

type Role = keyof typeof trust.accounts;

async function signedIn(role: Role) {
  const client = new TestClient(app);
  expect((await client.signIn(trust.accounts[role].email, TEST_PASSWORD)).status).toBe(303);
  return client;
}

/** The count beside each status in the progress report's summary table. */
function statusCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of html.matchAll(/<strong class="nhsuk-tag [^"]+">([A-Za-z ]+)<\/strong><\/th><td[^>]*><span[^>]*>[^<]*<\/span>(\d+)<\/td>/g)) {
    counts[match[1] ?? ''] = Number(match[2]);
  }
  return counts;
}

async function latestAudit() {
  const [row] = await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy.updated')).orderBy(desc(auditEvent.id)).limit(1);
  return row;
}

describe('who may see the strategy', () => {
  it('lets the board, admins and analysts in, and refuses managers, guardians and staff', async () => {
    for (const role of ['board', 'admin', 'analyst'] as const) {
      const client = await signedIn(role);
      expect((await client.get('/board/strategy')).response.status, role).toBe(200);
      expect((await client.get('/board/strategy/progress')).response.status, role).toBe(200);
    }
    for (const role of ['manager', 'guardian', 'staff'] as const) {
      const client = await signedIn(role);
      expect((await client.get('/board/strategy')).response.status, role).toBe(403);
      expect((await client.get('/board/strategy/progress')).response.status, role).toBe(403);
    }
  });

  it('lets only admins edit it', async () => {
    for (const role of ['board', 'analyst'] as const) {
      const client = await signedIn(role);
      expect((await client.get('/board/strategy/edit')).response.status, role).toBe(403);
      expect((await client.get('/board/strategy/values/new')).response.status, role).toBe(403);
      await client.get('/board/strategy');
      expect((await client.post('/board/strategy/values/new', { name: 'Sneaky', description: 'Not allowed.' })).status, role).toBe(403);
      expect((await client.get('/board/strategy')).html).not.toContain('Edit the strategy');
    }
    const admin = await signedIn('admin');
    expect((await admin.get('/board/strategy')).html).toContain('href="/board/strategy/edit"');
    expect((await admin.get('/board/strategy/edit')).response.status).toBe(200);
    const values = await database.db.select().from(strategyValue).where(eq(strategyValue.name, 'Sneaky'));
    expect(values).toHaveLength(0);
  });
});

describe('the strategy page', () => {
  it('shows the vision, values, priorities and each measure’s baseline, target, latest value and status with its evidence', async () => {
    const { html } = await (await signedIn('board')).get('/board/strategy');
    expect(html).toContain('The right care, in the right place, at the right time.');
    expect(html).toContain('Compassion');
    expect(html).toContain('Objective 1: A great place to work for all');
    expect(html).toContain('Mental health and wellbeing of staff to become a strategic priority.');
    expect(html).toContain('90.0% in October 2025');
    expect(html).toContain('96.0% by October 2026');
    // October is suppressed, so the latest published value is September's.
    expect(html).toContain('95.5% in September 2026 against 95.5% expected on the way to 96.0% by October 2026: on the line.');
    expect(html).not.toContain('12.3');
    expect(html).toContain('10.0% in June 2026 against 9.8% expected on the way to 9.0% by September 2026: 0.3 percentage points behind.');
    expect(html).toContain('7.4 min in September 2026 against the target of 7.0 min by March 2026: 0.4 min short of it.');
    expect(html).toContain('No metric is linked to this measure.');
    for (const tag of ['nhsuk-tag--green">On track', 'nhsuk-tag--orange">At risk', 'nhsuk-tag--red">Off track', 'nhsuk-tag--grey">No data']) expect(html).toContain(tag);
    expect(html).toContain('Sickness absence rate');
    expect(html).toContain('Director of People');
  });
});

describe('the quarterly progress report', () => {
  it('defaults to the latest complete quarter and counts the statuses at its end', async () => {
    const { response, html } = await (await signedIn('analyst')).get('/board/strategy/progress');
    expect(response.status).toBe(200);
    expect(html).toContain('2026/27 Q2');
    expect(html).toContain('as at the end of September 2026');
    expect(statusCounts(html)).toEqual({ 'On track': 1, 'At risk': 1, 'Off track': 1, 'No data': 1 });
  });

  it('judges an earlier quarter with what was known at its end', async () => {
    const { html } = await (await signedIn('board')).get('/board/strategy/progress?quarter=2025-Q4');
    expect(html).toContain('2025/26 Q4');
    expect(html).toContain('92.5% in March 2026');
    expect(html).toContain('10.5% in March 2026 against 10.5% expected');
    expect(statusCounts(html)).toEqual({ 'On track': 2, 'At risk': 0, 'Off track': 1, 'No data': 1 });
  });

  it('names the quarter field when the quarter is not one it can show', async () => {
    const client = await signedIn('board');
    const bad = await client.get('/board/strategy/progress?quarter=autumn');
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain('href="#quarter">Choose a quarter from the list');
    const future = await client.get('/board/strategy/progress?quarter=2026-Q3');
    expect(future.response.status).toBe(400);
    expect(future.html).toContain('Choose a quarter that has ended: the latest is 2026/27 Q2');
  });
});

describe('editing the strategy', () => {
  async function auditedAs(what: string, change: string) {
    const row = await latestAudit();
    expect(row?.detail).toMatchObject({ what, change });
    expect(row?.actorAccountId).toBe(trust.accounts.admin.accountId);
    return Number(row?.detail?.id);
  }

  it('saves each part through its own page, audited', async () => {
    const admin = await signedIn('admin');
    await admin.get('/board/strategy/vision');
    expect((await admin.post('/board/strategy/vision', { title: 'Our strategy', vision: 'Better care for all.', period: '2022 to 2027' })).headers.get('location')).toBe('/board/strategy/edit?saved=strategy');
    await auditedAs('strategy', 'changed');

    await admin.get('/board/strategy/objectives/new');
    expect((await admin.post('/board/strategy/objectives/new', { title: 'Innovation and transformation', commitment: 'Developing the best technology' })).status).toBe(303);
    const newObjective = await auditedAs('objective', 'added');

    await admin.get(`/board/strategy/objectives/${newObjective}/priorities/new`);
    await admin.post(`/board/strategy/objectives/${newObjective}/priorities/new`, { text: 'Net carbon zero by 2040.' });
    const priority = await auditedAs('priority', 'added');
    await admin.get(`/board/strategy/priorities/${priority}`);
    await admin.post(`/board/strategy/priorities/${priority}`, { text: 'Organisational net carbon zero by 2040.' });
    expect(await auditedAs('priority', 'changed')).toBe(priority);

    await admin.get(`/board/strategy/objectives/${newObjective}/measures/new`);
    const measureFields = { description: 'Calls answered quickly', metricKey: 'calls_999_within_5s', baselineValue: '85', baselinePeriod: '2021-11', targetValue: '95', targetPeriod: '2027-03' };
    expect((await admin.post(`/board/strategy/objectives/${newObjective}/measures/new`, measureFields)).status).toBe(303);
    const measure = await auditedAs('measure', 'added');
    const [saved] = await database.db.select().from(successMeasure).where(eq(successMeasure.id, measure));
    expect(saved).toMatchObject({ objectiveId: newObjective, metricKey: 'calls_999_within_5s', baselineValue: 85, baselinePeriod: '2021-11', targetValue: 95, targetPeriod: '2027-03' });
    const form = await admin.get(`/board/strategy/measures/${measure}`);
    expect(form.html).toContain('value="2027-03"');
    await admin.post(`/board/strategy/measures/${measure}`, { ...measureFields, metricKey: '', baselineValue: '', baselinePeriod: '', targetValue: '', targetPeriod: '' });
    const [unlinked] = await database.db.select().from(successMeasure).where(eq(successMeasure.id, measure));
    expect(unlinked).toMatchObject({ metricKey: null, baselineValue: null, targetPeriod: null });

    await admin.get(`/board/strategy/objectives/${newObjective}/board-metrics/new`);
    await admin.post(`/board/strategy/objectives/${newObjective}/board-metrics/new`, { objectiveId: String(newObjective), metricKey: 'calls_999_within_5s', owner: 'Director of Operations' });
    const metric = await auditedAs('board-metric', 'added');
    await admin.get(`/board/strategy/board-metrics/${metric}`);
    await admin.post(`/board/strategy/board-metrics/${metric}`, { objectiveId: String(objectiveId), metricKey: 'calls_999_within_5s', owner: 'Chief Operating Officer' });
    const [moved] = await database.db.select().from(boardMetric).where(eq(boardMetric.id, metric));
    expect(moved).toMatchObject({ objectiveId, owner: 'Chief Operating Officer' });

    await admin.get('/board/strategy/values/new');
    await admin.post('/board/strategy/values/new', { name: 'Integrity', description: 'We do the right thing.' });
    const value = await auditedAs('value', 'added');
    const edit = await admin.get('/board/strategy/edit?saved=value');
    expect(edit.html).toContain('Value saved.');
    expect(edit.html).toContain('Organisational net carbon zero by 2040.');
    await admin.get(`/board/strategy/values/${value}`);
    expect((await admin.post(`/board/strategy/values/${value}/remove`, {})).headers.get('location')).toBe('/board/strategy/edit?saved=removed');
    await auditedAs('value', 'removed');
    expect(await database.db.select().from(strategyValue).where(eq(strategyValue.id, value))).toHaveLength(0);

    const objectivePage = await admin.get(`/board/strategy/objectives/${newObjective}`);
    expect(objectivePage.html).toContain('Removing it also removes its 1 priority, 1 success measure and 0 board metrics.');
    await admin.post(`/board/strategy/objectives/${newObjective}/remove`, {});
    await auditedAs('objective', 'removed');
    expect(await database.db.select().from(strategicPriority).where(eq(strategicPriority.objectiveId, newObjective))).toHaveLength(0);
    expect(await database.db.select().from(strategicObjective).where(eq(strategicObjective.id, newObjective))).toHaveLength(0);
  });

  it('names every wrong field', async () => {
    const admin = await signedIn('admin');
    await admin.get('/board/strategy/vision');
    const vision = await admin.post('/board/strategy/vision', { title: '', vision: ' ', period: '2022 to 2027' });
    expect(vision.status).toBe(400);
    const visionHtml = await vision.text();
    expect(visionHtml).toContain('href="#title">Enter the title');
    expect(visionHtml).toContain('href="#vision">Enter the vision');

    await admin.get(`/board/strategy/objectives/${objectiveId}/measures/new`);
    const path = `/board/strategy/objectives/${objectiveId}/measures/new`;
    const missing = await admin.post(path, { description: 'Engagement', metricKey: 'staff_engagement', baselineValue: 'ten', baselinePeriod: '2021', targetValue: '', targetPeriod: '2020' });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('href="#baselineValue">Baseline value must be a number, like 10.7');
    expect(missingHtml).toContain('href="#targetValue">Enter the target value');
    expect(missingHtml).toContain('href="#targetPeriod">Target period must be after the baseline period');
    expect(missingHtml).toContain('value="ten"');

    const badPeriod = await (await admin.post(path, { description: '', metricKey: 'staff_engagement', baselineValue: '5.8', baselinePeriod: 'March 2021', targetValue: '6', targetPeriod: '2026-13' })).text();
    expect(badPeriod).toContain('href="#description">Enter what will show success');
    expect(badPeriod).toContain('href="#baselinePeriod">Baseline period must be a month like 2021-03, or a year like 2021 for a staff survey result');
    expect(badPeriod).toContain('href="#targetPeriod">Target period must be a month like 2021-03');

    const noMetric = await (await admin.post(path, { description: 'Engagement', metricKey: '', baselineValue: '5.8', baselinePeriod: '', targetValue: '', targetPeriod: '' })).text();
    expect(noMetric).toContain('href="#metricKey">Choose the metric the baseline and target are measured by');
    const unknown = await (await admin.post(path, { description: 'Engagement', metricKey: 'made_up', baselineValue: '5.8', baselinePeriod: '2021', targetValue: '6', targetPeriod: '2026' })).text();
    expect(unknown).toContain('href="#metricKey">Choose a metric from the list');

    await admin.get(`/board/strategy/objectives/${objectiveId}/board-metrics/new`);
    const taken = await admin.post(`/board/strategy/objectives/${objectiveId}/board-metrics/new`, { objectiveId: String(objectiveId), metricKey: 'sickness_absence_rate', owner: '' });
    expect(taken.status).toBe(400);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain('href="#owner">Enter the owner’s job title');
    const again = await (await admin.post(`/board/strategy/objectives/${objectiveId}/board-metrics/new`, { objectiveId: String(objectiveId), metricKey: 'sickness_absence_rate', owner: 'Director of People' })).text();
    expect(again).toContain('href="#metricKey">Sickness absence rate is already under Objective 1: A great place to work for all: change it there, or choose another metric');

    const rows = await database.db.select().from(successMeasure).where(and(eq(successMeasure.objectiveId, objectiveId), eq(successMeasure.description, 'Engagement')));
    expect(rows).toHaveLength(0);
  });

  it('answers 404 for something that is not there', async () => {
    const admin = await signedIn('admin');
    for (const path of ['/board/strategy/values/999999', '/board/strategy/objectives/abc', '/board/strategy/measures/0', '/board/strategy/objectives/999999/measures/new', '/board/strategy/board-metrics/999999']) {
      expect((await admin.get(path)).response.status, path).toBe(404);
    }
  });
});
