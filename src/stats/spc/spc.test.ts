// Hand-worked series for every rule of ../shared/methods/spc.md, in both profiles.
import { describe, expect, it } from 'vitest';
import { NEAR_FACTOR } from './constants.ts';
import { SpcOptionsError } from './options.ts';
import { spc } from './spc.ts';
import type { SpcOptions, SpcProfile, SpcResult } from './types.ts';

const PROFILES: SpcProfile[] = ['mdc', 'ptd'];

/**
 * A calibration block: 0, 2, 0, 2, … (12 points). With `fixAfter: 12` every later point is judged
 * against mean 1, mR̄ 2 (no range is screened out), so:
 *   process limits 1 ± 2.66·2 = [-4.32, 6.32], near lines 1 ± (2/3)·2.66·2 = [-2.5467, 4.5467].
 * The block alternates sides and direction, so it starts no shift or trend; its last point (index
 * 11) is 2, above the mean, and patterns below start at index 12.
 */
const CAL = [0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2];
const P = CAL.length;
const calibrated = (pattern: (number | null)[], profile: SpcProfile, options: Partial<SpcOptions> = {}) =>
  spc([...CAL, ...pattern], { improvement: 'increase', profile, fixAfter: 12, ...options });

/** Indices (0-based, into the whole series) of points taking part in `rule`. */
const marked = (r: SpcResult, rule: string) => r.points.flatMap((p, i) => (p.rules.includes(rule as never) ? [i] : []));
const types = (r: SpcResult, from = 0) => r.points.slice(from).map((p) => p.type);
const at = (...offsets: number[]) => offsets.map((o) => P + o);

