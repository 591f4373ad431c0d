import { describe, expect, it } from 'vitest';
import type { References } from './define.ts';
import { IMPORT_KINDS, findKind } from './index.ts';

const references: References = { units: new Map([['TEAM-A', 1], ['DIR', 2]]), people: new Map([['1001', 1], ['1002', 2]]) };

/** A good row and a bad row per kind (by column name), and the messages the bad row must get. */
const CASES: Record<string, { good: Record<string, string>; bad: Record<string, string>; messages: Record<string, string> }> = {
  'organisation-structure': {
    good: { code: 'TEAM-B', name: 'Team B', level: 'team', parentCode: 'DIR', openedOn: '2020-01-01', closedOn: '' },
    bad: { code: 'TEAM-C', name: '', level: 'ward', parentCode: 'DIR', openedOn: '2020-01-01', closedOn: '2019-01-01' },
    messages: { name: 'the unit’s name', level: 'one of: trust, directorate, area, team' },
  },
  'esr-people': {
    good: { staffNumber: '1003', givenName: 'Ada', familyName: 'Lovelace', email: '' },
    bad: { staffNumber: '10 03', givenName: 'Ada', familyName: '', email: 'not-an-email' },
    messages: { staffNumber: 'a staff number (letters and digits)', familyName: 'the person’s last name' },
  },
  'esr-assignments': {
    good: { assignmentNumber: '1001-1', staffNumber: '1001', unitCode: 'TEAM-A', unitName: '', jobTitle: 'Paramedic', staffGroup: 'AHP', band: 'Band 6', fte: '1', lineManager: '1002', startDate: '2020-01-01', endDate: '' },
    bad: { assignmentNumber: '1001-1', staffNumber: '1001', unitCode: 'TEAM-A', unitName: '', jobTitle: 'Paramedic', staffGroup: 'AHP', band: 'Band 6', fte: '2', lineManager: '', startDate: '2020-01-01', endDate: '2020-31-12' },
    messages: { fte: 'a number of FTE between 0 and 1.5', endDate: 'a date as YYYY-MM-DD or DD/MM/YYYY, or blank' },
  },
  'esr-equality': {
    good: { staffNumber: '1001', ethnicity: 'Not stated', ethnicGroup: 'Not stated', disability: 'No', sex: 'Female', ageBand: '35-44' },
    bad: { staffNumber: '', ethnicity: 'Not stated', ethnicGroup: 'Not stated', disability: 'No', sex: 'Female', ageBand: '' },
    messages: { staffNumber: 'a staff number (letters and digits)', ageBand: 'an age band such as 35-44' },
  },
  establishment: {
    good: { month: '2024-01', unitCode: 'TEAM-A', budgetedFte: '12.5' },
    bad: { month: '2024/01', unitCode: 'TEAM-A', budgetedFte: '-1' },
    messages: { month: 'a month as YYYY-MM', budgetedFte: 'a number of FTE, 0 or more' },
  },
  starters: {
    good: { staffNumber: '1001', unitCode: 'TEAM-A', jobTitle: 'EMT', staffGroup: 'ACS', band: '4', fte: '0.6', startDate: '01/02/2024' },
    bad: { staffNumber: '1001', unitCode: 'TEAM-A', jobTitle: 'EMT', staffGroup: 'ACS', band: '', fte: 'one', startDate: '2024-02-01' },
    messages: { band: 'a grade such as "Band 6", "Band 8a", "VSM" or a medical grade', fte: 'a number of FTE between 0 and 1.5' },
  },
  leavers: {
    good: { staffNumber: '1001', unitCode: 'TEAM-A', jobTitle: 'EMT', staffGroup: 'ACS', band: '4', fte: '1', terminationDate: '2024-03-31', reason: 'Retirement Age', lengthOfServiceYears: '12' },
    bad: { staffNumber: '1001', unitCode: 'TEAM-A', jobTitle: 'EMT', staffGroup: 'ACS', band: '4', fte: '1', terminationDate: '2024-03-31', reason: '', lengthOfServiceYears: '90' },
    messages: { reason: 'an ESR leaving reason', lengthOfServiceYears: 'a number of years between 0 and 70' },
  },
  'sickness-absence': {
    good: { staffNumber: '1001', unitCode: 'TEAM-A', startDate: '2024-01-01', endDate: '', calendarDaysLost: '3', fteDaysLost: '2.4', reason: 'S11 Back Problems' },
    bad: { staffNumber: '1001', unitCode: 'TEAM-A', startDate: '2024-01-01', endDate: '', calendarDaysLost: '-3', fteDaysLost: 'x', reason: 'S11 Back Problems' },
    messages: { calendarDaysLost: 'a number of days, 0 or more', fteDaysLost: 'a number of days, 0 or more' },
  },
  appraisals: {
    good: { staffNumber: '1001', unitCode: 'TEAM-A', appraisalDate: '2024-05-01' },
    bad: { staffNumber: '1001', unitCode: 'TEAM-A', appraisalDate: 'May' },
    messages: { appraisalDate: 'a date as YYYY-MM-DD or DD/MM/YYYY' },
  },
  'training-compliance': {
    good: { month: '2024-01', unitCode: 'TEAM-A', competence: 'Fire Safety', required: '20', compliant: '18' },
    bad: { month: '2024-01', unitCode: 'TEAM-A', competence: '', required: '20.5', compliant: '18' },
    messages: { competence: 'a competence (course) name', required: 'a whole number of staff, 0 or more' },
  },
  'employee-relations-cases': {
    good: { reference: 'ER-1', caseType: 'grievance', staffNumber: '1001', unitCode: 'TEAM-A', openedOn: '2024-01-01', closedOn: '', outcome: '' },
    bad: { reference: 'ER-1', caseType: 'Complaint', staffNumber: '1001', unitCode: 'TEAM-A', openedOn: '2024-01-01', closedOn: '', outcome: '' },
    messages: { caseType: 'one of: Disciplinary, Grievance, Bullying and harassment, Capability' },
  },
  complaints: {
    good: { reference: 'COM-1', receivedOn: '2024-01-01', unitCode: 'TEAM-A', subject: 'Communication', outcome: '' },
    bad: { reference: '', receivedOn: '2024-01-01', unitCode: 'TEAM-A', subject: 'Communication', outcome: '' },
    messages: { reference: 'a complaint reference' },
  },
  compliments: {
    good: { reference: 'CPL-1', receivedOn: '2024-01-01', unitCode: 'TEAM-A', theme: 'Kindness' },
    bad: { reference: 'CPL-1', receivedOn: '2024-01-01', unitCode: 'TEAM-A', theme: '' },
    messages: { theme: 'the compliment’s theme' },
  },
  'staff-survey-responses': {
    good: { surveyYear: '2024', respondentId: 'R1', unitCode: 'TEAM-A' },
    bad: { surveyYear: '24', respondentId: 'R1', unitCode: 'TEAM-A' },
    messages: { surveyYear: 'a year as YYYY' },
  },
  'staff-survey-team-results': {
    good: { surveyYear: '2024', unitCode: 'TEAM-A', measure: 'staff_engagement', respondents: '23', score: '6.8' },
    bad: { surveyYear: '2024', unitCode: 'TEAM-A', measure: 'staff_engagement', respondents: 'many', score: '101' },
    messages: { respondents: 'a whole number of respondents, 0 or more', score: 'a score between 0 and 100' },
  },
  'ambulance-response-times': {
    good: { month: '2024-01', unitCode: 'TEAM-A', incidents: '100', c1Mean: '0:07:57', c1P90: '0:14:09', c2Mean: '0:39:34', c2P90: '1:27:03', c3P90: '3:56:22', c4P90: '5:19:06', handovers: '50', within15: '20', within30: '35', within60: '45' },
    bad: { month: '2024-01', unitCode: 'TEAM-A', incidents: '100', c1Mean: 'slow', c1P90: '0:14:09', c2Mean: '0:39:34', c2P90: '1:27:03', c3P90: '3:56:22', c4P90: '5:19:06', handovers: '50', within15: '20', within30: '35', within60: '-1' },
    messages: { c1Mean: 'a time as h:mm:ss (for example 0:07:57) or whole seconds', within60: 'a whole number, 0 or more' },
  },
  'call-handling': {
    good: { month: '2024-01', service: 'NHS 111', unitCode: 'TEAM-A', received: '100', answered: '90', within5: '50', within60: '80', meanSeconds: '12', p90Seconds: '40' },
    bad: { month: '2024-01', service: '112', unitCode: 'TEAM-A', received: '100', answered: '90', within5: '50', within60: '80', meanSeconds: '12', p90Seconds: '40' },
    messages: { service: '999 or NHS 111' },
  },
  'speak-up-concerns': {
    good: { reference: 'FTSU-1', receivedOn: '2024-01-01', unitCode: 'TEAM-A', directorateCode: 'DIR', raised: 'Openly', patientSafety: 'No', workerSafety: 'Yes', bullyingOrHarassment: 'No', inappropriateAttitudes: '', sexualSafety: 'No', other: 'No', detrimentIndicated: 'No', workerGroup: '', acknowledgedOn: '', closedOn: '', wouldSpeakUpAgain: '' },
    bad: { reference: 'FTSU-1', receivedOn: '2024-01-01', unitCode: 'TEAM-A', directorateCode: 'DIR', raised: 'Loudly', patientSafety: 'No', workerSafety: 'Perhaps', bullyingOrHarassment: 'No', inappropriateAttitudes: '', sexualSafety: 'No', other: 'No', detrimentIndicated: 'No', workerGroup: '', acknowledgedOn: '', closedOn: '', wouldSpeakUpAgain: '' },
    messages: { raised: 'one of: Anonymously, Confidentially, Openly', workerSafety: 'Yes or No' },
  },
};

