import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import { queueMessage, sealedAddress } from '#src/notifications/outbox.ts';
import type { CaseRow } from './store.ts';

/**
 * Tells a reporter who gave an address that a reply is waiting, and nothing else: no reference,
 * no subject matter, no receipt code. The address stays sealed in the outbox (admins see it as
 * withheld) and is opened only by delivery.
 */
export async function queueReplyNotice(db: Db, config: Pick<Config, 'publicUrl'>, caseRow: Pick<CaseRow, 'id' | 'notifyAddressSealed'>, now: Date): Promise<number | undefined> {
  if (!caseRow.notifyAddressSealed) return undefined;
  return queueMessage(
    db,
    {
      to: sealedAddress(caseRow.notifyAddressSealed),
      subject: 'A reply is waiting for you',
      body: [
        'There is a new reply to the concern you raised with the Freedom to Speak Up Guardian.',
        `To read it, go to ${config.publicUrl}/speak-up/follow-up and enter your receipt code and passphrase.`,
        'You asked for this message when you raised your concern. Your address is deleted when your case closes.',
      ].join('\n\n'),
      context: { kind: 'speak-up-reply-waiting', speakUpCaseId: caseRow.id },
    },
    now,
  );
}
