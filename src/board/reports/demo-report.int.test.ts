import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { assignment, boardMetric, boardReport, orgUnit, person, strategicObjective } from '#src/db/schema.ts';
import { seedDemoTrust } from '#src/demo/seed-demo.ts';
import { runImport } from '#src/imports/run-import.ts';
import { METRICS } from '#src/metrics/catalogue.ts';
import { recomputeScorecard } from '#src/metrics/recompute.ts';
import { loadOrgTree } from '#src/org/store.ts';
import { heatCell } from '#src/scorecard/cells.ts';
import { formatPeriodLong, formatPlain, formatValue } from '#src/scorecard/format.ts';
import { listLatestCells } from '#src/scorecard/store.ts';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '#src/web/charts/icons.tsx';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, TEST_PASSWORD } from '#test/factories.ts';
import { csv } from '#test/import-files.ts';
import type { ReportSnapshot } from '../snapshot.ts';
import { buildSnapshot } from './build.ts';

let database: Database;
let dir: string;
let rootId: number;
let latestMonth: string;
const clients: Record<'analyst' | 'admin' | 'board', TestClient | undefined> = { analyst: undefined, admin: undefined, board: undefined };

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  return next > 12 ? `${year + 1}-01` : `${year}-${String(next).padStart(2, '0')}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'vitals-board-'));
  await seedDemoTrust(database.db, { seed: 1, staff: 400, sourcesDir: dir, now: TEST_NOW, speakUpKeys: testConfig().speakUpKeys });
  const [root] = (await loadOrgTree(database.db, '2026-11-02')).roots();
  rootId = root!.id;
  // The demo's own strategy and reports give way to every catalogue metric on the board, under
  // three objectives in an order unlike the catalogue's.
  await database.db.delete(boardReport);
  await database.db.delete(strategicObjective);
  const objectives = await database.db
    .insert(strategicObjective)
    .values([1, 2, 3].map((position) => ({ position, title: `Objective ${position}`, commitment: `Commitment ${position}` })))
    .returning({ id: strategicObjective.id });
  await database.db.insert(boardMetric).values(
    METRICS.map((metric, index) => ({ objectiveId: objectives[index % 3]!.id, metricKey: metric.key, position: METRICS.length - index, owner: 'Director of People' })),
  );
  const app = createTestApp(database);
  for (const role of ['analyst', 'admin', 'board'] as const) {
    const { email } = await buildAccount(database.db, [{ role, unitId: rootId }]);
    const client = new TestClient(app);
    expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(303);
    clients[role] = client;
  }
  const cells = await listLatestCells(database.db, [rootId]);
  latestMonth = cells.map((cell) => cell.latestPeriod ?? '').filter((period) => period.length === 7).sort().at(-1)!;
}, 240_000);
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

function client(role: 'analyst' | 'admin' | 'board'): TestClient {
  const found = clients[role];
  if (!found) throw new Error(`no ${role} client`);
  return found;
}

async function startReport(month: string): Promise<number> {
  const { html } = await client('analyst').get('/board/reports');
  expect(html).toContain(`<option value="${month}" selected="">${formatPeriodLong(month)}</option>`);
  const response = await client('analyst').post('/board/reports', { month });
  expect(response.status).toBe(303);
  return Number(/\/board\/reports\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
}

const metricsOf = (snapshot: ReportSnapshot) => snapshot.objectives.flatMap((objective) => objective.metrics);

/** The matrix row of one measure on the report page. */
function matrixRow(html: string, reportId: number, key: string): string {
  const start = html.indexOf(`href="/board/reports/${reportId}/metrics/${key}"`);
  expect(start, key).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</tr>', start));
}

let octoberId: number;

describe('the demo trust’s latest month as a board report', () => {
  it('has a summary matrix equal to the scorecard’s cells for the trust', async () => {
    octoberId = await startReport(latestMonth);
    const snapshot = await buildSnapshot(database.db, latestMonth, TEST_NOW);
    expect(snapshot.trustName).not.toBe('');
    expect(snapshot.objectives.map((o) => o.title)).toEqual(['Objective 1', 'Objective 2', 'Objective 3']);
    const cells = new Map((await listLatestCells(database.db, [rootId])).map((cell) => [cell.metricKey, heatCell(cell)]));
    const { html } = await client('board').get(`/board/reports/${octoberId}`);
    const team = (await client('board').get(`/scorecard/units/${rootId}`)).html;
    let withIcons = 0;
    for (const metric of metricsOf(snapshot)) {
      const cell = cells.get(metric.key) ?? { kind: 'no-data' };
      const row = matrixRow(html, octoberId, metric.key);
      if (cell.kind === 'value') {
        expect({ value: metric.value, period: metric.period, variation: metric.variation, assurance: metric.assurance }, metric.key).toEqual({
          value: cell.value,
          period: cell.period,
          variation: cell.variation,
          assurance: cell.assurance,
        });
        const shown = formatValue(metric.format, cell.value);
        expect(row).toContain(shown);
        expect(team).toContain(`<strong>${shown}</strong> in ${formatPeriodLong(cell.period)}`);
        if (cell.variation) {
          withIcons += 1;
          expect(row).toContain(VARIATION_ICONS[cell.variation]!.short);
        }
        if (cell.assurance) expect(row).toContain(ASSURANCE_ICONS[cell.assurance]!.short);
      } else {
        expect(metric.value, metric.key).toBeNull();
      }
    }
    expect([...cells.values()].filter((cell) => cell.kind === 'value').length).toBeGreaterThan(20);
    expect(withIcons).toBeGreaterThan(10);
  });

  it('gives every measure a page whose table holds every number its chart plots', async () => {
    const snapshot = await buildSnapshot(database.db, latestMonth, TEST_NOW);
    for (const metric of metricsOf(snapshot)) {
      const { response, html } = await client('board').get(`/board/reports/${octoberId}/metrics/${metric.key}`);
      expect(response.status, metric.key).toBe(200);
      const { values, mean, lower, upper, periods } = metric.series;
      if (!values.some((value) => value !== null)) continue;
      expect(html).toContain(`id="chart-${metric.key}"`);
      const tableStart = html.indexOf(`id="table-${metric.key}"`);
      const table = html.slice(tableStart, html.indexOf('</table>', tableStart));
      expect(table.split('<tr class="nhsuk-table__row">').length - 2, metric.key).toBe(periods.length);
      for (let i = 0; i < periods.length; i++) {
        for (const number of [values[i], mean[i], lower[i], upper[i]]) {
          if (number !== null && number !== undefined && values[i] !== null) expect(table, `${metric.key} ${periods[i]}`).toContain(`>${formatPlain(metric.format, number)}<`);
        }
      }
    }
  });
});

describe('a published report after later data arrives', () => {
  it('keeps its stored snapshot and pages byte for byte, while a new draft shows and lists the change', async () => {
    expect((await client('analyst').post(`/board/reports/${octoberId}/ready`, {})).status).toBe(303);
    await client('admin').get(`/board/reports/${octoberId}`);
    expect((await client('admin').post(`/board/reports/${octoberId}/publish`, {})).status).toBe(303);

    const stored = async () => {
      const [row] = await database.db.select({ snapshot: boardReport.snapshot }).from(boardReport).where(eq(boardReport.id, octoberId));
      return JSON.stringify(row?.snapshot);
    };
    const pages = async () => [
      (await client('board').get(`/board/reports/${octoberId}`)).html,
      (await client('board').get(`/board/reports/${octoberId}/metrics/sickness_absence_rate`)).html,
    ];
    const snapshotBefore = await stored();
    const pagesBefore = await pages();
    const published = metricsOf(JSON.parse(snapshotBefore) as ReportSnapshot).find((m) => m.key === 'sickness_absence_rate')!;
    expect(published.value).not.toBeNull();

    // A sickness-absence import for the month after: 60 staff off for 20 days from its first day.
    const later = nextMonth(latestMonth);
    const staff = await database.db
      .select({ staffNumber: person.staffNumber, unitCode: orgUnit.code })
      .from(assignment)
      .innerJoin(person, eq(person.id, assignment.personId))
      .innerJoin(orgUnit, eq(orgUnit.id, assignment.unitId))
      .where(and(isNull(assignment.endDate), eq(orgUnit.level, 'team')))
      .limit(60);
    const bytes = csv([
      ['Staff Number', 'Organisation Code', 'Absence Start Date', 'Absence End Date', 'Calendar Days Lost', 'FTE Days Lost', 'Absence Reason'],
      ...staff.map((s) => [s.staffNumber, s.unitCode, `${later}-01`, `${later}-20`, 20, 20, 'S13 Cold, Cough, Flu - Influenza']),
    ]);
    const imported = await runImport(database.db, { kind: 'sickness-absence', fileName: 'sickness-later.csv', bytes }, TEST_NOW);
    expect(imported.status).toBe('applied');
    await recomputeScorecard(database.db, { sources: ['sickness'] }, new Date(`${nextMonth(later)}-02T10:00:00Z`));

    expect(await stored()).toBe(snapshotBefore);
    expect(await pages()).toEqual(pagesBefore);

    const laterId = await startReport(later);
    const draft = await buildSnapshot(database.db, later, TEST_NOW);
    const sickness = metricsOf(draft).find((m) => m.key === 'sickness_absence_rate')!;
    expect(sickness.period).toBe(later);
    expect(sickness.value).not.toBeNull();
    expect(sickness.value).not.toBe(published.value);
    expect(draft.changesSinceMonth).toBe(latestMonth);
    expect(draft.changes.find((change) => change.metricKey === 'sickness_absence_rate')).toMatchObject({ previousValue: published.value, value: sickness.value });

    const { html } = await client('board').get(`/board/reports/${laterId}`);
    const changes = html.slice(html.indexOf('What changed since the last report'));
    expect(changes).toContain(`Each measure in the report for ${formatPeriodLong(latestMonth)} and now`);
    const row = changes.slice(changes.indexOf('Sickness absence rate'), changes.indexOf('</tr>', changes.indexOf('Sickness absence rate')));
    expect(row).toContain(formatValue('percent', published.value!));
    expect(row).toContain(formatValue('percent', sickness.value!));
  });
});
