import { createApp } from '#src/app.ts';
import { testConfig, type Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';

/** A fixed "now" so dates on pages and in the audit log are stable. */
export const TEST_NOW = new Date('2026-11-02T10:00:00Z');

export function createTestApp(database: Database, overrides: Partial<Config> = {}) {
  return createApp({ config: testConfig(overrides), database, clock: () => TEST_NOW });
}
