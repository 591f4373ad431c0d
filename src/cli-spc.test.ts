import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpcInput, runSpcDocument } from './cli-spc.ts';
import { spc } from './stats/spc/index.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'vitals.js');
const dir = mkdtempSync(join(tmpdir(), 'vitals-spc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node bin/vitals.js …args` with `stdin` piped in. */
function vitals(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const series = [5, 7, 6, 8, 7, 9, 8, 6, 7, 5, 6, 8, 7, null, 15];
const KEYS = ['mean', 'lower', 'upper', 'points', 'variation', 'assurance'];

describe('vitals spc', { timeout: 30_000 }, () => {
  it('reads one object from stdin and prints exactly the contract', async () => {
    const { code, stdout, stderr } = await vitals(['spc', '--input', '-'], JSON.stringify({ values: series, improvement: 'increase', target: 2 }));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(KEYS);
    expect(out).toEqual(spc(series, { improvement: 'increase', target: 2 }));
    // mean (89 + 15) / 14; ranges 12 of the first 13 values sum to 18, plus |15 − 7| across the gap → mR̄ 2
    expect((out.mean as unknown[])[13]).toBeCloseTo(104 / 14, 12);
    expect((out.lower as unknown[])[0]).toBeCloseTo(104 / 14 - 2.66 * 2, 12);
    expect((out.points as unknown[])[13]).toEqual({ type: 'common_cause', rules: [] });
    expect((out.points as unknown[])[14]).toEqual({ type: 'special_cause_improvement', rules: ['outside_limits'] });
    expect(out.variation).toBe('improvement_high');
    expect(out.assurance).toBe('pass');
  });

  it('answers an array with an array, in order, and reads a file', async () => {
    const input = [
      { values: series, improvement: 'decrease', profile: 'ptd' },
      { values: [1, 2, 3], improvement: 'neutral' },
      { values: series, improvement: 'increase', rebase: [7], screenOutliers: true, shift: 7, trend: 8, conflict: 'concern', baseline: 5, fixAfter: 4, target: 6 },
    ];
    const file = join(dir, 'charts.json');
    writeFileSync(file, JSON.stringify(input));
    const { code, stdout } = await vitals(['spc', '--input', file]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as unknown[];
    expect(out).toHaveLength(3);
    expect(out).toEqual(input.map(({ values, ...options }) => spc(values, options as never)));
    expect(out[1]).toEqual({ mean: [2, 2, 2], lower: [null, null, null], upper: [null, null, null], points: Array(3).fill({ type: 'common_cause', rules: [] }), variation: null, assurance: null });
  });

  it('exits 2 on bad input with a message naming the field', async () => {
    const cases: [string, string][] = [
      [JSON.stringify({ values: [1, 2, 3, 'x'], improvement: 'increase' }), 'values[3]: expected a number or null'],
      [JSON.stringify({ values: [1, 2], improvement: 'better' }), 'improvement: expected "increase", "decrease" or "neutral"'],
      [JSON.stringify({ values: [1, 2] }), 'improvement: expected "increase", "decrease" or "neutral"'],
      [JSON.stringify({ improvement: 'increase' }), 'values: expected an array of numbers and nulls'],
      [JSON.stringify([{ values: [1], improvement: 'increase' }, { values: [1, 2], improvement: 'increase', rebase: [2] }]), '[1].rebase[0]: index 2 is past the last value'],
      [JSON.stringify({ values: [1], improvement: 'increase', profile: 'ptd', fixAfter: 6 }), 'fixAfter: the ptd profile fixes limits on at least 12 points'],
      [JSON.stringify({ values: [1], improvement: 'increase', trend: 5 }), 'trend: expected a whole number of points from 6 to 8'],
      [JSON.stringify({ values: [1], improvement: 'increase', target: '3' }), 'target: expected a number'],
      [JSON.stringify({ values: [1], improvement: 'increase', improvment: 'x' }), 'improvment: not a setting of spc'],
      [JSON.stringify([3]), '[0]: expected a JSON object'],
      ['{"values": [1, 2', 'input: not valid JSON'],
    ];
    for (const [stdin, message] of cases) {
      const { code, stdout, stderr } = await vitals(['spc', '--input', '-'], stdin);
      expect(code, stdin).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
    }
  });

  it('explains a missing --input, an unreadable file and an unknown option', async () => {
    expect((await vitals(['spc'])).stderr).toContain('spc needs --input FILE');
    const missing = await vitals(['spc', '--input', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input: cannot read');
    expect((await vitals(['spc', '--inptu', 'x'])).code).toBe(2);
    const help = await vitals(['spc', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vitals spc --input FILE');
    expect((await vitals(['--help'])).stdout).toContain('spc --input FILE');
  });
});

describe('spc input validation', () => {
  it('prefixes array entries and lists every problem', () => {
    const result = runSpcDocument([{ values: [null, true], improvement: 'increase', profile: 'spc' }]);
    expect(result).toEqual({ ok: false, problems: ['[0].values[1]: expected a number or null', '[0].profile: expected "mdc" or "ptd"'] });
  });

  it('accepts every documented field', () => {
    const parsed = parseSpcInput({ values: [1, null, 2], improvement: 'neutral', profile: 'mdc', target: 1, rebase: [0], fixAfter: 2, baseline: 2, screenOutliers: false, shift: 8, trend: 6, conflict: 'improvement' });
    expect(parsed.ok).toBe(true);
  });
});
