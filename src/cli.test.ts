import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './db/lock.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'vitals.js');
const dataDir = mkdtempSync(join(tmpdir(), 'vitals-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function vitals(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dataDir, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('vitals command', { timeout: 30_000 }, () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await vitals(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed --demo']) expect(stdout).toContain(command);
  });

  it('explains a wrong command or option and exits 2', async () => {
    const cases: [string[], string][] = [
      [['frobnicate'], 'Unknown command "frobnicate"'],
      [['seed', '--demo', '--staff', 'lots'], '--staff must be a positive whole number'],
      [['seed'], 'seed needs --demo'],
    ];
    for (const [args, message] of cases) {
      const result = await vitals(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('names the bad setting', async () => {
    const result = await vitals(['migrate'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });

  it('migrates the embedded database, and refuses while another process holds it', async () => {
    const migrated = await vitals(['migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('Migrations applied (pglite)');
    const lock = lockDataDir(dataDir);
    try {
      const refused = await vitals(['migrate']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is in use by another Vitals process');
    } finally {
      lock.release();
    }
  });
});
