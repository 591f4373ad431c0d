import { serve as serveHttp } from '@hono/node-server';
import { createApp } from './app.ts';
import { startBackgroundJobs } from './background.ts';
import { closePdfBrowser } from './board/outputs/pdf.ts';
import type { Config } from './config.ts';
import { databaseTarget, openDatabase } from './db/client.ts';
import { DEMO_PASSWORD, demoEmail, setDemoAccountsActive } from './demo/demo-accounts.ts';
import { seedDemoTrust } from './demo/seed-demo.ts';
import { DEMO_RECEIPT } from './demo/speak-up-cases.ts';
import { setAfterApply } from './imports/after-apply.ts';
import { recomputeAfterImport, scorecardQueue } from './metrics/after-import.ts';
import { ROLES } from './auth/permissions.ts';
import { countUnits } from './org/store.ts';
import { logger } from './web/logger.ts';

/** config → database (locked) → migrate → demo seed if empty → serve, until a signal stops it. */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await database.migrate();
    await setDemoAccountsActive(database.db, config.isDemo);
    if (config.isDemo && (await countUnits(database.db)) === 0) {
      console.log('Empty database: building the demo trust, importing its files and computing the scorecard (under a minute)…');
      const result = await seedDemoTrust(database.db, { seed: 1, staff: 7500, sourcesDir: config.dataDir, speakUpKeys: config.speakUpKeys, notify: config });
      console.log(`Demo trust ready: ${result.trustName}, ${result.people} people in ${result.units} units, ${result.speakUpCases} live speak-up cases.`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const clock = () => new Date();
  const scorecard = scorecardQueue(database.db, config, clock);
  setAfterApply(recomputeAfterImport(scorecard));
  const stopBackgroundJobs = startBackgroundJobs(database.db, config, clock, scorecard);
  const app = createApp({ config, database, clock });
  const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  console.log(`Vitals is running at ${config.publicUrl} (database: ${database.kind})`);
  if (config.isDemo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const role of ROLES) console.log(`  ${demoEmail(role)}`);
    console.log(`Demo speak-up receipt: ${DEMO_RECEIPT.code}, passphrase "${DEMO_RECEIPT.passphrase}" (at ${config.publicUrl}/speak-up/follow-up)`);
  }

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info('stopping', { signal });
      stopBackgroundJobs();
      server.close(() => resolve());
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await closePdfBrowser();
  await database.close();
}
