/**
 * Staff survey scoring (NHS Staff Survey technical guide, as nhs-definitions.md §1 has it): 5-point
 * answers score 0, 2.5, 5, 7.5, 10; a respondent's sub-score is the mean of the items they answered
 * in it; engagement is the mean of their three sub-scores (all three needed); raising concerns needs
 * at least 3 of its 4 items; "safe to speak up" is 1 for agree or strongly agree (4 or 5) of those
 * who answered 25e.
 */

/** Order of the scores `scoreSurveyResponse` writes. */
export const SURVEY_SCORES = [
  'staff_engagement',
  'engagement_motivation',
  'engagement_involvement',
  'engagement_advocacy',
  'raising_concerns',
  'safe_to_speak_up',
] as const;

const MOTIVATION = ['q2a', 'q2b', 'q2c'];
const INVOLVEMENT = ['q3c', 'q3d', 'q3f'];
const ADVOCACY = ['q25a', 'q25c', 'q25d'];
const RAISING_CONCERNS = ['q20a', 'q20b', 'q25e', 'q25f'];
const RAISING_CONCERNS_MINIMUM = 3;

const answerScore = (answer: number): number => (answer - 1) * 2.5;

function answerOf(answers: Record<string, number | null>, question: string): number {
  const value = answers[question] ?? answers[question.toUpperCase()];
  return typeof value === 'number' && value >= 1 && value <= 5 ? value : Number.NaN;
}

function meanScore(answers: Record<string, number | null>, questions: readonly string[], minimum: number): number {
  let sum = 0;
  let count = 0;
  for (const q of questions) {
    const a = answerOf(answers, q);
    if (Number.isNaN(a)) continue;
    sum += answerScore(a);
    count++;
  }
  return count >= minimum ? sum / count : Number.NaN;
}

/** One respondent's scores into `out` (in SURVEY_SCORES order; NaN = no score). */
export function scoreSurveyResponse(answers: Record<string, number | null>, out: Float64Array): void {
  const motivation = meanScore(answers, MOTIVATION, 1);
  const involvement = meanScore(answers, INVOLVEMENT, 1);
  const advocacy = meanScore(answers, ADVOCACY, 1);
  out[0] = (motivation + involvement + advocacy) / 3;
  out[1] = motivation;
  out[2] = involvement;
  out[3] = advocacy;
  out[4] = meanScore(answers, RAISING_CONCERNS, RAISING_CONCERNS_MINIMUM);
  const safe = answerOf(answers, 'q25e');
  out[5] = Number.isNaN(safe) ? Number.NaN : safe >= 4 ? 1 : 0;
}
