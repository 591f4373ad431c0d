import { calendarMonth, DEMO_MONTH_COUNT, monthIndex, monthKey } from '#src/demo/calendar.ts';
import type { Random } from '#src/demo/random.ts';
import { NO_EFFECT, STORY } from '#src/demo/stories.ts';
import type { Effect } from '#src/demo/stories.ts';
import type { Structure, TeamSpec } from '#src/demo/structure.ts';

/**
 * Each team's climate: a persistent latent "how things are here" (shared partly with its area, so
 * dark and bright spots cluster) that moves sickness, leaving, cases, speak-up and engagement
 * together, with the planted stories laid on top.
 */
export interface Climate {
  effect(team: TeamSpec, month: number): Effect;
}

const TRUST_LEAVING_BY_YEAR: Readonly<Record<number, number>> = { 2021: 1.15, 2022: 1.15, 2023: 1.05, 2024: 0.95, 2025: 0.9, 2026: 0.9 };
/** Trust-wide engagement drift, points per year on the 0–10 scale (the seeds report a rising score). */
const ENGAGEMENT_TREND_PER_YEAR = 0.08;

function effectFromLatent(latent: number): Effect {
  return {
    sickness: Math.exp(0.12 * latent),
    leaving: Math.exp(0.15 * latent),
    employeeRelations: Math.exp(0.25 * latent),
    speakUp: Math.exp(0.1 * latent),
    engagement: -0.35 * latent,
    appraisal: Math.exp(-0.04 * latent),
    complaints: Math.exp(0.1 * latent),
    surveyResponse: 1,
  };
}

/** Moves each field from `from` toward `to` by `share` (0..1); engagement is additive, the rest multiplicative. */
function blend(base: Effect, story: Partial<Effect>, share: number): Effect {
  const scale = (key: Exclude<keyof Effect, 'engagement'>): number => base[key] * (1 + ((story[key] ?? 1) - 1) * share);
  return {
    sickness: scale('sickness'),
    leaving: scale('leaving'),
    employeeRelations: scale('employeeRelations'),
    speakUp: scale('speakUp'),
    engagement: base.engagement + (story.engagement ?? 0) * share,
    appraisal: scale('appraisal'),
    complaints: scale('complaints'),
    surveyResponse: scale('surveyResponse'),
  };
}

function storyEffect(team: TeamSpec, month: number, base: Effect): Effect {
  const hub = STORY.hubManagerChange;
  if (team.areaCode === hub.hubCode) {
    const since = month - monthIndex(hub.month);
    return since < 0 ? base : blend(base, hub.after, Math.min(1, (since + 1) / hub.rampMonths));
  }
  const turnaround = STORY.graduateTurnaround;
  if (team.code === turnaround.teamCode) {
    const since = month - monthIndex(turnaround.month);
    if (since < 0) return blend(base, turnaround.before, 1);
    const share = Math.min(1, (since + 1) / turnaround.rampMonths);
    return blend(blend(base, turnaround.before, 1 - share), turnaround.after, share);
  }
  const spike = STORY.callCentreTurnover;
  if (team.areaCode === spike.areaCode && month >= monthIndex(spike.fromMonth) && month <= monthIndex(spike.toMonth)) {
    return blend(base, spike.during, 1);
  }
  return base;
}

const STORY_UNITS: ReadonlySet<string> = new Set([STORY.hubManagerChange.hubCode, STORY.graduateTurnaround.teamCode]);

/** With `stories` false no planted effect is laid on; the random draws stay the same, so the trust is otherwise identical. */
export function buildClimate(structure: Structure, random: Random, stories = true): Climate {
  const areaLatent = new Map<string, number>();
  for (const area of structure.areas) areaLatent.set(area.code, STORY_UNITS.has(area.code) ? 0 : random.normal());
  const table = structure.teams.map((team) => {
    const isStoryUnit = STORY_UNITS.has(team.code) || STORY_UNITS.has(team.areaCode);
    const latent = isStoryUnit ? 0 : 0.5 * (areaLatent.get(team.areaCode) ?? 0) + 0.85 * random.normal();
    const base = effectFromLatent(latent);
    return Array.from({ length: DEMO_MONTH_COUNT }, (_, month) => {
      const year = Number(monthKey(month).slice(0, 4));
      const trend: Effect = {
        ...base,
        leaving: base.leaving * (TRUST_LEAVING_BY_YEAR[year] ?? 1),
        engagement: base.engagement + ENGAGEMENT_TREND_PER_YEAR * (month / 12),
      };
      return stories ? storyEffect(team, month, trend) : trend;
    });
  });
  return {
    effect(team, month) {
      const clamped = Math.min(DEMO_MONTH_COUNT - 1, Math.max(0, month));
      return table[team.index]?.[clamped] ?? NO_EFFECT;
    },
  };
}

/** Winter pressure: 1 in an average month, about 1.2 in January and 0.8 in July. */
export function winterFactor(month: number, amplitude = 0.2): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (calendarMonth(month) - 1)) / 12);
}
