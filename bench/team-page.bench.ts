// The scorecard team page under load: the demo trust seeded through the import pipeline, the app
// served over HTTP, the demo manager signed in, and autocannon requesting their improving team's
// page (31 measures, each with its SPC chart and data table) for a fixed time on PGlite and on
// PostgreSQL. Reports p50 and p99 latency and throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '#src/app.ts';
import { testConfig } from '#src/config.ts';
import { openDatabase, type Database } from '#src/db/client.ts';
import { orgUnit } from '#src/db/schema.ts';
import { DEMO_PASSWORD, demoEmail } from '#src/demo/demo-accounts.ts';
import { seedDemoTrust } from '#src/demo/seed-demo.ts';
import { DEVELOPMENT_KEY_RING } from '#src/speakup/seal.ts';
import { STORY } from '#src/demo/stories.ts';
import { adminUrl, databaseUrl } from '#test/postgres-urls.ts';
import type { BenchCase, BenchResult } from './harness.ts';

const STAFF = 7500;
const SECONDS = 8;
/** One manager at a time, and ten at once (one Node process queues them: latency grows with the queue). */
const CONNECTIONS = [1, 10];
const TEAM = STORY.graduateTurnaround.teamCode;

export const benches: BenchCase[] = [];

/** Signs in through the real form (CSRF and all) and returns the session cookie header. */
async function signIn(baseUrl: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const anonymous = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous },
    body: new URLSearchParams({ _csrf: csrf, email: demoEmail('manager'), password: DEMO_PASSWORD }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (response.status !== 303 || session === '') throw new Error(`Sign-in for the bench failed with ${response.status}`);
  return session;
}

async function underLoad(database: Database, label: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-page-'));
  const server = serve({ fetch: createApp({ config: testConfig(), database, clock: () => new Date() }).fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await database.migrate();
    await seedDemoTrust(database.db, { seed: 1, staff: STAFF, sourcesDir: dir, speakUpKeys: DEVELOPMENT_KEY_RING });
    const [team] = await database.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.code, TEAM));
    if (!team) throw new Error(`The demo trust has no ${TEAM}`);
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await signIn(baseUrl);
    const url = `${baseUrl}/scorecard/units/${team.id}`;
    const check = await fetch(url, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`The team page answered ${check.status}`);
    const bytes = (await check.arrayBuffer()).byteLength;

    const rows: BenchResult[] = [];
    for (const connections of CONNECTIONS) {
      const result = await autocannon({ url, connections, duration: SECONDS, headers: { cookie, 'accept-encoding': 'gzip' } });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
      const size = `${connections} connection${connections === 1 ? '' : 's'} for ${SECONDS} s, ${Math.round(bytes / 1024)} KB page (gzip on the wire), ${Math.round(result.requests.average)} requests/s`;
      const row = (name: string, ms: number): BenchResult => ({ name: `team page ${name}, ${label}`, size, medianMs: ms, memoryBoundMs: null, ratioToMemoryBound: null, runs: result.requests.total });
      rows.push(row('latency p50', result.latency.p50), row('latency p99', result.latency.p99));
    }
    return rows;
  } finally {
    // autocannon drops its sockets at the deadline while their requests still run: let them finish
    // before the database closes under them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

export async function measureAsync(): Promise<BenchResult[]> {
  const results = await underLoad(await openDatabase({ kind: 'pglite', dataDir: undefined }), 'PGlite');
  const name = `vitals_bench_page_${process.pid}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
    results.push(...(await underLoad(await openDatabase({ kind: 'postgres', url: databaseUrl(name) }), 'PostgreSQL')));
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  return results;
}
