import { surveyResponse } from '#src/db/schema.ts';
import { optional, parseNumber, text, year } from './cells.ts';
import { orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

/** Answers are stored by lower-case question code ('q2a'); a blank answer is left out. */
export const staffSurveyResponses = defineKind({
  name: 'staff-survey-responses',
  title: 'NHS Staff Survey responses',
  description: 'One anonymous row per respondent: survey year, respondent id, team and the answers (1–5) by question code.',
  columns: {
    surveyYear: { header: 'Survey Year', aliases: ['Year'], cell: year() },
    respondentId: { header: 'Respondent ID', aliases: ['Respondent', 'Response ID'], cell: text('a respondent id') },
    unitCode: orgCodeColumn,
  },
  extra: {
    description: 'One column per question, headed by its code (Q2A, Q25E…).',
    pattern: /^q\d+[a-z]?\d?$/i,
    cell: optional('an answer from 1 (strongly disagree) to 5 (strongly agree)', parseNumber(1, 5, { whole: true })),
  },
  key: ['surveyYear', 'respondentId'],
  unitColumn: 'unitCode',
  month: (row) => `${row.surveyYear}-10`,
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      surveyResponse,
      rows.map((row) => {
        const answers: Record<string, number> = {};
        for (const [question, answer] of Object.entries(row.extra)) if (answer !== null) answers[question.toLowerCase()] = answer;
        return { surveyYear: row.surveyYear, respondentId: row.respondentId, unitId: idOf(units, row.unitCode), answers, importId };
      }),
      ['surveyYear', 'respondentId'],
    ),
});
