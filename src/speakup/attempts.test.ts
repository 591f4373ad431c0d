import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempts.ts';

const start = new Date('2026-11-02T10:00:00Z');
const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('AttemptLimiter', () => {
  it('refuses after the allowed failures within the window, and allows again once they age out', () => {
    const limiter = new AttemptLimiter({ maxFailures: 3, windowMinutes: 15 });
    const keys = ['address:192.0.2.1', 'receipt:ABCD'];
    for (const minute of [0, 1, 2]) {
      expect(limiter.isLimited(keys, minutesLater(minute))).toBe(false);
      limiter.recordFailure(keys, minutesLater(minute));
    }
    expect(limiter.isLimited(keys, minutesLater(3))).toBe(true);
    expect(limiter.isLimited(keys, minutesLater(14.9))).toBe(true);
    // The first failure (minute 0) is now outside the window.
    expect(limiter.isLimited(keys, minutesLater(15.5))).toBe(false);
  });

  it('limits on any one key: a new receipt code from a blocked address, or a blocked code from a new address', () => {
    const limiter = new AttemptLimiter({ maxFailures: 2, windowMinutes: 15 });
    limiter.recordFailure(['address:192.0.2.1', 'receipt:AAAA'], start);
    limiter.recordFailure(['address:192.0.2.1', 'receipt:BBBB'], start);
    expect(limiter.isLimited(['address:192.0.2.1', 'receipt:CCCC'], start)).toBe(true);
    expect(limiter.isLimited(['address:198.51.100.7', 'receipt:AAAA'], start)).toBe(false);

    limiter.recordFailure(['address:198.51.100.8', 'receipt:DDDD'], start);
    limiter.recordFailure(['address:198.51.100.9', 'receipt:DDDD'], start);
    expect(limiter.isLimited(['address:203.0.113.5', 'receipt:DDDD'], start)).toBe(true);
  });

  it('holds only HMACs of its keys, never an address or receipt code', () => {
    const limiter = new AttemptLimiter();
    limiter.recordFailure(['address:192.0.2.1', 'receipt:ABCD-EFGH'], start);
    const held = Object.values(limiter).find((value) => value instanceof Map) as Map<string, number[]>;
    expect(held.size).toBe(2);
    for (const key of held.keys()) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key).not.toContain('192.0.2.1');
      expect(key).not.toContain('ABCD');
    }
  });

  it('forgets the least recently failed keys when full, and expired keys on its sweep', () => {
    const limiter = new AttemptLimiter({ maxFailures: 1, windowMinutes: 15 }, 2);
    limiter.recordFailure(['receipt:A'], start);
    limiter.recordFailure(['receipt:B'], start);
    limiter.recordFailure(['receipt:C'], start);
    expect(limiter.isLimited(['receipt:A'], start)).toBe(false);
    expect(limiter.isLimited(['receipt:B'], start)).toBe(true);
    expect(limiter.isLimited(['receipt:C'], start)).toBe(true);

    limiter.recordFailure(['receipt:D'], minutesLater(30));
    const held = Object.values(limiter).find((value) => value instanceof Map) as Map<string, number[]>;
    expect(held.size).toBe(1);
  });
});
