import type { ImpactPanel, TreatmentEvents } from './panel.ts';
import { createRandom } from './random.ts';

/**
 * A synthetic team × month panel with a known answer, for the tests impact.md prescribes ("a
 * hand-made panel with a known effect … noise with fixed seed"), property tests and the bench.
 *
 * outcome(team, month) = familyLevel + teamLevel + monthShock + noise
 *                        + effect          for treated teams after their event (month > e)
 *                        + preTrend·(m − e) for treated teams, every month (a differential trend)
 * Treated teams are picked at random and their events fall where the whole ±12-month window
 * is inside the panel.
 */
export interface SimulatedPanelSpec {
  teams: number;
  months: number;
  treated: number;
  families: number;
  /** Added to treated teams' outcome after their event month. */
  effect: number;
  /** Slope per month by which treated teams drift relative to the rest, before and after. */
  preTrend?: number;
  noiseSd?: number;
  /** Probability that a team-month is missing (NaN). */
  missingShare?: number;
  seed: number;
}

export interface SimulatedPanel {
  panel: ImpactPanel;
  events: TreatmentEvents;
}

const WINDOW = 12;
const BASE_LEVEL = 10;
const FAMILY_LEVEL_SD = 2;
const TEAM_LEVEL_SD = 1.5;
const MONTH_SHOCK_SD = 0.5;
const MIN_HEADCOUNT = 5;
const HEADCOUNT_SPREAD = 60;

export function simulatePanel(spec: SimulatedPanelSpec): SimulatedPanel {
  const { teams, months, treated, families, effect, preTrend = 0, noiseSd = 1, missingShare = 0 } = spec;
  if (treated > teams) throw new Error(`simulatePanel: ${treated} treated teams but only ${teams} teams`);
  if (months < 2 * WINDOW + 1) throw new Error(`simulatePanel: needs at least ${2 * WINDOW + 1} months for a full window`);
  const random = createRandom(spec.seed);
  const familyLevel = Array.from({ length: families }, () => FAMILY_LEVEL_SD * random.normal());
  const teamFamily = Array.from({ length: teams }, (_, t) => t % families);
  const teamLevel = Array.from({ length: teams }, (_, t) => BASE_LEVEL + (familyLevel[t % families] ?? 0) + TEAM_LEVEL_SD * random.normal());
  const teamSize = Array.from({ length: teams }, () => MIN_HEADCOUNT + Math.floor(HEADCOUNT_SPREAD * random.next() ** 2));
  const monthShock = Array.from({ length: months }, () => MONTH_SHOCK_SD * random.normal());

  // A partial Fisher–Yates shuffle picks the treated teams.
  const order = Array.from({ length: teams }, (_, t) => t);
  const eventOf = new Map<number, number>();
  for (let i = 0; i < treated; i += 1) {
    const j = i + random.below(teams - i);
    const picked = order[j] ?? 0;
    order[j] = order[i] ?? 0;
    order[i] = picked;
    eventOf.set(picked, WINDOW + random.below(months - 2 * WINDOW));
  }

  const team: number[] = [];
  const month: number[] = [];
  const value: number[] = [];
  const headcount: number[] = [];
  for (let t = 0; t < teams; t += 1) {
    const event = eventOf.get(t);
    for (let m = 0; m < months; m += 1) {
      let y = (teamLevel[t] ?? 0) + (monthShock[m] ?? 0) + noiseSd * random.normal();
      if (event !== undefined) y += preTrend * (m - event) + (m > event ? effect : 0);
      team.push(t);
      month.push(m);
      value.push(random.next() < missingShare ? Number.NaN : y);
      headcount.push(teamSize[t] ?? MIN_HEADCOUNT);
    }
  }
  const treatedTeams = [...eventOf.keys()];
  return {
    panel: { team, month, value, headcount, teamFamily },
    events: { team: treatedTeams, month: treatedTeams.map((t) => eventOf.get(t) ?? 0) },
  };
}
