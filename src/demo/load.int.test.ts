import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { assignment, auditEvent, boardReport, importBatch, orgUnit, orgUnitParent, person, protectedCharacteristic, speakUpCase, trainingCompliance } from '#src/db/schema.ts';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { DEMO_IMPORTS } from '#src/demo/load.ts';
import { seedDemoTrust, type SeedResult } from '#src/demo/seed-demo.ts';
import { DEMO_RECEIPT } from '#src/demo/speak-up-cases.ts';
import { ngoReturn } from '#src/speakup/reporting/ngo-return.ts';
import { parseQuarter } from '#src/speakup/reporting/quarters.ts';
import { loadReportRows } from '#src/speakup/reporting/store.ts';
import { listMessages, openReporterCase } from '#src/speakup/store.ts';
import { runImport } from '#src/imports/run-import.ts';
import { testConfig } from '#src/config.ts';
import { createTestDatabase } from '#test/database.ts';

const STAFF = 400;
const trust = generateDemoTrust({ seed: 1, staff: STAFF });
const now = new Date('2026-11-02T10:00:00Z');
let database: Database;
let dir: string;
let seeded: SeedResult;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'vitals-demo-'));
  seeded = await seedDemoTrust(database.db, { seed: 1, staff: STAFF, sourcesDir: dir, now, speakUpKeys: testConfig().speakUpKeys, notify: testConfig() });
}, 120_000);
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

async function rows(table: typeof orgUnit | typeof orgUnitParent | typeof person | typeof assignment | typeof protectedCharacteristic | typeof trainingCompliance) {
  const [result] = await database.db.select({ n: count() }).from(table);
  return result?.n ?? 0;
}

describe('the demo trust loads through the import pipeline', () => {
  it('applies every source file as one batch, in dependency order', async () => {
    const batches = await database.db.select().from(importBatch).orderBy(importBatch.id);
    expect(batches.map((b) => [b.kind, b.status])).toEqual(DEMO_IMPORTS.map((i) => [i.kind, 'applied']));
    for (const batch of batches) {
      const csv = await readFile(join(seeded.sourcesDir, batch.fileName), 'utf8');
      const dataRows = csv.trimEnd().split('\n').length - 1;
      // Quoted cells never hold line breaks in the demo files, so lines are rows.
      expect(batch.rows, batch.fileName).toBe(dataRows);
      expect(batch.summary?.inserted, batch.fileName).toBeGreaterThan(0);
    }
    const audits = await database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, 'import.applied'));
    expect(audits[0]?.n).toBe(DEMO_IMPORTS.length);
  });

  it('holds every unit, parent link, person, assignment and characteristic', async () => {
    expect(await rows(orgUnit)).toBe(trust.units.length);
    expect(await rows(orgUnitParent)).toBe(trust.units.length - 1);
    expect(await rows(person)).toBe(trust.people.length);
    expect(await rows(assignment)).toBe(trust.assignments.length);
    expect(await rows(protectedCharacteristic)).toBe(trust.characteristics.length);
    expect(await rows(trainingCompliance)).toBe(trust.sources.trainingCompliance.length);
    const [managed] = await database.db.select({ n: count() }).from(assignment).where(isNotNull(assignment.lineManagerId));
    expect(managed?.n).toBe(trust.assignments.filter((a) => a.lineManagerStaffNumber !== null).length);
  });

  it('treats a second import of the same file as a no-op', async () => {
    const before = await database.db.select({ n: count() }).from(importBatch);
    const result = await runImport(database.db, { kind: 'sickness-absence', fileName: 'sickness-absence.csv', path: join(seeded.sourcesDir, 'sickness-absence.csv') }, now);
    expect(result.status).toBe('already-applied');
    const after = await database.db.select({ n: count() }).from(importBatch);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe('the demo trust’s speak-up concerns', () => {
  it('are all cases, and the open ones are live: raised in Vitals with their conversation so far', async () => {
    const cases = await database.db.select().from(speakUpCase);
    expect(cases).toHaveLength(trust.sources.speakUpConcerns.length);
    const open = cases.filter((c) => c.status !== 'closed');
    expect(open.length).toBe(seeded.speakUpCases);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => c.origin === 'raised')).toBe(true);
    expect(cases.filter((c) => c.status === 'closed').every((c) => c.origin === 'imported')).toBe(true);
    const first = open[0];
    if (!first) throw new Error('no open case');
    const messages = await listMessages(database.db, testConfig().speakUpKeys, first.id, { includeInternal: true });
    expect(messages[0]).toMatchObject({ author: 'reporter', sentOn: first.receivedOn });
    expect(messages.every((m) => m.sentOn <= '2026-11-02')).toBe(true);
  });

  it('include one a reporter can open with the demo receipt', async () => {
    const caseId = await openReporterCase(database.db, DEMO_RECEIPT.code, DEMO_RECEIPT.passphrase);
    expect(caseId).toBeDefined();
    expect(await openReporterCase(database.db, DEMO_RECEIPT.code, 'not the passphrase')).toBeUndefined();
  });
});