describe('mean, moving ranges and limits', () => {
  it('works a 13-point series by hand', () => {
    // sum 89 → mean 89/13; ranges 2,1,2,1,… (six 2s, six 1s) → mR̄ 18/12 = 1.5
    const values = [5, 7, 6, 8, 7, 9, 8, 6, 7, 5, 6, 8, 7];
    for (const profile of PROFILES) {
      const r = spc(values, { improvement: 'increase', profile });
      expect(r.mean[0]).toBeCloseTo(89 / 13, 12);
      expect(r.upper[0]).toBeCloseTo(89 / 13 + 2.66 * 1.5, 12);
      expect(r.lower[12]).toBeCloseTo(89 / 13 - 2.66 * 1.5, 12);
      expect(types(r).every((t) => t === 'common_cause')).toBe(true);
      expect(r.variation).toBe('common_cause');
      expect(r.assurance).toBeNull();
    }
  });

  it('takes the mean to the last bit, as R does (0.1, 0.2, 0.3 average to exactly 0.2)', () => {
    const r = spc([0.1, 0.2, 0.3], { improvement: 'increase', profile: 'ptd' });
    expect(r.mean[0]).toBe(0.2);
    expect(r.points[1]!.type).toBe('common_cause');
  });

  it('fixes limits on the calibration block (fixAfter) and applies them to later points', () => {
    for (const profile of PROFILES) {
      const r = calibrated([40, 1], profile);
      expect(r.mean[13]).toBe(1);
      expect(r.lower[13]).toBeCloseTo(-4.32, 12);
      expect(r.upper[13]).toBeCloseTo(6.32, 12);
      expect(r.points[12]).toEqual({ type: 'special_cause_improvement', rules: ['outside_limits'] });
    }
  });

  it('keeps nulls in place; mdc closes the gap, ptd breaks the range (fixAfter counts values in mdc, rows in ptd)', () => {
    const values = [0, 2, 0, null, 0, 2, 0, 2, 0, 2, 0, 2, 10, 2, 0, 2];
    const ptd = spc(values, { improvement: 'increase', profile: 'ptd', fixAfter: 12 });
    // rows 0–11: eleven values summing to 10; ranges between neighbouring values only: nine 2s.
    expect(ptd.mean[0]).toBeCloseTo(10 / 11, 14);
    expect(ptd.upper[0]! - ptd.mean[0]!).toBeCloseTo(2.66 * 2, 12);
    // first 12 values (rows 0–12): sum 20; ranges 2,2,0 (across the gap),2,…,2, 8 → 26 / 11.
    const mdc = spc(values, { improvement: 'increase', profile: 'mdc', fixAfter: 12 });
    expect(mdc.mean[0]).toBeCloseTo(20 / 12, 14);
    expect(mdc.upper[0]! - mdc.mean[0]!).toBeCloseTo((2.66 * 26) / 11, 12);
    for (const r of [ptd, mdc]) {
      expect(r.mean).toHaveLength(values.length);
      expect(r.points[3]).toEqual({ type: 'common_cause', rules: [] });
      expect(r.mean[3]).toBe(r.mean[0]);
    }
  });

  it('computes each rebase group on its own', () => {
    const values = [1, 3, 1, 3, 1, 3, 1, 3, 10, 12, 10, 12, 10, 12, 10];
    for (const profile of PROFILES) {
      const r = spc(values, { improvement: 'increase', profile, rebase: [8] });
      expect(r.mean.slice(0, 8).every((m) => m === 2)).toBe(true);
      expect(r.mean[8]).toBeCloseTo(76 / 7, 12);
      expect(r.upper[0]).toBeCloseTo(2 + 2.66 * 2, 12);
      expect(r.upper[14]).toBeCloseTo(76 / 7 + 2.66 * 2, 12);
    }
  });

  it('mdc baseline fixes the first group only; later groups are computed in full', () => {
    const values = [...CAL, 5, 5, 5, 5, 20, 22, 20, 22, 20];
    const r = spc(values, { improvement: 'increase', baseline: 12, rebase: [16] });
    expect(r.mean.slice(0, 16).every((m) => m === 1)).toBe(true);
    expect(r.upper[15]).toBeCloseTo(6.32, 12);
    expect(r.mean[16]).toBeCloseTo(104 / 5, 12);
    expect(r.upper[16]).toBeCloseTo(104 / 5 + 2.66 * 2, 12);
    // without the rebase the baseline reaches the end of the series
    expect(spc(values, { improvement: 'increase', baseline: 12 }).mean.every((m) => m === 1)).toBe(true);
    // with both, fixAfter fixes the later groups: the second group's first 2 values, 20 and 22
    const both = spc(values, { improvement: 'increase', baseline: 12, fixAfter: 2, rebase: [16] });
    expect(both.mean[0]).toBe(1);
    expect(both.mean[16]).toBe(21);
    expect(both.upper[20]).toBeCloseTo(21 + 2.66 * 2, 12);
  });
});

describe('moving-range screening', () => {
  // Ranges: ten 2s and two 18s (into and out of the spike at index 6): mR̄ = 56/12 = 4.667; the
  // cut-off 3.267 · 4.667 = 15.25 drops both 18s; mR̄ becomes 20/10 = 2.
  const spike = [0, 2, 0, 2, 0, 2, 20, 2, 0, 2, 0, 2, 0];

  it('ptd screens by default, recomputes mR̄ once and keeps the mean', () => {
    const r = spc(spike, { improvement: 'increase', profile: 'ptd' });
    expect(r.mean[0]).toBeCloseTo(32 / 13, 14);
    expect(r.upper[0]! - r.mean[0]!).toBeCloseTo(2.66 * 2, 12);
    const off = spc(spike, { improvement: 'increase', profile: 'ptd', screenOutliers: false });
    expect(off.upper[0]! - off.mean[0]!).toBeCloseTo((2.66 * 56) / 12, 12);
  });

  it('mdc does not screen by default; when asked it also drops the points whose range was dropped from the mean', () => {
    const off = spc(spike, { improvement: 'increase' });
    expect(off.upper[0]! - off.mean[0]!).toBeCloseTo((2.66 * 56) / 12, 12);
    expect(off.mean[0]).toBeCloseTo(32 / 13, 14);
    const on = spc(spike, { improvement: 'increase', screenOutliers: true });
    // The dropped ranges end at indices 6 (the 20) and 7 (the 2 after it): mean of the other 11 = 10/11.
    expect(on.mean[0]).toBeCloseTo(10 / 11, 14);
    expect(on.upper[0]! - on.mean[0]!).toBeCloseTo(2.66 * 2, 12);
    expect(on.points[6]!.rules).toContain('outside_limits');
  });
});

