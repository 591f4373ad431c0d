// `npm test`: every check, in order, stopping at the first that fails. Starts what the tests need
// (PostgreSQL, Debian's Chromium) first, so a fresh machine needs nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const reports = mkdtempSync(join(tmpdir(), 'vitals-test-'));
/** vitest also writes a JSON report, so the run can end with one "N passed, N failed" line. */
const withReport = (name) => ['--', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];

const steps = [
  { name: 'services', command: 'bash', args: [join(root, 'scripts', 'ensure-services.sh')] },
  { name: 'typecheck', command: npm, args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: npm, args: ['run', '--silent', 'lint'] },
  { name: 'unit', command: npm, args: ['run', '--silent', 'test:unit', ...withReport('unit')] },
  { name: 'integration', command: npm, args: ['run', '--silent', 'test:integration', ...withReport('integration')] },
  { name: 'e2e', command: npm, args: ['run', '--silent', 'test:e2e', ...withReport('e2e')] },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const done = [];
const started = performance.now();

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const stepStarted = performance.now();
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  const took = performance.now() - stepStarted;
  done.push(`${step.name} ${seconds(took)}`);
  if (result.status !== 0) {
    const why = result.error ? result.error.message : result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    console.error(`\n✖ npm test failed at step "${step.name}" (${why}) after ${seconds(took)}`);
    console.error(`  ${done.join(', ')}`);
    process.exit(1);
  }
  console.log(`✔ ${step.name} passed in ${seconds(took)}`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of ['unit', 'integration', 'e2e']) {
  const file = join(reports, `${step}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
rmSync(reports, { recursive: true, force: true });
console.log(`\n✔ npm test passed in ${seconds(performance.now() - started)}: ${done.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