describe('the National Guardian’s Office return for the demo trust', () => {
  it('matches a hand count of the generated Guardian’s log, quarter by quarter', async () => {
    const rows = await loadReportRows(database.db);
    const log = trust.sources.speakUpConcerns;
    let counted = 0;
    for (const key of ['2021-Q4', '2022-Q1', '2025-Q3', '2026-Q1', '2026-Q2']) {
      const quarter = parseQuarter(key);
      if (!quarter) throw new Error(key);
      const [year = 0, q = 0] = key.split('-Q').map(Number);
      const firstMonth = new Date(Date.UTC(year, 3 + (q - 1) * 3, 1));
      const start = firstMonth.toISOString().slice(0, 10);
      const end = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + 3, 0)).toISOString().slice(0, 10);
      const within = (day: string | null) => day !== null && day >= start && day <= end;
      const received = log.filter((r) => within(r.receivedDate));
      const closed = log.filter((r) => within(r.closedDate));
      const yes = (column: 'patientSafety' | 'workerSafety' | 'bullyingOrHarassment' | 'inappropriateAttitudes' | 'sexualSafety' | 'other') =>
        received.filter((r) => r[column] === 'Yes').length;
      const result = ngoReturn(rows, quarter);
      const counts = Object.fromEntries([...result.national, ...result.local].map((c) => [c.category.key, c.count]));
      counted += received.length;
      expect(result.received, key).toBe(received.length);
      expect(result.anonymous, key).toBe(received.filter((r) => r.raised === 'Anonymously').length);
      expect(result.detriment, key).toBe(received.filter((r) => r.detrimentIndicated === 'Yes').length);
      expect(counts.patient_safety, key).toBe(yes('patientSafety'));
      expect(counts.worker_safety, key).toBe(yes('workerSafety'));
      expect(counts.other, key).toBe(yes('other'));
      // Before April 2022 one category held bullying, harassment and other behaviours; after it, two.
      if (start < '2022-04-01') expect(counts.behaviours, key).toBe(yes('bullyingOrHarassment'));
      else {
        expect(counts.bullying_or_harassment, key).toBe(yes('bullyingOrHarassment'));
        expect(counts.inappropriate_attitudes, key).toBe(yes('inappropriateAttitudes'));
      }
      if (start >= '2024-04-01') expect(counts.sexual_safety, key).toBe(yes('sexualSafety'));
      expect(result.closed, key).toBe(closed.length);
      const answers = Object.fromEntries(result.feedback.map((f) => [f.label, f.count]));
      for (const answer of ['Yes', 'No', 'Maybe'] as const) expect(answers[answer], `${key} ${answer}`).toBe(closed.filter((r) => r.wouldSpeakUpAgain === answer).length);
      expect(answers['Don’t know'], key).toBe(closed.filter((r) => r.wouldSpeakUpAgain === "Don't know").length);
      expect(answers['Not answered'], key).toBe(closed.filter((r) => r.wouldSpeakUpAgain === null).length);
    }
    expect(counted).toBeGreaterThan(5);
  });
});

describe('the demo board', () => {
  it('has the strategy from the seeds, last month’s report published with commentary and this month’s in draft', async () => {
    const reports = await database.db.select().from(boardReport).orderBy(boardReport.month);
    expect(reports.map((r) => [r.month, r.status])).toEqual([
      ['2026-09', 'published'],
      ['2026-10', 'draft'],
    ]);
    const snapshot = reports[0]?.snapshot;
    expect(snapshot?.objectives.map((o) => o.title)).toContain('A great place to work for all');
    const commented = snapshot?.objectives.flatMap((o) => o.metrics).filter((m) => m.commentary !== null);
    expect(commented?.map((m) => m.key).sort()).toEqual(['leaver_rate', 'safe_to_speak_up', 'sickness_absence_rate']);
  });
});
