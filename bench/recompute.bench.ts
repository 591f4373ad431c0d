// The scorecard engine (src/metrics): a full recompute of the demo trust in memory and end to end
// on PGlite and PostgreSQL (seeded through the import pipeline, then one recomputeScorecard), an
// incremental recompute after a month of sickness changes, and the engine on a national-scale
// synthetic set (60,000 teams, observations generated directly, per metric), in memory and written
// to PGlite and PostgreSQL. "Full" rewrites all
// ~7,000 series (~20 MB of JSON): on PostgreSQL about a second of that is the server turning the
// JSON into jsonb (numbers are parsed as numeric), whatever way the rows are sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { gte } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '#src/db/client.ts';
import { orgUnit, orgUnitParent, scorecardSeries as seriesTable, sicknessEpisode } from '#src/db/schema.ts';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { seedDemoTrust } from '#src/demo/seed-demo.ts';
import { DEVELOPMENT_KEY_RING } from '#src/speakup/seal.ts';
import { demoTrustFacts } from '#src/metrics/demo-facts.ts';
import { monthsEndingAt } from '#src/metrics/engine/calendar.ts';
import { computeMetric } from '#src/metrics/engine/compute.ts';
import { engineMetrics } from '#src/metrics/engine/metric.ts';
import { computeScorecard, scorecardSeries, scorecardSpots } from '#src/metrics/engine/scorecard.ts';
import { buildSeries } from '#src/metrics/engine/series.ts';
import type { FactUnit } from '#src/metrics/facts.ts';
import { recomputeScorecard } from '#src/metrics/recompute.ts';
import { writeSeries } from '#src/metrics/results-store.ts';
import { adminUrl, databaseUrl } from '#test/postgres-urls.ts';
import type { BenchCase, BenchResult } from './harness.ts';
import { nationalObservations, nationalTree } from './national-observations.ts';

const SEED = 1;
const STAFF = 7500;
const NOW = new Date('2026-11-15T09:00:00Z');
const facts = demoTrustFacts(generateDemoTrust({ seed: SEED, staff: STAFF }));
const metrics = engineMetrics();
const teams = facts.units.filter((u) => u.level === 'team').length;

const tree = nationalTree();
const months = monthsEndingAt('2026-10', 60);
const national = [
  { metric: metrics.find((m) => m.key === 'sickness_absence_rate')!, kind: 'rate' as const },
  { metric: metrics.find((m) => m.key === 'training_compliance')!, kind: 'proportion' as const },
];

export const benches: BenchCase[] = [
  {
    name: 'scorecard engine, demo trust (facts → series, signals, spots)',
    size: `${facts.units.length} units (${teams} teams) × ${metrics.length} metrics × 60 months`,
    run: () => {
      const result = computeScorecard(facts, metrics);
      return [scorecardSeries(result).length, scorecardSpots(result).length];
    },
    runs: 3,
  },
  ...national.map(({ metric, kind }, i) => ({
    name: `scorecard engine, national synthetic: one ${kind} metric (roll-up, suppression, SPC, funnels, signals)`,
    size: `${tree.size.toLocaleString('en-GB')} units (60,000 teams) × 60 months`,
    run: () => computeMetric(tree, metric, nationalObservations(tree, metric.key, months, kind, i + 1), '2026-10').signals.length,
    runs: 1,
  })),
];

async function timed(name: string, size: string, runs: number, work: () => Promise<unknown>, prepare: () => Promise<unknown> = async () => {}): Promise<BenchResult> {
  await prepare();
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = Math.round((times[Math.floor(times.length / 2)] ?? Number.NaN) * 1000) / 1000;
  return { name, size, medianMs: median, memoryBoundMs: null, ratioToMemoryBound: null, runs };
}

async function endToEnd(database: Database, label: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-'));
  try {
    await database.migrate();
    await seedDemoTrust(database.db, { seed: SEED, staff: STAFF, sourcesDir: dir, now: NOW, speakUpKeys: DEVELOPMENT_KEY_RING });
    const size = `demo trust, ${STAFF.toLocaleString('en-GB')} staff`;
    // Full: every series written (the previous run's results cleared first, untimed).
    const clear = () => database.db.delete(seriesTable);
    const results = [await timed(`recomputeScorecard full, ${label}`, size, 3, () => recomputeScorecard(database.db, { sources: 'all' }, NOW), clear)];
    results.push(await timed(`recomputeScorecard full, nothing changed, ${label}`, size, 3, () => recomputeScorecard(database.db, { sources: 'all' }, NOW)));
    // A month of sickness changes (untimed): every episode starting in the last month changes its days lost.
    let shift = 0;
    const changeLastMonth = async () => {
      shift++;
      await database.db.update(sicknessEpisode).set({ fteDaysLost: shift }).where(gte(sicknessEpisode.startDate, '2026-10-01'));
    };
    results.push(await timed(`recomputeScorecard incremental after a month of sickness changes, ${label}`, size, 3, () => recomputeScorecard(database.db, { sources: ['sickness'] }, NOW), changeLastMonth));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

/**
 * National scale in a database: the 62,201-unit tree stored as org units, one measure computed in
 * memory and its 62,201 series written (every row new, then again with nothing changed). One
 * measure, because the full catalogue at this scale is about 1.9 million series: the design
 * partitions national work by trust, one job each.
 */
async function nationalWrite(database: Database, label: string): Promise<BenchResult[]> {
  try {
    await database.migrate();
    const openedOn = '2000-01-01';
    for (let start = 0; start < tree.size; start += 5000) {
      const slice = Array.from({ length: Math.min(5000, tree.size - start) }, (_, i) => start + i);
      await database.db.insert(orgUnit).values(slice.map((u) => ({ id: tree.ids[u]!, code: tree.codes[u]!, name: tree.codes[u]!, level: tree.levels[u] as FactUnit['level'], openedOn })));
      const links = slice.filter((u) => tree.parent[u]! >= 0).map((u) => ({ unitId: tree.ids[u]!, parentId: tree.ids[tree.parent[u]!]!, validFrom: openedOn }));
      if (links.length > 0) await database.db.insert(orgUnitParent).values(links);
    }
    const { metric, kind } = national[0]!;
    const rows = buildSeries(tree, computeMetric(tree, metric, nationalObservations(tree, metric.key, months, kind, 1), '2026-10'));
    const size = `${rows.length.toLocaleString('en-GB')} series of one measure × 60 months`;
    const write = () => writeSeries(database.db, [metric.key], rows, NOW);
    return [
      await timed(`national synthetic: write one measure's series, every row new, ${label}`, size, 1, write, () => database.db.delete(seriesTable)),
      await timed(`national synthetic: write one measure's series, nothing changed, ${label}`, size, 1, write),
    ];
  } finally {
    await database.close();
  }
}

export async function measureAsync(): Promise<BenchResult[]> {
  const results = await endToEnd(await openDatabase({ kind: 'pglite', dataDir: undefined }), 'PGlite');
  results.push(...(await nationalWrite(await openDatabase({ kind: 'pglite', dataDir: undefined }), 'PGlite')));
  const admin = adminUrl();
  const name = `vitals_bench_${process.pid}`;
  const client = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`create database "${name}"`);
  } catch {
    await client.end();
    return results;
  }
  try {
    results.push(...(await endToEnd(await openDatabase({ kind: 'postgres', url: databaseUrl(name) }), 'PostgreSQL')));
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.unsafe(`create database "${name}"`);
    results.push(...(await nationalWrite(await openDatabase({ kind: 'postgres', url: databaseUrl(name) }), 'PostgreSQL')));
  } finally {
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.end();
  }
  return results;
}
