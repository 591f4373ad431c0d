import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '#src/db/client.ts';
import { listPendingMessages, markFailed, markSent } from './outbox.ts';

const BATCH_SIZE = 100;

/** An SMTP transport for the configured address (smtp:// or smtps://, credentials in the URL). */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Sends every message still waiting in the outbox, recording when each was sent or why it was not.
 * A failed message keeps its error and is not retried, so an admin sees it on the outbox page.
 */
export async function deliverPendingMessages(db: Db, transport: Transporter, from: string, clock: () => Date): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let batch = await listPendingMessages(db, BATCH_SIZE); batch.length > 0; batch = await listPendingMessages(db, BATCH_SIZE)) {
    for (const message of batch) {
      try {
        await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body });
        await markSent(db, message.id, clock());
        result.sent += 1;
      } catch (error) {
        await markFailed(db, message.id, error instanceof Error ? error.message : String(error));
        result.failed += 1;
      }
    }
  }
  return result;
}
