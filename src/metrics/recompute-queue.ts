import type { Db } from '#src/db/client.ts';
import type { MetricSource } from './catalogue.ts';
import { recomputeScorecard, type RecomputeOptions, type RecomputeResult } from './recompute.ts';

/**
 * Runs recomputes one at a time, off the request path: a web request calls `schedule` and returns;
 * requests waiting while a run is in progress merge into one run (their sources joined; the latest
 * import id). Tests await `enqueue` or `whenIdle`.
 */
export class RecomputeQueue {
  private pending: { sources: Set<MetricSource> | 'all'; importId: number | undefined; waiters: ((r: Promise<RecomputeResult>) => void)[] } | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private active = 0;
  /** The last failure of a scheduled run (nothing else reports it: the request has returned). */
  lastError: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly onResult?: (result: RecomputeResult, options: RecomputeOptions) => void | Promise<void>,
  ) {}

  /** Queues a recompute and resolves with its result (or rejects with its error). */
  enqueue(options: RecomputeOptions = {}): Promise<RecomputeResult> {
    return new Promise<Promise<RecomputeResult>>((resolve) => {
      if (this.pending) {
        const p = this.pending;
        if (options.sources === undefined || options.sources === 'all' || p.sources === 'all') p.sources = 'all';
        else for (const s of options.sources) p.sources.add(s);
        p.importId = options.importId ?? p.importId;
        p.waiters.push(resolve);
        return;
      }
      const job = { sources: options.sources === undefined || options.sources === 'all' ? ('all' as const) : new Set(options.sources), importId: options.importId, waiters: [resolve] };
      this.pending = job;
      this.active++;
      this.running = this.running.then(async () => {
        this.pending = null;
        const run: RecomputeOptions = { sources: job.sources === 'all' ? 'all' : [...job.sources], ...(job.importId === undefined ? {} : { importId: job.importId }) };
        const result = recomputeScorecard(this.db, run, this.clock()).then(async (r) => {
          await this.onResult?.(r, run);
          return r;
        });
        for (const waiter of job.waiters) waiter(result);
        await result.catch(() => undefined);
        this.active--;
      });
    }).then((result) => result);
  }

  /** Fire and forget: a failure is kept in `lastError`. */
  schedule(options: RecomputeOptions = {}): void {
    this.enqueue(options).catch((error: unknown) => {
      this.lastError = error;
    });
  }

  isIdle(): boolean {
    return this.active === 0;
  }

  /** Resolves once every queued run has finished. */
  async whenIdle(): Promise<void> {
    while (!this.isIdle()) await this.running;
  }
}
