import { createHmac, randomBytes } from 'node:crypto';

export interface AttemptLimits {
  /** Failures allowed within the window; the next attempt is refused. */
  maxFailures: number;
  windowMinutes: number;
}

/** Receipt code and passphrase: 5 wrong tries in 15 minutes, per client address and per receipt code. */
export const FOLLOW_UP_LIMITS: AttemptLimits = { maxFailures: 5, windowMinutes: 15 };

/**
 * Failed attempts counted in memory only: nothing reaches the database or the logs, and a restart
 * forgets everything. Keys are HMACs under a key made for this process, so the map never holds a
 * client address or receipt code. Callers pass `now`, so tests need no waiting.
 */
export class AttemptLimiter {
  private readonly secret = randomBytes(32);
  /** HMAC → times of recent failures (ms), oldest first; the map's order is least recently failed first. */
  private readonly failures = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limits: AttemptLimits = FOLLOW_UP_LIMITS,
    /** Bounds memory under a flood of made-up receipt codes: the least recently failed keys go first. */
    private readonly maxKeys = 100_000,
  ) {}

  private get windowMs(): number {
    return this.limits.windowMinutes * 60_000;
  }

  private hash(key: string): string {
    return createHmac('sha256', this.secret).update(key).digest('base64url');
  }

  private recent(hashed: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(hashed) ?? []).filter((at) => at > since);
  }

  /** True when any of the keys (e.g. `address:…`, `receipt:…`) has used up its failures. */
  isLimited(keys: readonly string[], now: Date): boolean {
    return keys.some((key) => this.recent(this.hash(key), now).length >= this.limits.maxFailures);
  }

  recordFailure(keys: readonly string[], now: Date): void {
    this.sweep(now);
    for (const key of keys) {
      const hashed = this.hash(key);
      const times = [...this.recent(hashed, now), now.getTime()].slice(-this.limits.maxFailures);
      this.failures.delete(hashed);
      this.failures.set(hashed, times);
    }
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(oldest);
    }
  }

  /** Drops keys with no failure inside the window, at most once a window. */
  private sweep(now: Date): void {
    if (now.getTime() - this.lastSweep < this.windowMs) return;
    this.lastSweep = now.getTime();
    for (const hashed of [...this.failures.keys()]) {
      if (this.recent(hashed, now).length === 0) this.failures.delete(hashed);
    }
  }
}
