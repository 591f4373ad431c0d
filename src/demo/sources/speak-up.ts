import { DEMO_MONTH_COUNT, dayFromIso, isoFromDay, monthEndDay, monthStartDay, PERIOD_END_DAY } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import type { Random } from '#src/demo/random.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

type YesNo = 'Yes' | 'No';

/** A concern recorded by the Freedom to Speak Up Guardian, as the Guardian's case log exports it. */
export interface SpeakUpConcernRow {
  caseReference: string;
  receivedDate: string;
  /** The area (hub or department), or the directorate when the area has fewer than 50 staff. */
  unitCode: string;
  directorateCode: string;
  raised: 'Anonymously' | 'Confidentially' | 'Openly';
  patientSafety: YesNo;
  workerSafety: YesNo;
  bullyingOrHarassment: YesNo;
  /** Null before April 2022, when it was not yet recorded apart from bullying or harassment. */
  inappropriateAttitudes: YesNo | null;
  sexualSafety: YesNo;
  other: YesNo;
  detrimentIndicated: YesNo;
  workerGroup: string;
  acknowledgedDate: string;
  closedDate: string | null;
  /** "Given your experience, would you speak up again?", asked at closure. */
  wouldSpeakUpAgain: 'Yes' | 'No' | 'Maybe' | "Don't know" | null;
}

/** Concerns per member of staff per year, before climate effects. */
const CONCERNS_PER_PERSON_YEAR = 0.017;
const SPEAK_UP_MINIMUM_STAFF = 50;
const CATEGORY_SPLIT_DAY = dayFromIso('2022-04-01');

const WORKER_GROUPS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  EO: [['Paramedic', 55], ['Emergency care support', 30], ['Management', 10], ['Administrative', 5]],
  IE: [['Call handling and dispatch', 60], ['Clinical (nurse or paramedic)', 25], ['Management', 10], ['Administrative', 5]],
  PT: [['Patient transport', 75], ['Call handling and dispatch', 15], ['Management', 10]],
  SO: [['Paramedic', 70], ['Management', 20], ['Administrative', 10]],
  CS: [['Administrative', 50], ['Estates and fleet', 30], ['Management', 20]],
};

function yesNo(random: Random, chance: number): YesNo {
  return random.chance(chance) ? 'Yes' : 'No';
}

/** Concerns per area and month, in proportion to staff in post and the area's climate. */
export function generateSpeakUpConcerns(context: SourceContext): SpeakUpConcernRow[] {
  const random = context.random.fork('speak-up');
  const { structure, headcount } = context;
  const rows: Omit<SpeakUpConcernRow, 'caseReference'>[] = [];
  for (const area of structure.areas) {
    const teams = structure.teams.filter((t) => t.areaCode === area.code);
    for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
      let staff = 0;
      let weightedEffect = 0;
      let strain = 0;
      for (const team of teams) {
        const count = headcount.headcount[team.index]?.[month] ?? 0;
        const effect = context.climate.effect(team, month);
        staff += count;
        weightedEffect += count * effect.speakUp;
        strain = Math.max(strain, effect.speakUp);
      }
      const concerns = random.poisson((weightedEffect * CONCERNS_PER_PERSON_YEAR) / 12);
      const isStrained = strain > 2;
      for (let i = 0; i < concerns; i += 1) {
        const received = random.int(monthStartDay(month), monthEndDay(month));
        const raised = random.weighted([['Anonymously', 10], ['Confidentially', 45], ['Openly', 45]] as const);
        const bullying = yesNo(random, isStrained ? 0.4 : 0.2);
        const attitudes = yesNo(random, isStrained ? 0.5 : 0.35);
        const patientSafety = yesNo(random, 0.19);
        const workerSafety = yesNo(random, isStrained ? 0.45 : 0.3);
        const sexualSafety = yesNo(random, 0.03);
        const anyCategory = [bullying, attitudes, patientSafety, workerSafety, sexualSafety].includes('Yes');
        const closed = received + random.int(20, 150);
        const isSplit = received >= CATEGORY_SPLIT_DAY;
        rows.push({
          receivedDate: isoFromDay(received),
          unitCode: staff >= SPEAK_UP_MINIMUM_STAFF ? area.code : area.directorateCode,
          directorateCode: area.directorateCode,
          raised,
          patientSafety,
          workerSafety,
          bullyingOrHarassment: isSplit ? bullying : bullying === 'Yes' || attitudes === 'Yes' ? 'Yes' : 'No',
          inappropriateAttitudes: isSplit ? attitudes : null,
          sexualSafety,
          other: anyCategory ? yesNo(random, 0.05) : 'Yes',
          detrimentIndicated: yesNo(random, isStrained ? 0.1 : 0.04),
          workerGroup: raised === 'Anonymously' ? 'Not disclosed' : random.weighted(WORKER_GROUPS[area.directorateCode] ?? [['Not disclosed', 1]]),
          acknowledgedDate: isoFromDay(Math.min(PERIOD_END_DAY, received + random.int(0, 6))),
          closedDate: closed > PERIOD_END_DAY ? null : isoFromDay(closed),
          wouldSpeakUpAgain:
            closed > PERIOD_END_DAY || random.chance(0.3)
              ? null
              : random.weighted([['Yes', isStrained ? 55 : 82], ['No', isStrained ? 20 : 6], ['Maybe', 15], ["Don't know", 5]] as const),
        });
      }
    }
  }
  rows.sort(byKeys((r) => r.receivedDate, (r) => r.unitCode));
  const byYear = new Map<string, number>();
  return rows.map((row) => {
    const year = row.receivedDate.slice(0, 4);
    const n = (byYear.get(year) ?? 0) + 1;
    byYear.set(year, n);
    return { caseReference: `FTSU-${year}-${String(n).padStart(3, '0')}`, ...row };
  });
}
