import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'vitals.js');
/** A smaller demo trust than `npm start` builds (7,500 staff), so seeding takes seconds. */
const DEMO_STAFF = '1500';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment for the app: ours, minus anything that would point it at another database. */
function appEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...extra };
  delete env.DATABASE_URL;
  return env;
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vitals serve exited with code ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vitals serve did not answer ${baseUrl}/healthz within 60 s:\n${output()}`);
}

/** Seeds a demo trust into a temporary data folder and serves it for the whole e2e run. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-e2e-'));
  let server: ChildProcess | undefined;

  const teardown = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const seed = spawnSync(process.execPath, [cli, 'seed', '--demo', '--staff', DEMO_STAFF], {
      cwd: root,
      env: appEnv(dataDir),
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`vitals seed --demo failed (exit ${seed.status}):\n${seed.stdout}${seed.stderr}`);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let output = '';
    server = spawn(process.execPath, [cli, 'serve'], {
      cwd: root,
      env: appEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', VITALS_DEMO: '1', PUBLIC_URL: baseUrl }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The app logs only problems to stderr: show them beside the failing test.
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(`[vitals serve] ${chunk.toString()}`);
    });
    await waitForHealth(baseUrl, server, () => output);
    project.provide('baseUrl', baseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
