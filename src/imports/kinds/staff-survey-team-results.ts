import { surveyTeamResult } from '#src/db/schema.ts';
import { cell, count, parseNumber, text, year } from './cells.ts';
import { orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

/** Survey results as published per team; the measure is a survey metric key such as staff_engagement. */
export const staffSurveyTeamResults = defineKind({
  name: 'staff-survey-team-results',
  title: 'NHS Staff Survey results per team',
  description: 'Per survey year, team and measure: respondents and the score (a mean on 0–10, or a percentage).',
  columns: {
    surveyYear: { header: 'Survey Year', aliases: ['Year'], cell: year() },
    unitCode: orgCodeColumn,
    measure: {
      header: 'Measure',
      aliases: ['Theme', 'Indicator', 'Question'],
      cell: text('a measure such as staff_engagement'),
    },
    respondents: { header: 'Respondents', aliases: ['Responses', 'Base', 'Number of Respondents'], cell: count('a whole number of respondents, 0 or more') },
    score: { header: 'Score', aliases: ['Value', 'Mean Score', 'Percentage'], cell: cell('a score between 0 and 100', parseNumber(0, 100)) },
  },
  key: ['surveyYear', 'unitCode', 'measure'],
  unitColumn: 'unitCode',
  month: (row) => `${row.surveyYear}-10`,
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      surveyTeamResult,
      rows.map((row) => ({
        surveyYear: row.surveyYear,
        unitId: idOf(units, row.unitCode),
        measure: row.measure.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
        respondents: row.respondents,
        score: row.score,
        importId,
      })),
      ['surveyYear', 'unitId', 'measure'],
    ),
});