describe('short and constant series', () => {
  it('mdc: fewer than 13 values is a run chart (mean only, no rules, no icons)', () => {
    const twelve = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 100];
    const r = spc(twelve, { improvement: 'increase', target: 5 });
    expect(r.mean.every((m) => m === 151 / 12)).toBe(true);
    expect(r.lower.every((x) => x === null) && r.upper.every((x) => x === null)).toBe(true);
    expect(r.points.every((p) => p.type === 'common_cause' && p.rules.length === 0)).toBe(true);
    expect(r.variation).toBeNull();
    expect(r.assurance).toBeNull();
    // nulls do not count towards the 13
    expect(spc([...twelve, null], { improvement: 'increase' }).upper[0]).toBeNull();
    // 13 values: mean 156/13 = 12, ranges ten 8s, 99 and 95 → mR̄ 274/12
    const thirteen = spc([...twelve, 5], { improvement: 'increase', target: 5 });
    expect(thirteen.upper[0]).toBeCloseTo(12 + (2.66 * 274) / 12, 12);
    expect(thirteen.points[11]!.rules).toContain('outside_limits');
    expect(thirteen.variation).toBe('common_cause');
  });

  it('ptd: always computed, however short', () => {
    // mean 48/5; ranges 2, 2, 2, 37 → mR̄ 10.75, 37 ≥ 3.267·10.75 is screened out → mR̄ 2
    const r = spc([1, 3, 1, 3, 40], { improvement: 'increase', profile: 'ptd' });
    expect(r.upper[0]).toBeCloseTo(48 / 5 + 2.66 * 2, 12);
    expect(r.upper[0]).not.toBeNull();
    expect(r.points[4]!.type).toBe('special_cause_improvement');
    expect(r.variation).toBe('improvement_high');
    const one = spc([4], { improvement: 'increase', profile: 'ptd' });
    expect(one).toEqual({ mean: [4], lower: [null], upper: [null], points: [{ type: 'common_cause', rules: [] }], variation: 'common_cause', assurance: null });
  });

  it('an empty series is an empty chart', () => {
    for (const profile of PROFILES) {
      expect(spc([], { improvement: 'increase', profile })).toEqual({ mean: [], lower: [], upper: [], points: [], variation: null, assurance: null });
    }
  });

  it('mdc: a constant series has limits on the mean, all common cause, and passes a target it sits on', () => {
    const flat = Array<number>(15).fill(7);
    for (const improvement of ['increase', 'decrease'] as const) {
      const r = spc(flat, { improvement, target: 7 });
      expect(r.lower.every((x) => x === 7) && r.upper.every((x) => x === 7)).toBe(true);
      expect(r.points.every((p) => p.type === 'common_cause' && p.rules.length === 0)).toBe(true);
      expect(r.variation).toBe('common_cause');
      expect(r.assurance).toBe('pass');
    }
    expect(spc(flat, { improvement: 'increase', target: 8 }).assurance).toBe('fail');
    expect(spc(flat, { improvement: 'decrease', target: 8 }).assurance).toBe('pass');
  });

  it('ptd: a constant series screens out every range, so limits are null and every point common cause', () => {
    const flat = Array<number>(15).fill(7);
    const r = spc(flat, { improvement: 'increase', profile: 'ptd', target: 7 });
    expect(r.mean.every((x) => x === 7)).toBe(true);
    expect(r.lower.every((x) => x === null) && r.upper.every((x) => x === null)).toBe(true);
    expect(r.points.every((p) => p.type === 'common_cause')).toBe(true);
    expect(r.variation).toBe('common_cause');
    // R's case_when falls through on NA limits: "inconsistent"
    expect(r.assurance).toBe('hit_and_miss');
    expect(spc(flat, { improvement: 'increase', profile: 'ptd', screenOutliers: false }).upper[0]).toBe(7);
  });
});

