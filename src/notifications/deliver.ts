import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import { open } from '#src/speakup/seal.ts';
import { listPendingMessages, markFailed, markSent, sealedPart } from './outbox.ts';

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
export async function deliverPendingMessages(
  db: Db,
  transport: Transporter,
  from: string,
  clock: () => Date,
  openSealedAddress: (sealed: string) => string = () => {
    throw new Error('This message’s address is sealed and no key was given to open it');
  },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let batch = await listPendingMessages(db, BATCH_SIZE); batch.length > 0; batch = await listPendingMessages(db, BATCH_SIZE)) {
    for (const message of batch) {
      const sealed = sealedPart(message.toAddress);
      try {
        const to = sealed === undefined ? message.toAddress : openSealedAddress(sealed);
        await transport.sendMail({ from, to, subject: message.subject, text: message.body });
        await markSent(db, message.id, clock(), sealed !== undefined);
        result.sent += 1;
      } catch (error) {
        await markFailed(db, message.id, error instanceof Error ? error.message : String(error));
        result.failed += 1;
      }
    }
  }
  return result;
}

/** Sends the outbox through the configured mail server, if there is one. */
export async function deliverOutbox(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'speakUpKeys'>, clock: () => Date): Promise<DeliveryResult> {
  if (!config.smtpUrl) return { sent: 0, failed: 0 };
  return deliverPendingMessages(db, createSmtpTransport(config.smtpUrl), config.mailFrom, clock, (sealed) => open(config.speakUpKeys, 'notify-address', sealed));
}
