import { describe, expect, it } from 'vitest';
import { parseActionOutcome, parseNewAction, readDateInput } from './forms.ts';

const TODAY = '2026-11-02';
const date = (name: string, day: string, month: string, year: string) => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });

describe('readDateInput', () => {
  it('joins day, month and year', () => {
    expect(readDateInput(date('dueOn', '3', '12', '2026'), 'dueOn', 'due date', TODAY)).toEqual({ ok: true, date: '2026-12-03' });
    expect(readDateInput(date('dueOn', ' 02 ', '11', '2026'), 'dueOn', 'due date', TODAY)).toEqual({ ok: true, date: '2026-11-02' });
  });

  it('says what is missing or wrong, in NHS wording', () => {
    expect(readDateInput({}, 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Enter the due date' });
    expect(readDateInput(date('dueOn', '3', '', ''), 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Due date must include a month and year' });
    expect(readDateInput(date('dueOn', '31', '2', '2027'), 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Due date must be a real date' });
    expect(readDateInput(date('dueOn', '1', 'March', '2027'), 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Due date must be a real date' });
    expect(readDateInput(date('dueOn', '1', '3', '27'), 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Due date must be a real date' });
    expect(readDateInput(date('dueOn', '1', '11', '2026'), 'dueOn', 'due date', TODAY)).toEqual({ ok: false, error: 'Due date must be today or in the future' });
  });
});

describe('parseNewAction', () => {
  it('names every field that is wrong', () => {
    const result = parseNewAction({ description: ' ', owner: '', ...date('reviewOn', '1', '1', '2020') }, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: {
        description: 'Enter what will be done',
        owner: 'Enter who will do it',
        dueOn: 'Enter the due date',
        reviewOn: 'Review date must be today or in the future',
      },
    });
  });

  it('returns the action with ISO dates', () => {
    const result = parseNewAction({ description: 'Team meeting', owner: 'Sam', ...date('dueOn', '1', '12', '2026'), ...date('reviewOn', '15', '1', '2027') }, TODAY);
    expect(result).toEqual({ ok: true, data: { description: 'Team meeting', owner: 'Sam', dueOn: '2026-12-01', reviewOn: '2027-01-15' } });
  });
});

describe('parseActionOutcome', () => {
  it('keeps the error on the field of that action', () => {
    expect(parseActionOutcome({ 'outcome-7': '' }, 7)).toEqual({ ok: false, errors: { 'outcome-7': 'Enter what the action achieved' } });
    expect(parseActionOutcome({ 'outcome-7': ' Done ' }, 7)).toEqual({ ok: true, outcome: 'Done' });
  });
});