describe('outside limits', () => {
  it('flags a point strictly outside a process limit, by side', () => {
    for (const profile of PROFILES) {
      const r = calibrated([7, 1, -5, 1], profile);
      expect(r.points[P]).toEqual({ type: 'special_cause_improvement', rules: ['outside_limits'] });
      expect(r.points[P + 2]).toEqual({ type: 'special_cause_concern', rules: ['outside_limits'] });
      const limit = r.upper[P]!;
      const on = calibrated([limit, 1], profile);
      expect(on.points[P]!.rules).not.toContain('outside_limits');
    }
  });
});

describe('shift', () => {
  // index 12 is below the mean, so the run of 3s (above, not near) starts at 13
  it('mdc: 6 points strictly on one side by default; ptd needs 7', () => {
    const six = [-1, 3, 3, 3, 3, 3, 3, -1];
    expect(marked(calibrated(six, 'mdc'), 'shift')).toEqual(at(1, 2, 3, 4, 5, 6));
    expect(types(calibrated(six, 'mdc'), P + 1).slice(0, 6).every((t) => t === 'special_cause_improvement')).toBe(true);
    expect(marked(calibrated(six, 'ptd'), 'shift')).toEqual([]);
    const seven = [-1, 3, 3, 3, 3, 3, 3, 3, -1];
    expect(marked(calibrated(seven, 'ptd'), 'shift')).toEqual(at(1, 2, 3, 4, 5, 6, 7));
    expect(marked(calibrated(seven, 'mdc'), 'shift')).toEqual(at(1, 2, 3, 4, 5, 6, 7));
  });

  it('honours the per-metric shift length (mdc 6–8)', () => {
    const seven = [-1, 3, 3, 3, 3, 3, 3, 3, -1];
    expect(marked(calibrated(seven, 'mdc', { shift: 7 }), 'shift')).toHaveLength(7);
    expect(marked(calibrated(seven, 'mdc', { shift: 8 }), 'shift')).toEqual([]);
  });

  it('a point on the mean breaks the run', () => {
    for (const profile of PROFILES) expect(marked(calibrated([-1, 3, 3, 3, 1, 3, 3, 3, 3, -1], profile), 'shift')).toEqual([]);
  });

  it('a missing month: mdc runs on across it, ptd breaks the run', () => {
    const gap = [-1, 3, 3, 3, null, 3, 3, 3, -1];
    expect(marked(calibrated(gap, 'mdc'), 'shift')).toEqual(at(1, 2, 3, 5, 6, 7));
    expect(marked(calibrated([-1, 3, 3, 3, 3, null, 3, 3, 3, 3, -1], 'ptd'), 'shift')).toEqual([]);
  });

  it('stays inside a rebase group', () => {
    const values = [...CAL, -1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    for (const profile of PROFILES) {
      // second group: all 3s → constant, every point on its own mean, so no run crosses into it
      const r = spc(values, { improvement: 'increase', profile, fixAfter: 12, rebase: [16] });
      expect(marked(r, 'shift')).toEqual([]);
    }
  });
});

describe('trend', () => {
  it('mdc: 6 points each strictly above the one before, crossing the mean, all improvement', () => {
    const r = calibrated([-1, -0.5, 0, 0.5, 1.5, 2, -1], 'mdc');
    expect(marked(r, 'trend')).toEqual(at(0, 1, 2, 3, 4, 5));
    expect(types(r, P).slice(0, 6).every((t) => t === 'special_cause_improvement')).toBe(true);
    expect(marked(calibrated([-1, -0.5, 0, 0.5, 1.5, 2, -1], 'ptd'), 'trend')).toEqual([]);
  });

  it('ptd: 7 points (6 strict moves); every point of the run is marked with its direction', () => {
    const r = calibrated([-1.5, -1, -0.5, 0, 0.5, 1.5, 2, -1], 'ptd');
    expect(marked(r, 'trend')).toEqual(at(0, 1, 2, 3, 4, 5, 6));
    expect(types(r, P).slice(0, 7).every((t) => t === 'special_cause_improvement')).toBe(true);
    const down = calibrated([2, 1.5, 0.5, 0, -0.5, -1, -1.5, 3], 'ptd');
    expect(marked(down, 'trend')).toEqual(at(0, 1, 2, 3, 4, 5, 6));
    expect(types(down, P).slice(0, 7).every((t) => t === 'special_cause_concern')).toBe(true);
  });

  it('a tie breaks the trend', () => {
    for (const profile of PROFILES) expect(marked(calibrated([-1, -0.5, 0, 0, 0.5, 1.5, 2, 2.5, -1], profile), 'trend')).toEqual([]);
  });

  it('mdc runs the trend across a recalculation; ptd does not', () => {
    // 3,4,5,6 end the first group (starting at 10), 7,8,9 start the second (at 14)
    const values = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 3, 4, 5, 6, 7, 8, 9, 5, 7, 5, 7, 5, 7, 5, 7, 5];
    const mdc = spc(values, { improvement: 'increase', rebase: [14] });
    expect(marked(mdc, 'trend')).toEqual([10, 11, 12, 13, 14, 15, 16]);
    const ptd = spc(values, { improvement: 'increase', profile: 'ptd', rebase: [14] });
    expect(marked(ptd, 'trend')).toEqual([]);
    expect(marked(spc(values, { improvement: 'increase', profile: 'ptd' }), 'trend')).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });

  it('ptd: a point ending one trend and starting the next through a tie reads as decreasing (R: ifelse(sdy == 1, "In", "De"))', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13];
    const ptd = spc(values, { improvement: 'increase', profile: 'ptd' });
    expect(marked(ptd, 'trend')).toEqual(values.map((_, i) => i));
    expect(ptd.points[6]).toEqual({ type: 'special_cause_concern', rules: ['trend'] });
    expect(ptd.points[7]).toEqual({ type: 'special_cause_improvement', rules: ['trend'] });
    // mdc labels each trend point by its own run's direction
    expect(spc(values, { improvement: 'increase' }).points[6]!.type).toBe('special_cause_improvement');
  });
});

