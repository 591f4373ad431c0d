import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, ESTABLISHMENT_HEADER, ORG_STRUCTURE, xlsx } from '#test/import-files.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'vitals.js');
const dir = mkdtempSync(join(tmpdir(), 'vitals-import-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function vitals(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'import', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('vitals import', { timeout: 60_000 }, () => {
  it('lists the kinds in --help', async () => {
    const { code, stdout } = await vitals(['--help']);
    expect(code).toBe(0);
    for (const kind of ['organisation-structure', 'esr-assignments', 'training-compliance', 'staff-survey-team-results', 'speak-up-concerns']) expect(stdout).toContain(kind);
  });

  it('exits 2 on usage errors', async () => {
    expect((await vitals([])).code).toBe(2);
    const unknown = await vitals(['payroll', 'x.csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown kind "payroll"');
    const missing = await vitals(['establishment', join(dir, 'no-such-file.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    expect((await vitals(['establishment', 'x.csv', '--map', 'nonsense'])).stderr).toContain('--map needs "Header=column"');
  });

  it('imports, reports a repeat as a no-op, checks with --dry-run and rejects bad rows with exit 1', async () => {
    const structure = await vitals(['organisation-structure', write('organisation-structure.csv', ORG_STRUCTURE)]);
    expect(structure.stderr).toBe('');
    expect(structure.code).toBe(0);
    expect(structure.stdout).toMatch(/^Imported organisation-structure\.csv \(organisation-structure, 5 rows, batch \d+\): 5 inserted, 0 updated, 0 unchanged/);

    const repeat = await vitals(['organisation-structure', join(dir, 'organisation-structure.csv')]);
    expect(repeat.code).toBe(0);
    expect(repeat.stdout).toContain('Nothing to do: this file was already imported');

    const good = write('establishment.csv', csv([[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', 10]]));
    const dryRun = await vitals(['establishment', good, '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('Dry run, nothing changed. Importing establishment.csv (1 rows) would give: 1 inserted');

    const bad = write('bad.csv', csv([[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', 10], ['2024-02', 'TEAM-Q', 10], ['24/02', 'TEAM-A', '-1']]));
    const rejected = await vitals(['establishment', bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr.split('\n').slice(0, 3)).toEqual([
      'bad.csv:3 Organisation Code "TEAM-Q": expected an organisation code in the organisation structure (import organisation-structure first)',
      'bad.csv:4 Month "24/02": expected a month as YYYY-MM',
      'bad.csv:4 Budgeted FTE "-1": expected a number of FTE, 0 or more',
    ]);
    expect(rejected.stderr).toContain('Rejected bad.csv: 3 errors; nothing was imported.');
  });

  it('reads a named sheet and maps unknown headers with --map', async () => {
    const workbook = write('ledger.xlsx', await xlsx({ Notes: [['Budget notes']], Budget: [['Month', 'Cost Centre', 'Funded'], ['2024-03', 'TEAM-B', 4]] }));
    const wrongSheet = await vitals(['establishment', workbook]);
    expect(wrongSheet.code).toBe(1);
    expect(wrongSheet.stderr).toContain('sheet "Notes" has none of them');
    const unmapped = await vitals(['establishment', workbook, '--sheet', 'Budget']);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('headers Establishment does not know: "Cost Centre", "Funded"');
    const mapped = await vitals(['establishment', workbook, '--sheet', 'Budget', '--map', 'Cost Centre=unitCode', '--map', 'Funded=budgetedFte']);
    expect(mapped.stderr).toBe('');
    expect(mapped.stdout).toContain('1 inserted');
  });
});
