import { defineConfig } from 'vitest/config';

/**
 * End-to-end and accessibility tests: the real app (seeded demo trust, PGlite) in Debian's
 * Chromium. One server for the run (e2e/setup.ts), one browser per file, files one at a time.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