describe('every kind', () => {
  it('has a validation case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(IMPORT_KINDS.map((k) => k.name).sort());
  });

  for (const [name, { good, bad, messages }] of Object.entries(CASES)) {
    it(`${name}: takes a good row and explains what is wrong with a bad one`, () => {
      const kind = findKind(name);
      if (!kind) throw new Error(name);
      expect(Object.keys(good).sort()).toEqual(kind.columns.map((c) => c.name).sort());
      const parsed = kind.parse(good, {}, references);
      expect('issues' in parsed ? parsed.issues : []).toEqual([]);
      const refused = kind.parse(bad, {}, references);
      if (!('issues' in refused)) throw new Error('the bad row was accepted');
      expect(Object.fromEntries(refused.issues.map((issue) => [issue.column, issue.expected]))).toEqual(messages);
    });
  }

  it('checks references and rules across cells', () => {
    const starters = findKind('starters');
    const sickness = findKind('sickness-absence');
    const structure = findKind('organisation-structure');
    if (!starters || !sickness || !structure) throw new Error('kinds');
    const unknown = starters.parse({ ...CASES.starters?.good, staffNumber: '9999', unitCode: 'TEAM-Z' }, {}, references);
    expect('issues' in unknown && unknown.issues.map((i) => i.column)).toEqual(['staffNumber', 'unitCode']);
    const backwards = sickness.parse({ ...CASES['sickness-absence']?.good, endDate: '2023-12-31' }, {}, references);
    expect('issues' in backwards && backwards.issues).toEqual([{ column: 'endDate', value: '2023-12-31', expected: 'a date on or after 2024-01-01' }]);
    const orphan = structure.parse({ ...CASES['organisation-structure']?.good, parentCode: 'NOWHERE' }, {}, references);
    if ('issues' in orphan) throw new Error('parent checked per row');
    expect(structure.checkFile([orphan.row], references)).toEqual([{ index: 0, issue: { column: 'parentCode', value: 'NOWHERE', expected: 'an organisation code in this file or already imported' } }]);
  });

  it('reads survey answers from question columns', () => {
    const survey = findKind('staff-survey-responses');
    if (!survey) throw new Error('kind');
    const refused = survey.parse({ surveyYear: '2024', respondentId: 'R1', unitCode: 'TEAM-A' }, { Q2A: '6', Q2B: '' }, references);
    expect('issues' in refused && refused.issues).toEqual([{ column: 'Q2A', expected: 'an answer from 1 (strongly disagree) to 5 (strongly agree), or blank' }]);
  });
});
