import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account } from '#src/db/schema.ts';
import type { KeyRing } from '#src/speakup/seal.ts';
import { isoDate } from '#src/web/today.ts';
import type { Role } from '#src/auth/permissions.ts';
import type { Config } from '#src/config.ts';
import { loadPersonIds, loadUnitIds } from '#src/imports/store.ts';
import { scorecardQueue } from '#src/metrics/after-import.ts';
import { recomputeScorecard } from '#src/metrics/recompute.ts';
import { createDemoAccounts, demoEmail } from './demo-accounts.ts';
import { generateDemoTrust } from './generate.ts';
import { importDemoSources, type DemoImportTiming } from './load.ts';
import { writeDemoSources } from './sources.ts';
import { bringDemoConcernsToLife } from './speak-up-cases.ts';
import { seedDemoBoardReports } from '#src/board/demo-reports.ts';
import { seedDemoStrategy } from '#src/board/strategy/demo-strategy.ts';

export interface SeedOptions {
  seed: number;
  staff: number;
  /** The folder under which demo-sources/ is written. */
  sourcesDir: string;
  /** When the imports are recorded as made; defaults to the real time. */
  now?: Date;
  /** Seals the demo's speak-up messages (the configured SPEAKUP_KEYS). */
  speakUpKeys: KeyRing;
  /** Where links in the managers' first signal digests point, and how they are sent; without it no digest is queued. */
  notify?: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'speakUpKeys'>;
}

export interface SeedResult {
  trustName: string;
  units: number;
  people: number;
  sourcesDir: string;
  imports: DemoImportTiming[];
  /** The first scorecard computation over everything imported. */
  scorecard: { seriesWritten: number; signals: number; milliseconds: number };
  /** Open concerns from the Guardian's log that became live cases with their conversations. */
  speakUpCases: number;
}

/**
 * Builds the synthetic trust into an empty database: writes its source CSV files, imports each
 * through the import pipeline (as a trust would), creates the demo accounts, then computes the
 * scorecard once over everything (telling the demo manager of their hub's signals).
 */
export async function seedDemoTrust(db: Db, options: SeedOptions): Promise<SeedResult> {
  const trust = generateDemoTrust({ seed: options.seed, staff: options.staff });
  const sourcesDir = join(options.sourcesDir, 'demo-sources');
  await writeDemoSources(trust, sourcesDir);
  const imports = await importDemoSources(db, sourcesDir, options.now ?? new Date());

  const unitIds = await loadUnitIds(db);
  const personIds = await loadPersonIds(db);
  const unitId = (code: string) => {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`The demo trust has no unit ${code}`);
    return id;
  };
  const root = trust.units.find((unit) => unit.parentCode === null);
  if (!root) throw new Error('The demo trust has no root unit');
  const peopleByNumber = new Map(trust.people.map((p) => [p.staffNumber, p]));
  const personFor = (role: Role) => {
    const staffNumber = trust.accountPeople[role];
    const person = peopleByNumber.get(staffNumber);
    return { personId: personIds.get(staffNumber) ?? null, name: person ? `${person.givenName} ${person.familyName}` : role };
  };
  await createDemoAccounts(db, { trustUnitId: unitId(root.code), managerUnitId: unitId(trust.managerHubCode), personFor });
  const clock = () => options.now ?? new Date();
  const accountId = async (role: Role) => {
    const [found] = await db.select({ id: account.id }).from(account).where(eq(account.email, demoEmail(role)));
    if (!found) throw new Error(`The demo has no ${role} account`);
    return found.id;
  };
  const speakUpCases = await bringDemoConcernsToLife(db, options.speakUpKeys, { guardian: await accountId('guardian'), investigator: await accountId('investigator') }, isoDate(clock()));
  const computed = options.notify ? await scorecardQueue(db, options.notify, clock).enqueue({ sources: 'all' }) : await recomputeScorecard(db, { sources: 'all' }, clock());
  const scorecard = { seriesWritten: computed.seriesWritten, signals: computed.signalsCreated.length, milliseconds: computed.milliseconds };
  await seedDemoStrategy(db, clock());
  await seedDemoBoardReports(db, { analyst: await accountId('analyst'), admin: await accountId('admin') }, clock());
  return { trustName: trust.name, units: trust.units.length, people: trust.people.length, sourcesDir, imports, scorecard, speakUpCases };
}
