import { describe, expect, it } from 'vitest';
import { parseForm } from '#src/web/forms.ts';
import { CommentarySchema, monthChoices, newReportSchema } from './forms.ts';
import { reportQuarter } from './speak-up.ts';

describe('the commentary form', () => {
  it('names every missing field', () => {
    const result = parseForm(CommentarySchema, { chartTellsUs: ' ', actions: '', _csrf: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      chartTellsUs: 'Enter what the chart tells us',
      actions: 'Enter the actions being taken',
      expectChange: 'Enter when we expect to see change',
    });
  });

  it('refuses text over the limit, naming the field, and trims what it keeps', () => {
    const long = parseForm(CommentarySchema, { chartTellsUs: 'x'.repeat(3001), actions: 'a', expectChange: 'b' });
    expect(long.ok ? {} : long.errors).toEqual({ chartTellsUs: 'What the chart tells us must be 3,000 characters or fewer' });
    const ok = parseForm(CommentarySchema, { chartTellsUs: ' Falling. ', actions: 'Wellbeing checks', expectChange: 'By March' });
    expect(ok.ok && ok.data).toEqual({ chartTellsUs: 'Falling.', actions: 'Wellbeing checks', expectChange: 'By March' });
  });
});

describe('the month a report starts for', () => {
  it('is one of the twelve months up to the scorecard’s latest', () => {
    const choices = monthChoices('2026-02');
    expect(choices).toHaveLength(12);
    expect(choices.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(choices.at(-1)).toBe('2025-03');
    expect(parseForm(newReportSchema(choices), { month: '2026-01' }).ok).toBe(true);
    const wrong = parseForm(newReportSchema(choices), { month: '2026-03' });
    expect(wrong.ok ? {} : wrong.errors).toEqual({ month: 'Choose the month the report is for, from the months the scorecard has' });
    const missing = parseForm(newReportSchema(choices), {});
    expect(missing.ok ? {} : missing.errors).toEqual({ month: 'Choose the month the report is for' });
  });
});

describe('the speak-up quarter of a report', () => {
  it('is the last financial quarter complete by the end of the month, and by today', () => {
    expect(reportQuarter('2026-09', '2026-11-02')).toEqual({ year: 2026, number: 2 });
    expect(reportQuarter('2026-10', '2026-11-02')).toEqual({ year: 2026, number: 2 });
    expect(reportQuarter('2026-12', '2027-02-01')).toEqual({ year: 2026, number: 3 });
    expect(reportQuarter('2026-12', '2026-12-15')).toEqual({ year: 2026, number: 2 });
    expect(reportQuarter('2027-03', '2027-05-01')).toEqual({ year: 2026, number: 4 });
  });
});
