import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.ts';
import { auditEvent, speakUpCase, speakUpMessage } from './db/schema.ts';
import { DEVELOPMENT_KEY_RING, sealedKeyId } from './speakup/seal.ts';
import { closeCase, raiseConcern } from './speakup/store.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'vitals-speakup-cli-'));
const dataDir = join(dir, 'data');
const repo = join(import.meta.dirname, '..');
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const DEV_KEY = `dev:${DEVELOPMENT_KEY_RING[0]?.key.toString('base64') ?? ''}`;
const NEW_KEY = `new:${randomBytes(32).toString('base64')}`;

async function vitalsSpeakup(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'bin', 'vitals.js'), 'speakup', ...args], {
      cwd: repo,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SPEAKUP_KEYS: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Opens the folder's PGlite database in this process (the commands must not be running). */
async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await database.migrate();
    return await use(database.db);
  } finally {
    await database.close();
  }
}

let oldCase: number;
let recentCase: number;

beforeAll(async () => {
  await withDatabase(async (db) => {
    const concern = { raisedAs: 'open' as const, concern: 'What happened', unitId: null, categories: ['other'], detrimentIndicated: false, reporterName: 'Jo Bloggs', passphrase: 'a long enough passphrase' };
    oldCase = (await raiseConcern(db, DEVELOPMENT_KEY_RING, concern, '2015-01-05')).caseId;
    await closeCase(db, DEVELOPMENT_KEY_RING, oldCase, { outcome: 'Done', lessons: '' }, '2015-03-01');
    recentCase = (await raiseConcern(db, DEVELOPMENT_KEY_RING, concern, '2025-01-05')).caseId;
    await closeCase(db, DEVELOPMENT_KEY_RING, recentCase, { outcome: 'Done', lessons: '' }, '2025-03-01');
  });
}, 60_000);

describe('vitals speakup', { timeout: 60_000 }, () => {
  it('explains itself and exits 2 on usage errors', async () => {
    const help = await vitalsSpeakup(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: vitals speakup <redact|rotate-keys>');
    const none = await vitalsSpeakup([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('speakup needs a command');
    expect((await vitalsSpeakup(['shred'])).stderr).toContain('Unknown speakup command "shred"');
    const months = await vitalsSpeakup(['redact', '--months', 'six']);
    expect(months.code).toBe(2);
    expect(months.stderr).toContain('--months must be a whole number of months from 1 to 1200, got "six"');
    expect((await vitalsSpeakup(['rotate-keys', '--months', '3'])).stderr).toContain('--months is for redact only');
  });

  it('redacts cases closed longer ago than the retention period, then finds nothing more', async () => {
    const first = await vitalsSpeakup(['redact'], { SPEAKUP_RETENTION_MONTHS: '72' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Redacted 1 speak-up case closed before \d{1,2} \w+ \d{4} \(72 months ago\)/);
    const again = await vitalsSpeakup(['redact']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to redact/);
    await withDatabase(async (db) => {
      expect(await db.select().from(speakUpMessage).where(eq(speakUpMessage.caseId, oldCase))).toHaveLength(0);
      expect(await db.select().from(speakUpMessage).where(eq(speakUpMessage.caseId, recentCase))).toHaveLength(1);
      expect(await db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.redacted'))).toHaveLength(1);
    });
  });

  it('rotates keys, and refuses a ring without the old key', async () => {
    const missing = await vitalsSpeakup(['rotate-keys'], { SPEAKUP_KEYS: NEW_KEY });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('sealed under "dev", which SPEAKUP_KEYS does not hold');
    const rotated = await vitalsSpeakup(['rotate-keys'], { SPEAKUP_KEYS: `${NEW_KEY},${DEV_KEY}` });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('Re-sealed under key "new": 2 case values, 1 message, 0 attachments, 0 reply notices.');
    expect(rotated.stdout).toContain('Nothing is sealed under "dev" any more: remove it from SPEAKUP_KEYS and restart Vitals.');
    await withDatabase(async (db) => {
      const [recent] = await db.select().from(speakUpCase).where(eq(speakUpCase.id, recentCase));
      expect(sealedKeyId(recent?.reporterNameSealed ?? '')).toBe('new');
    });
  });
});
