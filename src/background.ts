import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { RecomputeQueue } from './metrics/recompute-queue.ts';
import { deliverOutbox } from './notifications/deliver.ts';
import { queueGuardianDigests } from './speakup/guardian-digest.ts';
import { redactClosedCases } from './speakup/retention.ts';
import { logger } from './web/logger.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Work the server does on its own: send the outbox every minute (when a mail server is set); every
 * hour, queue the Guardians' daily digest if today's has not gone; once at start and then daily,
 * redact speak-up cases past their retention; daily, recompute the speak-up measures. Concerns raised in Vitals reach the scorecard through the daily run, never one run per
 * concern: a recompute's recorded time would otherwise say when an anonymous concern arrived.
 * A failed run is logged and tried again at the next tick; it never stops the server.
 */
export function startBackgroundJobs(db: Db, config: Config, clock: () => Date, scorecard: RecomputeQueue): () => void {
  const timers: NodeJS.Timeout[] = [];
  const every = (name: string, interval: number, job: () => Promise<unknown>, { now = false } = {}) => {
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        await job();
      } catch (error) {
        logger.error('background job failed', { job: name, error });
      } finally {
        running = false;
      }
    };
    if (now) void run();
    const timer = setInterval(() => void run(), interval);
    timer.unref();
    timers.push(timer);
  };
  if (config.smtpUrl) every('deliver outbox', MINUTE, () => deliverOutbox(db, config, clock));
  every('guardian digest', HOUR, () => queueGuardianDigests(db, config, clock()));
  every('speak-up retention', DAY, () => redactClosedCases(db, { months: config.speakUpRetentionMonths, now: clock(), actorAccountId: null }), { now: true });
  every('speak-up measures', DAY, () => scorecard.enqueue({ sources: ['speak-up'] }));
  return () => timers.forEach(clearInterval);
}
