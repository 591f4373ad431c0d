import { describe, expect, it } from 'vitest';
import { formatAge, formatPeriod } from './present.ts';

describe('present', () => {
  it('writes months in words and leaves survey years alone', () => {
    expect(formatPeriod('2026-05')).toBe('May 2026');
    expect(formatPeriod('2025')).toBe('2025');
  });

  it('gives the age in whole days', () => {
    const now = new Date('2026-11-02T10:00:00Z');
    expect(formatAge(new Date('2026-11-02T01:00:00Z'), now)).toBe('Today');
    expect(formatAge(new Date('2026-11-01T09:00:00Z'), now)).toBe('1 day');
    expect(formatAge(new Date('2026-10-20T10:00:00Z'), now)).toBe('13 days');
  });
});
