import { and, asc, eq, ne } from 'drizzle-orm';
import { hashPassword } from '#src/auth/password.ts';
import type { Db } from '#src/db/client.ts';
import { speakUpCase } from '#src/db/schema.ts';
import { normaliseReceiptCode, receiptLookup } from '#src/speakup/receipt.ts';
import { addDays } from '#src/speakup/rules.ts';
import type { KeyRing } from '#src/speakup/seal.ts';
import { addMessage } from '#src/speakup/store.ts';

/** A receipt the demo prints, so the reporter's side can be tried on the demo trust. Demo only. */
export const DEMO_RECEIPT = { code: 'VSDM-0000-0000-0000-0001', passphrase: 'demo speak up' } as const;

/** What reporters wrote, by the case's first category. Synthetic: no person, place or event is real. */
const CONCERNS: Readonly<Record<string, readonly string[]>> = {
  patient_safety: [
    'Two of the defibrillators on the vehicles at our station have failed their daily checks three times this month. Each time we were told to carry on with a spare from another vehicle. I am worried a crew will go out without a working one.',
    'Handover delays at the hospital mean crews are held outside for hours and patients waiting in the community are not being reached. Staff are being told not to record the delays accurately.',
    'A patient was left at home after a fall because the clinical hub said the job could wait, and the crew were told not to question it. I think the way we are prioritising fallers is unsafe.',
  ],
  worker_safety: [
    'We are regularly finishing shifts two or three hours late with no meal break. Several of us have nearly fallen asleep driving home. When we raised it we were told everyone is in the same position.',
    'The lighting in the station yard has been broken for months and a colleague was assaulted there last winter. Nothing has been repaired despite several reports.',
  ],
  behaviours: [
    'A senior colleague shouts at newer staff in front of patients and the rest of the team. People are afraid to challenge it.',
  ],
  bullying_or_harassment: [
    'One of the team leaders singles out a colleague, criticising them in front of others and giving them the worst shifts. I have seen it happen many times and I am worried about their wellbeing.',
    'I have been repeatedly excluded from training opportunities and spoken about in the group chat in a way that feels targeted. I do not feel I can raise it with my manager because they are part of it.',
  ],
  inappropriate_attitudes: [
    'Comments are made in the crew room about colleagues’ accents and backgrounds and passed off as banter. Managers have been present and said nothing.',
    'Students on placement are treated dismissively and told not to ask questions. Some have said they do not want to come back.',
  ],
  sexual_safety: [
    'A colleague has made repeated comments of a sexual nature to female staff on night shifts. Some people have stopped swapping onto his shifts but nothing formal has happened.',
  ],
  other: [
    'Overtime is being offered to the same small group of people before it is advertised to everyone. It does not feel fair and people have stopped asking about it.',
  ],
};

const GUARDIAN_REPLIES = {
  acknowledge:
    'Thank you for speaking up. I have read what you have written and I will treat it seriously. I will look into this and come back to you; in the meantime you can add anything else here at any time.',
  question:
    'Thank you for your patience. To help me understand, can you tell me roughly how long this has been happening and whether anyone else has raised it before? Please do not include anything that would identify you if you would rather not.',
  update:
    'An update: I have raised this with the senior manager responsible, without sharing anything that would identify you. They have agreed to review it and I will let you know what happens.',
} as const;

const REPORTER_ANSWER = 'It has been going on for about six months. I know at least two others have mentioned it informally but nothing changed.';
const INTERNAL_NOTE = 'Discussed with the head of operations in confidence; agreed an independent look at rota patterns. Reporter not named.';

function pick(options: readonly string[], index: number): string {
  return options[index % options.length] ?? '';
}

/**
 * Gives the demo trust live cases: the open concerns from the Guardian's imported log become cases
 * raised in Vitals, with the conversation a Guardian would have had so far. Counts do not change,
 * so the scorecard reads the same. The newest anonymous one opens with DEMO_RECEIPT.
 */
export async function bringDemoConcernsToLife(db: Db, ring: KeyRing, accounts: { guardian: number; investigator: number }, today: string): Promise<number> {
  const notAfterToday = (day: string) => (day > today ? today : day);
  const open = await db
    .select()
    .from(speakUpCase)
    .where(and(eq(speakUpCase.origin, 'imported'), ne(speakUpCase.status, 'closed')))
    .orderBy(asc(speakUpCase.receivedOn), asc(speakUpCase.id));
  const demoReceiptCase = open.findLast((row) => row.raisedAs === 'anonymous') ?? open.at(-1);
  const demoCode = normaliseReceiptCode(DEMO_RECEIPT.code);
  if (!demoCode) throw new Error('demo receipt code is not a receipt code');
  const demoPassphraseHash = await hashPassword(DEMO_RECEIPT.passphrase);

  for (const [index, row] of open.entries()) {
    const firstCategory = row.categories[0] ?? 'other';
    const isUrgent = row.categories.includes('patient_safety') && index % 3 === 0;
    const isDemoReceipt = row.id === demoReceiptCase?.id;
    const referred = !isDemoReceipt && index % 4 === 1;
    await db
      .update(speakUpCase)
      .set({
        origin: 'raised',
        urgency: isUrgent ? 'urgent' : 'routine',
        status: referred ? 'referred' : row.status,
        investigatorAccountId: referred ? accounts.investigator : null,
        receiptLookup: isDemoReceipt ? receiptLookup(demoCode) : null,
        passphraseHash: isDemoReceipt ? demoPassphraseHash : null,
      })
      .where(eq(speakUpCase.id, row.id));
    const message = (author: 'reporter' | 'guardian', body: string, on: string, internal = false) =>
      addMessage(db, ring, { caseId: row.id, author, authorAccountId: author === 'guardian' ? accounts.guardian : null, internal, body }, notAfterToday(on));
    await message('reporter', pick(CONCERNS[firstCategory] ?? CONCERNS.other ?? [], index), row.receivedOn);
    if (!row.acknowledgedOn) continue;
    await message('guardian', GUARDIAN_REPLIES.acknowledge, row.acknowledgedOn);
    if (index % 2 === 0) {
      await message('guardian', GUARDIAN_REPLIES.question, addDays(row.acknowledgedOn, 7));
      if (index % 4 === 0) await message('reporter', REPORTER_ANSWER, addDays(row.acknowledgedOn, 9));
    }
    if (referred) {
      await message('guardian', INTERNAL_NOTE, addDays(row.acknowledgedOn, 10), true);
      await message('guardian', GUARDIAN_REPLIES.update, addDays(row.acknowledgedOn, 14));
    }
    // The log had acknowledged the case already, so the acknowledgement above counted as feedback.
    const firstFeedbackOn = index % 2 === 0 ? addDays(row.acknowledgedOn, 7) : referred ? addDays(row.acknowledgedOn, 14) : null;
    await db.update(speakUpCase).set({ firstFeedbackOn: firstFeedbackOn && notAfterToday(firstFeedbackOn) }).where(eq(speakUpCase.id, row.id));
  }
  // The Guardian's replies above are history, not news: only new replies should show as waiting.
  await db.update(speakUpCase).set({ replyWaiting: false }).where(eq(speakUpCase.origin, 'raised'));
  return open.length;
}
