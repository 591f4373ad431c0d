import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import { deliverOutbox } from '#src/notifications/deliver.ts';
import { notifyManagersOfNewSignals } from './digest.ts';

/**
 * What an import does once the engine has written its new signals: queue one digest per manager,
 * then send the outbox when SMTP is configured (without it, messages wait for admins to read).
 * Delivery failures are recorded on each message, never thrown, so they cannot undo an import.
 */
export async function announceNewSignals(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'speakUpKeys'>,
  changes: { signalIds: readonly number[]; importId: number | null },
  clock: () => Date,
): Promise<{ queued: number; sent: number; failed: number }> {
  const messageIds = await notifyManagersOfNewSignals(db, { ...changes, publicUrl: config.publicUrl }, clock());
  return { queued: messageIds.length, ...(await deliverOutbox(db, config, clock)) };
}
