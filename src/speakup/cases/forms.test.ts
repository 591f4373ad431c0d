import { describe, expect, it } from 'vitest';
import { CloseSchema, MessageSchema, parseTriage, referralSchema } from './forms.ts';

const choices = { categories: ['patient_safety', 'worker_safety', 'other'], workerGroups: ['Call handlers and dispatchers'], unitIds: [2, 3] };

describe('triage form', () => {
  it('accepts one ticked category or several', () => {
    const one = parseTriage({ categories: 'other', urgency: 'routine', detrimentIndicated: 'no' }, choices);
    expect(one).toEqual({ ok: true, data: { categories: ['other'], workerGroup: null, urgency: 'routine', unitId: null, detrimentIndicated: false } });
    const several = parseTriage(
      { categories: ['patient_safety', 'worker_safety'], workerGroup: 'Call handlers and dispatchers', urgency: 'urgent', unitId: '3', detrimentIndicated: 'yes' },
      choices,
    );
    expect(several).toEqual({
      ok: true,
      data: { categories: ['patient_safety', 'worker_safety'], workerGroup: 'Call handlers and dispatchers', urgency: 'urgent', unitId: 3, detrimentIndicated: true },
    });
  });

  it('names every missing field and keeps what was sent', () => {
    const result = parseTriage({ workerGroup: 'Call handlers and dispatchers' }, choices);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      categories: 'Select at least one category',
      urgency: 'Select whether the case is routine or urgent',
      detrimentIndicated: 'Select whether the reporter said they had suffered detriment',
    });
    expect(result.values.workerGroup).toBe('Call handlers and dispatchers');
  });

  it('refuses choices that were not offered', () => {
    const result = parseTriage({ categories: ['other', 'made_up'], workerGroup: 'Astronauts', urgency: 'soon', unitId: '4', detrimentIndicated: 'maybe' }, choices);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      categories: 'Select categories from the list',
      workerGroup: 'Select a worker group from the list, or Not recorded',
      urgency: 'Select whether the case is routine or urgent',
      unitId: 'Select where the concern is from the list, or Not given',
      detrimentIndicated: 'Select whether the reporter said they had suffered detriment',
    });
  });
});

describe('other case forms', () => {
  it('needs a message with words in it', () => {
    const result = MessageSchema.safeParse({ message: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['message'], message: 'Enter your message to the reporter' });
    expect(MessageSchema.safeParse({ message: 'x'.repeat(10_001) }).error?.issues[0]?.message).toBe('Your message must be 10,000 characters or fewer');
  });

  it('needs an outcome to close; lessons are optional', () => {
    expect(CloseSchema.safeParse({ outcome: '', lessons: '' }).error?.issues[0]).toMatchObject({ path: ['outcome'], message: 'Enter the outcome' });
    expect(CloseSchema.parse({ outcome: ' Policy changed ' })).toEqual({ outcome: 'Policy changed', lessons: '' });
  });

  it('refers to a listed investigator, or to nobody', () => {
    const schema = referralSchema([7, 9]);
    expect(schema.parse({ investigator: '' })).toEqual({ investigator: null });
    expect(schema.parse({ investigator: '9' })).toEqual({ investigator: 9 });
    expect(schema.safeParse({ investigator: '8' }).error?.issues[0]).toMatchObject({
      path: ['investigator'],
      message: 'Select an investigator from the list, or No investigator',
    });
  });
});
