// `npm test`: every check, in order, stopping at the first that fails. Starts what the tests need
// (PostgreSQL, Debian's Chromium) first, so a fresh machine needs nothing else.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const steps = [
  { name: 'services', command: 'bash', args: [join(root, 'scripts', 'ensure-services.sh')] },
  { name: 'typecheck', command: npm, args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: npm, args: ['run', '--silent', 'lint'] },
  { name: 'unit', command: npm, args: ['run', '--silent', 'test:unit'] },
  { name: 'integration', command: npm, args: ['run', '--silent', 'test:integration'] },
  { name: 'e2e', command: npm, args: ['run', '--silent', 'test:e2e'] },
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

console.log(`\n✔ npm test passed in ${seconds(performance.now() - started)}: ${done.join(', ')}`);
