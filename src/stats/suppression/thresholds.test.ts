import { describe, expect, it } from 'vitest';
import { MINIMUM_GROUP_SIZES, minimumGroupSize } from './thresholds.ts';

describe('minimumGroupSize', () => {
  it('uses the defaults from suppression.md', () => {
    expect(minimumGroupSize('survey')).toBe(11);
    expect(minimumGroupSize('workforce')).toBe(5);
    expect(minimumGroupSize('speakUp')).toBe(50);
    expect(minimumGroupSize('edi')).toBe(10);
    expect(minimumGroupSize('feedback360')).toBe(3);
  });

  it('lets analysts raise a minimum, or lower it as far as the floor, never below', () => {
    expect(minimumGroupSize('workforce', 3)).toBe(3);
    expect(minimumGroupSize('survey', 20)).toBe(20);
    expect(() => minimumGroupSize('survey', 10)).toThrow('cannot be below 11');
    expect(() => minimumGroupSize('speakUp', 19)).toThrow('cannot be below 20');
    expect(() => minimumGroupSize('edi', 7.5)).toThrow(/whole number/);
  });

  it('never has a default below its floor', () => {
    for (const rule of Object.values(MINIMUM_GROUP_SIZES)) expect(rule.default).toBeGreaterThanOrEqual(rule.floor);
  });
});
