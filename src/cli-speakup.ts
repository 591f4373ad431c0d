// `vitals speakup <redact|rotate-keys>`: retention and key rotation for Freedom to Speak Up cases.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { databaseTarget, openDatabase } from './db/client.ts';
import { redactClosedCases } from './speakup/retention.ts';
import { MissingKeysError, rotateSpeakUpKeys } from './speakup/rotate-keys.ts';
import { formatDate } from './web/today.ts';

export const SPEAKUP_USAGE = `Usage: vitals speakup <redact|rotate-keys> [options]

Commands:
  redact [--months N]   Redact Freedom to Speak Up cases closed more than N months ago: delete their
                        messages, attachments, outcome, lessons and reporter details, and keep the
                        dates and categories the returns count. N defaults to SPEAKUP_RETENTION_MONTHS
                        (72). Vitals also does this every day while it runs.
  rotate-keys           Re-seal every speak-up value under the first key in SPEAKUP_KEYS, so older
                        keys can then be removed (see docs/speak-up.md).

Exit status: 0 done, 1 failed (nothing changed), 2 usage error.`;

class UsageError extends Error {}

const out = (line: string) => process.stdout.write(`${line}\n`);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function parseMonths(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const months = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(months) || months < 1 || months > 1200) throw new UsageError(`--months must be a whole number of months from 1 to 1200, got "${value}"`);
  return months;
}

export async function speakupCommand(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  let values: { months?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: rest, strict: true, options: { months: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
    if (command === '--help' || command === '-h' || values.help) {
      out(SPEAKUP_USAGE);
      return 0;
    }
    if (command !== 'redact' && command !== 'rotate-keys') throw new UsageError(command === undefined ? 'speakup needs a command' : `Unknown speakup command "${command}"`);
    if (command === 'rotate-keys' && values.months !== undefined) throw new UsageError('--months is for redact only');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${SPEAKUP_USAGE}\n`);
    return 2;
  }

  const config = loadConfig();
  let months: number;
  try {
    months = parseMonths(values.months, config.speakUpRetentionMonths);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${SPEAKUP_USAGE}\n`);
    return 2;
  }
  const database = await openDatabase(databaseTarget(config));
  try {
    await database.migrate();
    const now = new Date();
    if (command === 'redact') {
      const result = await redactClosedCases(database.db, { months, now, actorAccountId: null });
      const before = formatDate(result.closedBefore);
      out(
        result.cases === 0
          ? `Nothing to redact: no speak-up case closed before ${before} (${months} months ago) still holds what anyone wrote.`
          : `Redacted ${plural(result.cases, 'speak-up case', 'speak-up cases')} closed before ${before} (${months} months ago): messages, attachments, outcomes, lessons and reporter details deleted; dates and categories kept.`,
      );
      return 0;
    }
    try {
      const rotation = await rotateSpeakUpKeys(database.db, config.speakUpKeys, now);
      out(
        `Re-sealed under key "${rotation.keyId}": ${plural(rotation.caseValues, 'case value', 'case values')}, ${plural(rotation.messages, 'message', 'messages')}, ` +
          `${plural(rotation.attachments, 'attachment', 'attachments')}, ${plural(rotation.replyNotices, 'reply notice', 'reply notices')}.`,
      );
      const older = config.speakUpKeys.slice(1).map((key) => `"${key.id}"`);
      out(older.length > 0 ? `Nothing is sealed under ${older.join(', ')} any more: remove ${older.length === 1 ? 'it' : 'them'} from SPEAKUP_KEYS and restart Vitals.` : 'Everything is sealed under the only key in SPEAKUP_KEYS.');
      return 0;
    } catch (error) {
      if (!(error instanceof MissingKeysError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
  } finally {
    await database.close();
  }
}
