// `npm run bench`: runs every bench/*.bench.ts (each exports `benches: BenchCase[]`), prints a table
// and writes bench/results/<name>.json with the machine it ran on.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure, type BenchCase, type BenchResult } from './harness.ts';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
const resultsDir = join(dir, 'results');
mkdirSync(resultsDir, { recursive: true });

const rows: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { benches: BenchCase[]; measureAsync?: () => Promise<BenchResult[]> };
  // Benches of asynchronous work (a database round trip) measure themselves.
  const results = [...module.benches.map((bench) => measure(bench)), ...((await module.measureAsync?.()) ?? [])];
  rows.push(...results);
  const name = basename(file, '.bench.ts');
  writeFileSync(
    join(resultsDir, `${name}.json`),
    `${JSON.stringify({ bench: name, node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, results }, null, 2)}\n`,
  );
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(x < 10 ? 2 : 0));
console.log(['bench', 'size', 'median ms', 'memory bound ms', 'ratio'].join(' | '));
for (const r of rows) console.log([r.name, r.size, fmt(r.medianMs), fmt(r.memoryBoundMs), r.ratioToMemoryBound === null ? '—' : `${fmt(r.ratioToMemoryBound)}×`].join(' | '));
