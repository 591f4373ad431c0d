import { z } from 'zod';

export const COMMENTARY_LIMIT = 3000;
const COMMENTARY_LIMIT_TEXT = '3,000';

const commentaryText = (label: string, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(COMMENTARY_LIMIT, `${label} must be ${COMMENTARY_LIMIT_TEXT} characters or fewer`);

/** The metric owner's three answers; each is required. */
export const CommentarySchema = z.object({
  chartTellsUs: commentaryText('What the chart tells us', 'Enter what the chart tells us'),
  actions: commentaryText('Actions', 'Enter the actions being taken'),
  expectChange: commentaryText('When we expect to see change', 'Enter when we expect to see change'),
});

/** The months a report can be started for: the latest the scorecard has and the 11 before it, newest first. */
export function monthChoices(latest: string): string[] {
  const months: string[] = [];
  let year = Number(latest.slice(0, 4));
  let month = Number(latest.slice(5, 7));
  for (let i = 0; i < 12; i++) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** The month to start a report for: one of the offered months. */
export function newReportSchema(choices: readonly string[]) {
  return z.object({
    month: z
      .string({ error: 'Choose the month the report is for' })
      .refine((month) => choices.includes(month), 'Choose the month the report is for, from the months the scorecard has'),
  });
}
