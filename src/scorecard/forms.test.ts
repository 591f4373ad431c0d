import { describe, expect, it } from 'vitest';
import { parseForm } from '#src/web/forms.ts';
import { metricEditSchema } from './forms.ts';

const valid = { name: 'Sickness absence rate', description: 'Days lost.', target: '', minimumGroupSize: '5', polarity: 'decrease' };

describe('metric edit form', () => {
  it('accepts a raised minimum and a blank target', () => {
    expect(parseForm(metricEditSchema('workforce'), { ...valid, minimumGroupSize: '8', target: '4.5' })).toEqual({
      ok: true,
      data: { ...valid, minimumGroupSize: 8, target: 4.5 },
    });
  });

  it('never accepts a minimum below the floor of the metric’s rule', () => {
    const workforce = parseForm(metricEditSchema('workforce'), { ...valid, minimumGroupSize: '2' });
    expect(workforce).toMatchObject({ ok: false, errors: { minimumGroupSize: 'Minimum group size must be 3 or more: smaller groups could identify people' } });
    const survey = parseForm(metricEditSchema('survey'), { ...valid, minimumGroupSize: '10' });
    expect(survey).toMatchObject({ ok: false, errors: { minimumGroupSize: 'Minimum group size must be 11 or more: smaller groups could identify people' } });
    const blank = parseForm(metricEditSchema('speakUp'), { ...valid, minimumGroupSize: '' });
    expect(blank).toMatchObject({ ok: false, errors: { minimumGroupSize: 'Enter the minimum group size as a whole number, 20 or more' } });
  });

  it('lets a measure with no rule have no minimum', () => {
    expect(parseForm(metricEditSchema('none'), { ...valid, minimumGroupSize: '' })).toMatchObject({ ok: true, data: { minimumGroupSize: null } });
  });

  it('names every field that is wrong', () => {
    const result = parseForm(metricEditSchema('workforce'), { name: ' ', description: '', target: '9x', minimumGroupSize: '4.5', polarity: 'up' });
    expect(result).toMatchObject({
      ok: false,
      errors: {
        name: 'Enter a name for the measure',
        description: 'Enter a description of the measure',
        target: 'Enter the target as a number, like 95 or 4.5, or leave it blank',
        minimumGroupSize: 'Enter the minimum group size as a whole number, 3 or more',
        polarity: 'Select which direction is better',
      },
    });
  });
});
