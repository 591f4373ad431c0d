import { parseArgs } from 'node:util';
import { importCommand } from './cli-import.ts';
import { spcCommand } from './cli-spc.ts';
import { ConfigError, loadConfig } from './config.ts';
import { databaseTarget, openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { DEMO_RECEIPT } from './demo/speak-up-cases.ts';
import { seedDemoTrust } from './demo/seed-demo.ts';
import { speakupCommand } from './cli-speakup.ts';
import { serve } from './serve.ts';

const HELP = `Usage: vitals <command> [options]

Commands:
  serve                      Start Vitals (migrates the database; seeds the demo trust into an empty
                             one unless VITALS_DEMO=0). This is what \`npm start\` runs.
  migrate                    Apply database migrations and exit.
  seed --demo [--seed N] [--staff N]
                             Build the synthetic demo trust (default seed 1, about 7,500 staff) into an
                             empty database and write its source CSV files to <DATA_DIR>/demo-sources.
  import <kind> <file> [--dry-run] [--sheet NAME] [--map "Header=column" ...]
                             Import a CSV or XLSX export, all rows or none (import --help lists the kinds).
  speakup redact [--months N]
                             Redact speak-up cases closed more than N months ago (default
                             SPEAKUP_RETENTION_MONTHS, 72); this also runs daily while Vitals serves.
  speakup rotate-keys        Re-seal every speak-up value under the first key in SPEAKUP_KEYS (docs/speak-up.md).
  spc --input FILE           SPC (XmR, Making Data Count) of JSON series; FILE "-" is stdin (spc --help).
  --help                     Show this help.

Settings come from the environment: PORT, DATA_DIR, DATABASE_URL, SESSION_SECRET, PUBLIC_URL,
VITALS_DEMO, FONT_URL, OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL, SMTP_URL, MAIL_FROM,
SPEAKUP_KEYS, SPEAKUP_RETENTION_MONTHS (see README).`;

class UsageError extends Error {}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean' }, seed: { type: 'string' }, staff: { type: 'string' } },
    strict: true,
  });
  if (!values.demo) throw new UsageError('seed needs --demo: the only seed Vitals has is the synthetic demo trust');
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    await database.migrate();
    const result = await seedDemoTrust(database.db, {
      seed: positiveInteger(values.seed, 'seed', 1),
      staff: positiveInteger(values.staff, 'staff', 7500),
      sourcesDir: config.dataDir,
      speakUpKeys: config.speakUpKeys,
      notify: config,
    });
    console.log(`Seeded ${result.trustName}: ${result.units} units, ${result.people} people. Source files in ${result.sourcesDir}`);
    console.log(`Scorecard computed: ${result.scorecard.seriesWritten} series, ${result.scorecard.signals} signals (${result.scorecard.milliseconds} ms).`);
    console.log(`Speak up: ${result.speakUpCases} open concerns are live cases; a reporter can follow one up with receipt ${DEMO_RECEIPT.code} and passphrase "${DEMO_RECEIPT.passphrase}".`);
    return 0;
  } finally {
    await database.close();
  }
}

async function migrate(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    await database.migrate();
    console.log(`Migrations applied (${database.kind}).`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        await serve(loadConfig());
        return 0;
      case 'migrate':
        return await migrate();
      case 'seed':
        return await seed(rest);
      case 'spc':
        return await spcCommand(rest);
      case 'import':
        return await importCommand(rest);
      case 'speakup':
        return await speakupCommand(rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
