import { describe, expect, it } from 'vitest';
import { normaliseHeader, planHeaders } from './headers.ts';
import { findKind } from './kinds/index.ts';

const kind = (name: string) => {
  const found = findKind(name);
  if (!found) throw new Error(name);
  return found;
};

describe('planHeaders', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseHeader(' Length of Service (Years) ')).toBe('lengthofserviceyears');
    const plan = planHeaders(kind('appraisals'), ['STAFF_NUMBER', 'org code', 'Appraisal  Date'], {});
    expect([...plan.columns]).toEqual([
      ['staffNumber', 0],
      ['unitCode', 1],
      ['appraisalDate', 2],
    ]);
    expect(plan.unknown).toEqual([]);
    expect(plan.missing).toEqual([]);
  });

  it('knows ESR’s other spellings', () => {
    const plan = planHeaders(kind('esr-people'), ['Employee Number', 'Forename', 'Surname'], {});
    expect(plan.unknown).toEqual([]);
    expect(plan.missing).toEqual([]);
    expect(plan.columns.get('email')).toBeUndefined();
  });

  it('lists unknown headers and missing columns, and uses a mapping', () => {
    const unmapped = planHeaders(kind('establishment'), ['Month', 'Cost Centre', 'Funded'], {});
    expect(unmapped.unknown).toEqual(['Cost Centre', 'Funded']);
    expect(unmapped.missing.map((c) => c.name)).toEqual(['unitCode', 'budgetedFte']);
    const mapped = planHeaders(kind('establishment'), ['Month', 'Cost Centre', 'Funded', 'Notes'], { 'cost centre': 'unitCode', Funded: 'budgetedFte', Notes: 'ignore' });
    expect(mapped.unknown).toEqual([]);
    expect(mapped.missing).toEqual([]);
  });

  it('flags two headers for one column', () => {
    const plan = planHeaders(kind('esr-people'), ['Staff Number', 'Employee Number', 'First Name', 'Last Name'], {});
    expect([...plan.repeated]).toEqual([['staffNumber', ['Staff Number', 'Employee Number']]]);
  });

  it('takes survey question columns by pattern', () => {
    const plan = planHeaders(kind('staff-survey-responses'), ['Survey Year', 'Respondent ID', 'Organisation Code', 'Q2A', 'q25e', 'Comments'], {});
    expect([...plan.extra.keys()]).toEqual(['Q2A', 'q25e']);
    expect(plan.unknown).toEqual(['Comments']);
  });
});
