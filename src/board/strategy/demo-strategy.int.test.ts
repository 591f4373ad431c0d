import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { seedDemoTrust } from '#src/demo/seed-demo.ts';
import { METRICS_BY_KEY } from '#src/metrics/catalogue.ts';
import { loadOrgTree } from '#src/org/store.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, TEST_PASSWORD } from '#test/factories.ts';
import { ETHNIC_MINORITY_METRIC, seedDemoStrategy } from './demo-strategy.ts';
import { listBoardMetrics, listMeasures, listObjectives, listPriorities, listValues } from './store.ts';
import { loadStrategyView } from './strategy-view.ts';
import { trustUnitId } from './trust-unit.ts';

let database: Database;
let dir: string;
let rootUnitId: number | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'vitals-strategy-'));
  await seedDemoTrust(database.db, { seed: 1, staff: 400, sourcesDir: dir, now: TEST_NOW, speakUpKeys: testConfig().speakUpKeys });
  rootUnitId = trustUnitId(await loadOrgTree(database.db, '2026-11-02'));
}, 120_000);
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo trust’s strategy', () => {
  it('has the seed’s values, objectives, priorities, success measures and board metrics, written once', async () => {
    const db = database.db;
    // The demo seed wrote it; a second time writes nothing.
    expect(await seedDemoStrategy(db, TEST_NOW)).toBe(false);
    expect((await listValues(db)).map((v) => v.name)).toEqual(['Excellence', 'Integrity', 'Compassion', 'Inclusivity', 'Accountability']);
    const objectives = await listObjectives(db);
    expect(objectives.map((o) => o.title)).toEqual([
      'Safety, quality and excellence',
      'A great place to work for all',
      'Effective planning and use of resources',
      'Innovation and transformation',
      'Collaboration and engagement',
    ]);
    expect(await listPriorities(db)).toHaveLength(20);
    const measures = await listMeasures(db);
    expect(measures).toHaveLength(22);
    const representation = measures.find((m) => m.description.startsWith('Increase the representation of ethnic minority colleagues'));
    expect(representation).toMatchObject(
      METRICS_BY_KEY.has(ETHNIC_MINORITY_METRIC)
        ? { metricKey: ETHNIC_MINORITY_METRIC, baselineValue: 10.7, targetValue: 17, targetPeriod: '2030-03' }
        : { metricKey: null, baselineValue: null },
    );
    const boardMetrics = await listBoardMetrics(db);
    const greatPlace = objectives[1]?.id;
    expect(boardMetrics.filter((b) => b.objectiveId === greatPlace).map((b) => b.metricKey)).toEqual([
      'sickness_absence_rate',
      'leaver_rate',
      'vacancy_rate',
      'appraisal_rate',
      'training_compliance',
      'staff_engagement',
      'safe_to_speak_up',
      'speak_up_concerns',
      'bullying_harassment_cases',
    ]);
    expect(boardMetrics).toHaveLength(15);
  });

  it('judges every linked measure from the trust’s own data, and not all alike', async () => {
    for (const asOf of ['2026-10', '2026-09']) {
      const view = await loadStrategyView(database.db, rootUnitId, asOf);
      const linked = view.objectives.flatMap((o) => o.measures).filter((m) => m.metric !== null);
      expect(linked.length, asOf).toBeGreaterThanOrEqual(6);
      for (const measure of linked) expect(measure.trajectory.status, `${measure.metric?.key} ${asOf}`).not.toBe('no-data');
      expect(new Set(linked.map((m) => m.trajectory.status)).size, asOf).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows the board its progress', async () => {
    const board = await buildAccount(database.db, [{ role: 'board', unitId: rootUnitId ?? 0 }]);
    const client = new TestClient(createTestApp(database));
    await client.signIn(board.email, TEST_PASSWORD);
    const strategy = await client.get('/board/strategy');
    expect(strategy.response.status).toBe(200);
    expect(strategy.html).toContain('Delivering the right patient care, in the right place, at the right time');
    expect(strategy.html).toContain('Director of Operations');
    const progress = await client.get('/board/strategy/progress');
    expect(progress.response.status).toBe(200);
    expect(progress.html).toContain('2026/27 Q2');
  });
});
