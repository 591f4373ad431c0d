import { DEMO_MONTH_COUNT, isoFromDay, monthEndDay, monthKey, monthStartDay, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { winterFactor } from '#src/demo/effects.ts';
import { byKeys } from '#src/demo/order.ts';
import type { Random } from '#src/demo/random.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

export interface SicknessEpisodeRow {
  staffNumber: string;
  /** The team the person was in when the episode began. */
  unitCode: string;
  startDate: string;
  /** Last day of absence; null while it continues at the end of the period. */
  endDate: string | null;
  /** Calendar days absent within the period. */
  calendarDays: number;
  /** Calendar days × FTE (NHS rates count every day, as the service runs all year). */
  fteDaysLost: number;
  reason: string;
}

type LengthClass = 'short' | 'medium' | 'long';

const REASONS: Record<LengthClass, readonly (readonly [string, number])[]> = {
  short: [
    ['S13 Cold, Cough, Flu - Influenza', 30],
    ['S25 Gastrointestinal problems', 22],
    ['S16 Headache / migraine', 8],
    ['S12 Other musculoskeletal problems', 8],
    ['S27 Infectious diseases', 8],
    ['S99 Unknown causes / Not specified', 10],
    ['S98 Other known causes - not elsewhere classified', 8],
    ['S21 Ear, nose, throat (ENT)', 6],
  ],
  medium: [
    ['S10 Anxiety/stress/depression/other psychiatric illnesses', 25],
    ['S12 Other musculoskeletal problems', 15],
    ['S11 Back Problems', 12],
    ['S28 Injury, fracture', 12],
    ['S13 Cold, Cough, Flu - Influenza', 8],
    ['S15 Chest & respiratory problems', 8],
    ['S98 Other known causes - not elsewhere classified', 10],
    ['S26 Genitourinary & gynaecological disorders', 5],
    ['S30 Pregnancy related disorders', 5],
  ],
  long: [
    ['S10 Anxiety/stress/depression/other psychiatric illnesses', 40],
    ['S12 Other musculoskeletal problems', 15],
    ['S28 Injury, fracture', 10],
    ['S11 Back Problems', 8],
    ['S17 Benign and malignant tumours, cancers', 7],
    ['S26 Genitourinary & gynaecological disorders', 5],
    ['S30 Pregnancy related disorders', 4],
    ['S19 Heart, cardiac & circulatory problems', 4],
    ['S98 Other known causes - not elsewhere classified', 7],
  ],
};
const STRESS = 'S10 Anxiety/stress/depression/other psychiatric illnesses';

/** Mean calendar days of an episode drawn by `drawLength`, used to turn a target rate into a count of episodes. */
const MEAN_EPISODE_DAYS = 12.6;
/** Extra sickness in the Omicron waves of winter and spring 2022. */
const COVID_WAVES: Readonly<Record<string, number>> = { '2021-12': 1.25, '2022-01': 1.3, '2022-03': 1.15, '2022-04': 1.1 };

function drawLength(random: Random): { days: number; lengthClass: LengthClass } {
  const roll = random.next();
  if (roll < 0.68) return { days: Math.min(7, Math.ceil(random.exponential(2.5))), lengthClass: 'short' };
  if (roll < 0.9) return { days: random.int(8, 27), lengthClass: 'medium' };
  return { days: 28 + Math.min(337, Math.round(random.exponential(50))), lengthClass: 'long' };
}

/**
 * Episodes of sickness absence: a Poisson number of new episodes per person-month, more in winter
 * and where the team's climate is poor, never overlapping for one person.
 */
export function generateSicknessAbsence(context: SourceContext): SicknessEpisodeRow[] {
  const random = context.random.fork('sickness');
  const rows: SicknessEpisodeRow[] = [];
  for (const person of context.workforce.people) {
    let busyUntil = -Infinity;
    for (const post of person.posts) {
      const postEnd = post.end ?? PERIOD_END_DAY;
      if (postEnd < PERIOD_START_DAY) continue;
      const team = post.position.team;
      for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
        const first = Math.max(monthStartDay(month), post.start);
        const last = Math.min(monthEndDay(month), postEnd);
        if (first > last) continue;
        const effect = context.climate.effect(team, month);
        const rate = team.profile.sicknessRate * effect.sickness * winterFactor(month, 0.18) * (COVID_WAVES[monthKey(month)] ?? 1);
        const episodes = random.poisson((rate * (last - first + 1)) / MEAN_EPISODE_DAYS);
        for (let i = 0; i < episodes; i += 1) {
          const start = random.int(first, last);
          if (start <= busyUntil) continue;
          const { days, lengthClass } = drawLength(random);
          const end = Math.min(start + days - 1, postEnd);
          busyUntil = end;
          const isStrained = effect.sickness > 1.3 && lengthClass !== 'short' && random.chance(0.4);
          const counted = Math.min(end, PERIOD_END_DAY) - start + 1;
          rows.push({
            staffNumber: person.staffNumber,
            unitCode: team.code,
            startDate: isoFromDay(start),
            endDate: start + days - 1 > PERIOD_END_DAY && post.end === null ? null : isoFromDay(end),
            calendarDays: counted,
            fteDaysLost: Math.round(counted * post.position.fte * 100) / 100,
            reason: isStrained ? STRESS : random.weighted(REASONS[lengthClass]),
          });
        }
      }
    }
  }
  return rows.sort(byKeys((r) => r.startDate, (r) => r.staffNumber));
}