describe('two of three', () => {
  it('flags only the near points of a 3-window strictly on one side', () => {
    for (const profile of PROFILES) {
      const r = calibrated([-1, 5, 3, 5, -1], profile);
      expect(marked(r, 'two_of_three')).toEqual(at(1, 3));
      expect(r.points[P + 1]!.type).toBe('special_cause_improvement');
      expect(r.points[P + 2]).toEqual({ type: 'common_cause', rules: [] });
      const low = calibrated([3, -3, -1, -3, 3], profile);
      expect(marked(low, 'two_of_three')).toEqual(at(1, 3));
      expect(low.points[P + 1]!.type).toBe('special_cause_concern');
    }
  });

  it('needs all three points on the same side', () => {
    for (const profile of PROFILES) expect(marked(calibrated([-1, 5, -3, 5, -1], profile), 'two_of_three')).toEqual([]);
  });

  it('mdc counts a point beyond the process limit; ptd counts only points between the near line and the limit', () => {
    const pattern = [-1, 5, 7, 3, -1];
    const mdc = calibrated(pattern, 'mdc');
    expect(marked(mdc, 'two_of_three')).toEqual(at(1, 2));
    expect(mdc.points[P + 2]!.rules).toEqual(['outside_limits', 'two_of_three']);
    const ptd = calibrated(pattern, 'ptd');
    expect(marked(ptd, 'two_of_three')).toEqual([]);
    expect(ptd.points[P + 2]!.rules).toEqual(['outside_limits']);
    expect(ptd.points[P + 1]!.type).toBe('common_cause');
  });

  it('a point exactly on the near line is not beyond it', () => {
    for (const profile of PROFILES) {
      const r0 = calibrated([1], profile);
      const near = r0.mean[P]! + (NEAR_FACTOR * (r0.upper[P]! - r0.mean[P]!)) / 2.66;
      const r = calibrated([-1, near, 3, 5, -1], profile);
      expect(marked(r, 'two_of_three')).toEqual([]);
    }
  });

  it('stays inside a rebase group (windows never straddle a group start)', () => {
    const pattern = [-1, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    for (const profile of PROFILES) {
      expect(marked(calibrated(pattern, profile), 'two_of_three')).toEqual(at(1, 2, 3));
      // the window 13, 14, 15 straddles the start at 15 (and 12 is below the mean)
      expect(marked(calibrated(pattern, profile, { rebase: [P + 3] }), 'two_of_three').filter((i) => i < P + 3)).toEqual([]);
    }
  });
});

describe('one label per point', () => {
  // 12–18 rise strictly (a 7-point trend up) while 12–19 sit below the mean (an 8-point shift down)
  const pattern = [-2.2, -2, -1.8, -1.6, -1.4, -1.2, -1, -3];

  it('mdc: a point flagged both ways takes the conflict setting (improvement by default)', () => {
    const r = calibrated(pattern, 'mdc');
    expect(r.points[P]!.rules).toEqual(['shift', 'trend']);
    expect(types(r, P)).toEqual([...Array<string>(7).fill('special_cause_improvement'), 'special_cause_concern']);
    const concern = calibrated(pattern, 'mdc', { conflict: 'concern' });
    expect(types(concern, P)).toEqual(Array<string>(8).fill('special_cause_concern'));
    const decrease = calibrated(pattern, 'mdc', { improvement: 'decrease' });
    expect(types(decrease, P)).toEqual([...Array<string>(7).fill('special_cause_improvement'), 'special_cause_improvement']);
  });

  it('mdc neutral: a conflicting point takes its side of the mean', () => {
    const r = calibrated(pattern, 'mdc', { improvement: 'neutral' });
    expect(types(r, P)).toEqual(Array<string>(8).fill('special_cause_neutral_low'));
  });

  it('ptd: precedence outside > trend > two of three > shift decides', () => {
    const r = calibrated(pattern, 'ptd');
    expect(r.points[P]!.rules).toEqual(['shift', 'trend']);
    expect(types(r, P)).toEqual([...Array<string>(7).fill('special_cause_improvement'), 'special_cause_concern']);
    const neutral = calibrated(pattern, 'ptd', { improvement: 'neutral' });
    expect(types(neutral, P)).toEqual([...Array<string>(7).fill('special_cause_neutral_high'), 'special_cause_neutral_low']);
  });

  it('lists every rule a point takes part in, whichever decided', () => {
    // 13–19 above the mean (shift), 15 and 16 near, 18 beyond the upper limit
    const r = calibrated([-1, 3, 5, 4.6, 3, 7, 3, 3, -1], 'ptd');
    expect(r.points[P + 5]!.rules).toEqual(['outside_limits', 'shift']);
    expect(r.points[P + 2]!.rules).toEqual(['shift', 'two_of_three']);
    expect(r.points[P + 1]!.rules).toEqual(['shift']);
  });
});

describe('icons', () => {
  it('variation: the last point, named by side for each improvement direction', () => {
    const cases = [
      ['increase', 7, 'improvement_high'],
      ['increase', -5, 'concern_low'],
      ['decrease', 7, 'concern_high'],
      ['decrease', -5, 'improvement_low'],
      ['neutral', 7, 'neutral_high'],
      ['neutral', -5, 'neutral_low'],
      ['increase', 1, 'common_cause'],
    ] as const;
    for (const profile of PROFILES) {
      for (const [improvement, last, icon] of cases) expect(calibrated([1, last], profile, { improvement }).variation, `${profile} ${improvement} ${last}`).toBe(icon);
    }
  });

  it('variation with a missing last month: mdc reads the latest value, ptd the last row (common cause, as R)', () => {
    expect(calibrated([1, 7, null], 'mdc').variation).toBe('improvement_high');
    expect(calibrated([1, 7, null], 'ptd').variation).toBe('common_cause');
  });

  it('assurance needs a target and a direction', () => {
    for (const profile of PROFILES) {
      expect(calibrated([1], profile).assurance).toBeNull();
      expect(calibrated([1], profile, { improvement: 'neutral', target: 3 }).assurance).toBeNull();
      expect(calibrated([1], profile, { target: -5 }).assurance).toBe('pass');
      expect(calibrated([1], profile, { target: 7 }).assurance).toBe('fail');
      expect(calibrated([1], profile, { target: 3 }).assurance).toBe('hit_and_miss');
      expect(calibrated([1], profile, { improvement: 'decrease', target: -5 }).assurance).toBe('fail');
      expect(calibrated([1], profile, { improvement: 'decrease', target: 7 }).assurance).toBe('pass');
    }
  });

  it('assurance at equality: mdc counts a target on a limit as beyond it, ptd does not', () => {
    const { lower, upper } = calibrated([1], 'mdc');
    const lo = lower[P]!;
    const hi = upper[P]!;
    expect(calibrated([1], 'mdc', { target: lo }).assurance).toBe('pass');
    expect(calibrated([1], 'mdc', { target: hi }).assurance).toBe('fail');
    expect(calibrated([1], 'mdc', { improvement: 'decrease', target: hi }).assurance).toBe('pass');
    expect(calibrated([1], 'mdc', { improvement: 'decrease', target: lo }).assurance).toBe('fail');
    for (const improvement of ['increase', 'decrease'] as const) {
      expect(calibrated([1], 'ptd', { improvement, target: lo }).assurance).toBe('hit_and_miss');
      expect(calibrated([1], 'ptd', { improvement, target: hi }).assurance).toBe('hit_and_miss');
    }
  });
});

describe('errors', () => {
  it('names a value that is not a finite number or null', () => {
    expect(() => spc([1, 2, Number.NaN], { improvement: 'increase' })).toThrow('values[2]: expected a finite number or null');
    expect(() => spc([1, Infinity], { improvement: 'increase' })).toThrow('values[1]');
    expect(() => spc([1, '2' as unknown as number], { improvement: 'increase' })).toThrow('values[1]');
  });

  it('names bad options', () => {
    const bad = (options: object, message: string) => {
      expect(() => spc([1, 2, 3], { improvement: 'increase', ...options })).toThrow(SpcOptionsError);
      expect(() => spc([1, 2, 3], { improvement: 'increase', ...options })).toThrow(message);
    };
    bad({ improvement: 'up' }, 'improvement: expected "increase", "decrease" or "neutral"');
    bad({ profile: 'spc' }, 'profile: expected "mdc" or "ptd"');
    bad({ rebase: [1, 3] }, 'rebase[1]: index 3 is past the last value');
    bad({ rebase: [1.5] }, 'rebase[0]: expected a whole number');
    bad({ fixAfter: 0 }, 'fixAfter: expected a whole number of points');
    bad({ profile: 'ptd', fixAfter: 11 }, 'fixAfter: the ptd profile fixes limits on at least 12 points');
    bad({ profile: 'ptd', baseline: 12 }, 'baseline: not a setting of the ptd profile');
    bad({ profile: 'ptd', conflict: 'concern' }, 'conflict: not a setting of the ptd profile');
    bad({ shift: 5 }, 'shift: expected a whole number of points from 6 to 8');
    bad({ trend: 9 }, 'trend: expected a whole number of points from 6 to 8');
    bad({ target: Number.NaN }, 'target: expected a finite number');
  });
});
