import { describe, expect, it } from 'vitest';
import { OrgTree } from '#src/org/tree.ts';
import type { CaseRow } from '../store.ts';
import { attachmentHeaders, formatBytes } from '../attachments.ts';
import { byPriority, caseAgeDays, caseDeadlines, inboxSummary, inboxView, triageOptions, whereOptions } from './present.ts';

const TODAY = '2026-11-02';

const tree = new OrgTree([
  { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
  { id: 2, code: 'EO', name: 'Emergency Operations', level: 'directorate', parentId: 1 },
  { id: 3, code: 'EO-N', name: 'North hub', level: 'area', parentId: 2 },
  { id: 4, code: 'EO-N-1', name: 'North team 1', level: 'team', parentId: 3 },
  { id: 5, code: 'CS', name: 'Corporate Services', level: 'directorate', parentId: 1 },
]);

function caseRow(overrides: Partial<CaseRow>): CaseRow {
  return {
    id: 1,
    origin: 'raised',
    reference: 'SU-2026-0001',
    raisedAs: 'anonymous',
    receivedOn: '2026-10-01',
    unitId: null,
    categories: ['other'],
    detrimentIndicated: false,
    workerGroup: null,
    urgency: 'routine',
    status: 'new',
    acknowledgedOn: null,
    firstFeedbackOn: null,
    closedOn: null,
    investigatorAccountId: null,
    wouldSpeakUpAgain: null,
    detrimentAfterClosure: null,
    outcomeSealed: null,
    lessonsSealed: null,
    reporterNameSealed: null,
    reporterContactSealed: null,
    notifyAddressSealed: null,
    receiptLookup: null,
    passphraseHash: null,
    replyWaiting: false,
    redactedOn: null,
    importId: null,
    ...overrides,
  };
}

describe('deadlines', () => {
  it('flags an acknowledgement past its 7 days as overdue and feedback within 3 months as on time', () => {
    const deadlines = caseDeadlines(caseRow({ receivedOn: '2026-10-20' }), TODAY);
    expect(deadlines.acknowledge).toEqual({ due: '2026-10-27', doneOn: null, state: 'overdue' });
    expect(deadlines.feedback).toEqual({ due: '2027-01-19', doneOn: null, state: 'on-time' });
  });

  it('shows a deadline 3 days or fewer away as due soon, and a met one as done', () => {
    expect(caseDeadlines(caseRow({ receivedOn: '2026-10-28' }), TODAY).acknowledge.state).toBe('due-soon');
    expect(caseDeadlines(caseRow({ receivedOn: '2026-10-20', acknowledgedOn: '2026-10-30' }), TODAY).acknowledge).toEqual({
      due: '2026-10-27',
      doneOn: '2026-10-30',
      state: 'done',
    });
  });

  it('counts closure as meeting both deadlines, even with no dates recorded (imported logs)', () => {
    const deadlines = caseDeadlines(caseRow({ receivedOn: '2024-01-10', status: 'closed', closedOn: '2024-06-01' }), TODAY);
    expect(deadlines.acknowledge).toEqual({ due: '2024-01-17', doneOn: null, state: 'done' });
    expect(deadlines.feedback.state).toBe('done');
  });

  it('ages an open case to today and a closed one to its closing day', () => {
    expect(caseAgeDays({ receivedOn: '2026-10-20', closedOn: null }, TODAY)).toBe(13);
    expect(caseAgeDays({ receivedOn: '2026-10-20', closedOn: '2026-10-25' }, TODAY)).toBe(5);
  });
});

describe('inbox order and summary', () => {
  const urgentOverdue = caseRow({ id: 1, receivedOn: '2026-10-20', urgency: 'urgent' });
  const overdue = caseRow({ id: 2, receivedOn: '2026-10-10' });
  const urgent = caseRow({ id: 3, receivedOn: '2026-11-01', urgency: 'urgent' });
  const dueSoon = caseRow({ id: 4, receivedOn: '2026-10-28' });
  const calm = caseRow({ id: 5, receivedOn: '2026-10-01', status: 'acknowledged', acknowledgedOn: '2026-10-02' });
  const closedOld = caseRow({ id: 6, receivedOn: '2025-01-01', status: 'closed', closedOn: '2025-03-01' });
  const closedNew = caseRow({ id: 7, receivedOn: '2026-01-01', status: 'closed', closedOn: '2026-03-01' });

  it('puts urgent overdue cases first, then overdue, urgent, due soon, the rest, then closed newest first', () => {
    const sorted = byPriority([closedOld, calm, dueSoon, closedNew, urgent, overdue, urgentOverdue], TODAY);
    expect(sorted.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 7, 6]);
  });

  it('orders cases of equal urgency by their next due date', () => {
    const earlier = caseRow({ id: 8, receivedOn: '2026-09-01' });
    expect(byPriority([overdue, earlier], TODAY).map((row) => row.id)).toEqual([8, 2]);
  });

  it('counts new cases and overdue deadlines among open cases only', () => {
    const overdueFeedback = caseRow({ id: 9, receivedOn: '2026-07-01', status: 'referred', acknowledgedOn: '2026-07-02' });
    expect(inboxSummary([urgentOverdue, overdue, urgent, calm, overdueFeedback, closedOld], TODAY)).toEqual({
      new: 3,
      overdueAcknowledgement: 2,
      overdueFeedback: 1,
    });
  });

  it('reads the view from the query and refuses an unknown one', () => {
    expect(inboxView(undefined)).toBe('open');
    expect(inboxView('')).toBe('open');
    expect(inboxView('closed')).toBe('closed');
    expect(inboxView('secret')).toBeUndefined();
  });
});

describe('triage choices', () => {
  it('offers directorates and areas, never a team unless the case already names it', () => {
    expect(whereOptions(tree, null)).toEqual([
      { id: 5, name: 'Corporate Services' },
      { id: 2, name: 'Emergency Operations' },
      { id: 3, name: '– North hub' },
    ]);
    expect(whereOptions(tree, 4).map((unit) => unit.name)).toContain('– – North team 1');
  });

  it('offers the categories of the day the case arrived, plus any it already holds', () => {
    const before2022 = triageOptions(caseRow({ receivedOn: '2021-06-01', categories: [] }), tree).categories.map((c) => c.value);
    expect(before2022).toContain('behaviours');
    expect(before2022).not.toContain('bullying_or_harassment');
    const now = triageOptions(caseRow({ receivedOn: '2026-10-01', categories: ['behaviours'] }), tree).categories.map((c) => c.value);
    expect(now).toContain('bullying_or_harassment');
    expect(now.at(-1)).toBe('behaviours');
  });

  it('keeps a worker group the case holds from an imported log', () => {
    expect(triageOptions(caseRow({ workerGroup: 'Bank staff' }), tree).workerGroups).toContain('Bank staff');
  });
});

describe('attachments', () => {
  it('names downloads generically and gives sizes in words', () => {
    expect(attachmentHeaders(12, 'image/png')['Content-Disposition']).toBe('attachment; filename="speak-up-attachment-12.png"');
    expect(attachmentHeaders(13, 'application/pdf')).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="speak-up-attachment-13.bin"' });
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
