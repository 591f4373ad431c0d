import { dayFromParts, monthIndexOfDay, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { isInPost } from '#src/demo/headcount.ts';
import { byKeys } from '#src/demo/order.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

/** The nine engagement questions (motivation, involvement, advocacy) and the four raising-concerns ones, 2023–25 numbering. */
export const ENGAGEMENT_QUESTIONS = ['q2a', 'q2b', 'q2c', 'q3c', 'q3d', 'q3f', 'q25a', 'q25c', 'q25d'] as const;
export const SPEAK_UP_QUESTIONS = ['q20a', 'q20b', 'q25e', 'q25f'] as const;
export type SurveyQuestion = (typeof ENGAGEMENT_QUESTIONS)[number] | (typeof SPEAK_UP_QUESTIONS)[number];

export const QUESTION_TEXT: Record<SurveyQuestion, string> = {
  q2a: 'I look forward to going to work.',
  q2b: 'I am enthusiastic about my job.',
  q2c: 'Time passes quickly when I am working.',
  q3c: 'I am able to make suggestions to improve the work of my team / department.',
  q3d: 'I am involved in deciding on changes introduced that affect my work area / team / department.',
  q3f: 'I am able to make improvements happen in my area of work.',
  q25a: 'Care of patients / service users is my organisation’s top priority.',
  q25c: 'I would recommend my organisation as a place to work.',
  q25d: 'If a friend or relative needed treatment I would be happy with the standard of care provided by this organisation.',
  q20a: 'I would feel secure raising concerns about unsafe clinical practice.',
  q20b: 'I am confident that my organisation would address my concern.',
  q25e: 'I feel safe to speak up about anything that concerns me in this organisation.',
  q25f: 'If I spoke up about something that concerned me I am confident my organisation would address my concern.',
};

/** Survey years whose fieldwork (October–November) falls in or just before the period. */
export const SURVEY_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** One anonymous respondent: no staff number, only the team. Answers 1 (strongly disagree) to 5; null when skipped. */
export type StaffSurveyResponseRow = {
  surveyYear: number;
  respondentId: string;
  unitCode: string;
} & Record<SurveyQuestion, number | null>;

/** How each item sits relative to the others, in answer points. */
const ITEM_BIAS: Record<SurveyQuestion, number> = {
  q2a: -0.25, q2b: 0.15, q2c: 0.3, q3c: 0.3, q3d: -0.45, q3f: -0.1, q25a: 0.2, q25c: -0.35, q25d: 0.4,
  q20a: 0.45, q20b: 0.05, q25e: 0.3, q25f: 0.05,
};
const QUESTIONS: readonly SurveyQuestion[] = [...ENGAGEMENT_QUESTIONS, ...SPEAK_UP_QUESTIONS];
const CENTRE = 3.3;
const LOADING = 0.9;
const SKIP_CHANCE = 0.015;
/** Answer points are 2.5 apart on the 0–10 scale, so a shift of s points moves the latent by s / (2.5 × loading). */
const POINTS_TO_LATENT = 1 / (2.5 * LOADING);

/**
 * NHS Staff Survey-style responses. Each respondent has a latent engagement (their team's climate
 * plus their own) and answers each item through it with some noise.
 */
export function generateStaffSurvey(context: SourceContext): StaffSurveyResponseRow[] {
  const random = context.random.fork('staff-survey');
  const rows: StaffSurveyResponseRow[] = [];
  for (const year of SURVEY_YEARS) {
    const census = Math.max(PERIOD_START_DAY, dayFromParts(year, 9, 1));
    const fieldworkMonth = monthIndexOfDay(dayFromParts(year, 10, 15));
    const respondents: Omit<StaffSurveyResponseRow, 'respondentId'>[] = [];
    for (const team of context.structure.teams) {
      const effect = context.climate.effect(team, fieldworkMonth);
      for (const post of context.headcount.postsByTeam[team.index] ?? []) {
        if (!isInPost(post, census) || !random.chance(Math.min(0.95, team.profile.surveyResponseRate * effect.surveyResponse))) continue;
        const latent = random.normal(0, 0.75) + effect.engagement * POINTS_TO_LATENT;
        const answers = {} as Record<SurveyQuestion, number | null>; // filled for every question just below
        for (const question of QUESTIONS) {
          const value = Math.round(CENTRE + ITEM_BIAS[question] + LOADING * latent + random.normal(0, 0.65));
          answers[question] = random.chance(SKIP_CHANCE) ? null : Math.min(5, Math.max(1, value));
        }
        respondents.push({ surveyYear: year, unitCode: team.code, ...answers });
      }
    }
    // Identifiers are given in a shuffled order so they say nothing about who answered.
    random.shuffle(respondents).forEach((row, i) => rows.push({ ...row, respondentId: `${year}-${String(i + 1).padStart(5, '0')}` }));
  }
  return rows.sort(byKeys((r) => r.respondentId));
}
