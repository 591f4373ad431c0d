import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import type { AfterApply } from '#src/imports/after-apply.ts';
import { announceNewSignals } from '#src/signals/announce.ts';
import type { MetricSource } from './catalogue.ts';
import { RecomputeQueue } from './recompute-queue.ts';

/**
 * The scorecard sources each import kind feeds. Structure and assignments are every metric's
 * denominator (staff in post), so they recompute everything; equality data feeds the equality
 * measures; people's names feed no scorecard metric.
 */
export const SOURCES_BY_KIND: Readonly<Record<string, readonly MetricSource[] | 'all'>> = {
  'organisation-structure': 'all',
  'esr-people': [],
  'esr-assignments': 'all',
  'esr-equality': ['equality'],
  establishment: ['retention'],
  starters: ['retention'],
  leavers: ['retention'],
  'sickness-absence': ['sickness'],
  appraisals: ['development'],
  'training-compliance': ['development'],
  'employee-relations-cases': ['employee-relations'],
  complaints: ['patient-feedback'],
  compliments: ['patient-feedback'],
  'staff-survey-responses': ['survey'],
  'staff-survey-team-results': ['survey'],
  'ambulance-response-times': ['operational', 'patient-feedback'],
  'call-handling': ['operational'],
  'speak-up-concerns': ['speak-up'],
};

type Announcer = Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'speakUpKeys'>;

/**
 * The queue that recomputes the scorecard after imports, one run at a time, and tells the managers
 * of units with new signals (one digest each).
 */
export function scorecardQueue(db: Db, config: Announcer, clock: () => Date): RecomputeQueue {
  return new RecomputeQueue(db, clock, async (result, options) => {
    if (result.signalsCreated.length === 0) return;
    await announceNewSignals(db, config, { signalIds: result.signalsCreated, importId: options.importId ?? null }, clock);
  });
}

/** After an applied import: recompute what it touched and wait for it (imports already run off the request path). */
export function recomputeAfterImport(queue: RecomputeQueue): AfterApply {
  return async (_db, batch) => {
    const sources = SOURCES_BY_KIND[batch.kind];
    if (sources === undefined) throw new Error(`No scorecard sources are declared for the import kind ${batch.kind}`);
    if (sources !== 'all' && sources.length === 0) return;
    await queue.enqueue({ sources: sources === 'all' ? 'all' : [...sources], importId: batch.id });
  };
}
