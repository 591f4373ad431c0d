import { bootstrapInterval, stackedAtt, type Interval, type StackedChanges } from './bootstrap.ts';
import { matchComparisons, type MatchCandidate, type MatchedComparison } from './match.ts';
import { buildPanelGrid, summariseWindow, type ImpactPanel, type PanelGrid, type TreatmentEvents } from './panel.ts';
import { createRandom } from './random.ts';

/**
 * Stacked difference-in-differences with matched comparison teams (../shared/methods/impact.md).
 *
 * For each treated team i (event month e) with matched comparisons Cᵢ:
 *   Δᵢ = (post mean − pre mean)ᵢ − mean over c ∈ Cᵢ of (post mean − pre mean)_c
 * with pre = months e−12…e−1, post = e+1…e+12 (month e is dropped), and
 *   ATT = Σ wᵢΔᵢ / Σ wᵢ  (wᵢ = 1, or the team's pre-period mean headcount for rates).
 * The 95% interval is a cluster bootstrap with teams as clusters (`bootstrap.ts` says why not whole
 * stacks); the pre-trend check repeats the estimate with a placebo event at −6 (months −12…−7
 * against −6…−1), with the same matched comparisons, and the estimate is credible only when that
 * placebo interval includes 0.
 *
 * Choices where impact.md is silent: a team with several events is treated from its earliest;
 * "never treated in the window" means a first event after the window ends (treatment is
 * absorbing, so a team treated before the window is not a clean comparison either); comparisons
 * also need the minimum pre and post months in the treated team's window; team size is the mean
 * headcount over the observed pre-period months; matching and family fallback are in `match.ts`.
 */

/** How treated teams are weighted in the ATT: `headcount` for rates, as impact.md asks. */
export type ImpactWeighting = 'equal' | 'headcount';

export interface ImpactOptions {
  /** K, the most comparisons per treated team. */
  comparisonsPerTeam?: number;
  monthsBefore?: number;
  monthsAfter?: number;
  /** Observed months needed before (−12…−1) and after (+1…+12) the event; fewer and the team is left out. */
  minPreMonths?: number;
  minPostMonths?: number;
  resamples?: number;
  seed?: number;
  weighting?: ImpactWeighting;
  /** The placebo event, in months before the real one. */
  placeboLag?: number;
  /** Observed months a team needs in each placebo half (a choice: half the main minimum). */
  placeboMinMonths?: number;
  /** Treated teams needed for an estimate (and for a placebo check). */
  minTreatedTeams?: number;
  level?: number;
}

export type ImpactSettings = Required<ImpactOptions>;

/** impact.md's defaults. */
export const IMPACT_DEFAULTS: Readonly<ImpactSettings> = {
  comparisonsPerTeam: 5,
  monthsBefore: 12,
  monthsAfter: 12,
  minPreMonths: 6,
  minPostMonths: 6,
  resamples: 2000,
  seed: 1,
  weighting: 'equal',
  placeboLag: 6,
  placeboMinMonths: 3,
  /**
   * A choice (impact.md names no minimum): below 5 clusters a bootstrap has too few distinct
   * resamples to give an interval worth reading.
   */
  minTreatedTeams: 5,
  level: 0.95,
};

/** A matched comparison team with its changes over the treated team's window. */
export interface ImpactComparison extends MatchedComparison {
  change: number;
  placeboChange: number | null;
}

/** One treated team with its comparisons: one "stack" of the stacked design. */
export interface ImpactStack {
  team: number;
  family: number;
  eventMonth: number;
  preMonths: number;
  postMonths: number;
  preMean: number;
  postMean: number;
  /** Mean headcount over the pre-period months: matched on, and the weight under `headcount`. */
  size: number;
  weight: number;
  /** Post mean − pre mean. */
  change: number;
  /** Mean over months −6…−1 minus mean over −12…−7, or null when either half is short of months. */
  placeboChange: number | null;
  comparisons: ImpactComparison[];
  /** Δᵢ. */
  difference: number;
  /** The placebo Δᵢ, or null when the team, or every one of its comparisons, lacks months in a placebo half. */
  placeboDifference: number | null;
}

/**
 * Why a treated team was left out: fewer than the minimum pre or post months (impact.md), no
 * eligible comparison team, or (headcount weighting only) no staff in the pre-period.
 */
export type LeftOutReason = 'too-few-months' | 'no-comparisons' | 'no-headcount';

export interface LeftOutTeam {
  team: number;
  eventMonth: number;
  reason: LeftOutReason;
  preMonths: number;
  postMonths: number;
}

export type PlaceboResult =
  | { kind: 'estimate'; att: number; interval: Interval; treatedUsed: number }
  | { kind: 'insufficient-data'; treatedUsed: number; needed: number };

/** `similar`: the placebo interval includes 0; `different`: it excludes 0; `unchecked`: too few teams for a placebo. */
export type PreTrend = 'similar' | 'different' | 'unchecked';

export interface ImpactEstimate {
  kind: 'estimate';
  att: number;
  interval: Interval;
  treatedUsed: number;
  leftOut: LeftOutTeam[];
  stacks: ImpactStack[];
  placebo: PlaceboResult;
  preTrend: PreTrend;
  /** False when the placebo interval excludes 0, or when pre-trends could not be checked. */
  isCredible: boolean;
  settings: ImpactSettings;
}

export interface ImpactInsufficientData {
  kind: 'insufficient-data';
  reason: 'too-few-treated-teams';
  needed: number;
  treatedUsed: number;
  leftOut: LeftOutTeam[];
  stacks: ImpactStack[];
  settings: ImpactSettings;
}

export type ImpactResult = ImpactEstimate | ImpactInsufficientData;

const ATT_STREAM = 1;
const PLACEBO_STREAM = 2;

/**
 * Estimates the programme's effect on one outcome. Throws only for programming errors
 * (mismatched array lengths, non-integer or out-of-range indices, repeated rows, bad options);
 * too little data is an `insufficient-data` result.
 */
export function estimateImpact(panel: ImpactPanel, events: TreatmentEvents, options: ImpactOptions = {}): ImpactResult {
  const settings = resolveSettings(options);
  const grid = buildPanelGrid(panel, events);
  const stacks: ImpactStack[] = [];
  const leftOut: LeftOutTeam[] = [];
  for (let team = 0; team < grid.teamCount; team += 1) {
    const eventMonth = grid.firstEventMonth[team] ?? Number.POSITIVE_INFINITY;
    if (eventMonth === Number.POSITIVE_INFINITY) continue;
    const stack = buildStack(grid, team, eventMonth, settings);
    if ('reason' in stack) leftOut.push(stack);
    else stacks.push(stack);
  }

  const treatedUsed = stacks.length;
  if (treatedUsed < settings.minTreatedTeams) {
    return { kind: 'insufficient-data', reason: 'too-few-treated-teams', needed: settings.minTreatedTeams, treatedUsed, leftOut, stacks, settings };
  }
  const design = flattenStacks(stacks, (s) => s.change, (c) => c.change);
  const att = stackedAtt(design);
  const interval = bootstrapInterval(design, settings.resamples, settings.level, createRandom(settings.seed, ATT_STREAM));
  const placebo = estimatePlacebo(stacks, settings);
  const preTrend: PreTrend = placebo.kind === 'insufficient-data' ? 'unchecked' : includesZero(placebo.interval) ? 'similar' : 'different';
  return { kind: 'estimate', att, interval, treatedUsed, leftOut, stacks, placebo, preTrend, isCredible: preTrend === 'similar', settings };
}

export const includesZero = (interval: Interval): boolean => interval.lower <= 0 && interval.upper >= 0;

function buildStack(grid: PanelGrid, team: number, eventMonth: number, settings: ImpactSettings): ImpactStack | LeftOutTeam {
  const window = windowFor(eventMonth, settings);
  const pre = summariseWindow(grid, team, window.preFrom, window.preTo);
  const post = summariseWindow(grid, team, window.postFrom, window.postTo);
  const leave = (reason: LeftOutReason): LeftOutTeam => ({ team, eventMonth, reason, preMonths: pre.months, postMonths: post.months });
  if (pre.months < settings.minPreMonths || post.months < settings.minPostMonths) return leave('too-few-months');
  if (settings.weighting === 'headcount' && !(pre.meanHeadcount > 0)) return leave('no-headcount');

  const family = grid.families[team] ?? 0;
  const candidates: MatchCandidate[] = [];
  const changes = new Map<number, number>();
  for (let c = 0; c < grid.teamCount; c += 1) {
    // Treatment is absorbing, so "never treated in the window" means a first event after the window ends.
    if (c === team || (grid.firstEventMonth[c] ?? 0) <= window.postTo) continue;
    const cPre = summariseWindow(grid, c, window.preFrom, window.preTo);
    if (cPre.months < settings.minPreMonths) continue;
    const cPost = summariseWindow(grid, c, window.postFrom, window.postTo);
    if (cPost.months < settings.minPostMonths) continue;
    candidates.push({ team: c, family: grid.families[c] ?? 0, preMean: cPre.mean, size: cPre.meanHeadcount });
    changes.set(c, cPost.mean - cPre.mean);
  }
  const matched = matchComparisons({ team, family, preMean: pre.mean, size: pre.meanHeadcount }, candidates, settings.comparisonsPerTeam);
  if (matched.length === 0) return leave('no-comparisons');
  const comparisons = matched.map((c) => ({ ...c, change: changes.get(c.team) ?? Number.NaN, placeboChange: placeboChange(grid, c.team, window, settings) }));

  const change = post.mean - pre.mean;
  const ownPlacebo = placeboChange(grid, team, window, settings);
  const placeboComparisons = comparisons.flatMap((c) => (c.placeboChange === null ? [] : [c.placeboChange]));
  return {
    team,
    family,
    eventMonth,
    preMonths: pre.months,
    postMonths: post.months,
    preMean: pre.mean,
    postMean: post.mean,
    size: pre.meanHeadcount,
    weight: settings.weighting === 'headcount' ? pre.meanHeadcount : 1,
    change,
    placeboChange: ownPlacebo,
    comparisons,
    difference: change - mean(comparisons.map((c) => c.change)),
    placeboDifference: ownPlacebo === null || placeboComparisons.length === 0 ? null : ownPlacebo - mean(placeboComparisons),
  };
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

interface EventWindow {
  preFrom: number;
  preTo: number;
  postFrom: number;
  postTo: number;
  placeboSplit: number;
}

function windowFor(eventMonth: number, settings: ImpactSettings): EventWindow {
  return {
    preFrom: eventMonth - settings.monthsBefore,
    preTo: eventMonth - 1,
    postFrom: eventMonth + 1,
    postTo: eventMonth + settings.monthsAfter,
    placeboSplit: eventMonth - settings.placeboLag,
  };
}

/** A team's placebo change: mean over months −6…−1 minus mean over −12…−7, or null when a half is short. */
function placeboChange(grid: PanelGrid, team: number, window: EventWindow, settings: ImpactSettings): number | null {
  const before = summariseWindow(grid, team, window.preFrom, window.placeboSplit - 1);
  const after = summariseWindow(grid, team, window.placeboSplit, window.preTo);
  return before.months >= settings.placeboMinMonths && after.months >= settings.placeboMinMonths ? after.mean - before.mean : null;
}

/**
 * Flattens stacks for the bootstrap; each distinct team (treated or comparison) is one cluster.
 * Stacks or comparisons whose change is null (placebo halves short of months) are left out.
 */
function flattenStacks(stacks: readonly ImpactStack[], own: (s: ImpactStack) => number | null, of: (c: ImpactComparison) => number | null): StackedChanges {
  const clusterOf = new Map<number, number>();
  const cluster = (team: number): number => {
    const known = clusterOf.get(team);
    if (known !== undefined) return known;
    clusterOf.set(team, clusterOf.size);
    return clusterOf.size - 1;
  };
  const weights: number[] = [];
  const treatedChange: number[] = [];
  const treatedCluster: number[] = [];
  const comparisonOffsets: number[] = [0];
  const comparisonChange: number[] = [];
  const comparisonCluster: number[] = [];
  for (const stack of stacks) {
    const y = own(stack);
    const usable = stack.comparisons.flatMap((c) => {
      const change = of(c);
      return change === null ? [] : [{ team: c.team, change }];
    });
    if (y === null || usable.length === 0) continue;
    weights.push(stack.weight);
    treatedChange.push(y);
    treatedCluster.push(cluster(stack.team));
    for (const c of usable) {
      comparisonChange.push(c.change);
      comparisonCluster.push(cluster(c.team));
    }
    comparisonOffsets.push(comparisonChange.length);
  }
  return {
    weights: Float64Array.from(weights),
    treatedChange: Float64Array.from(treatedChange),
    treatedCluster: Int32Array.from(treatedCluster),
    comparisonOffsets: Int32Array.from(comparisonOffsets),
    comparisonChange: Float64Array.from(comparisonChange),
    comparisonCluster: Int32Array.from(comparisonCluster),
    clusterCount: clusterOf.size,
  };
}

function estimatePlacebo(stacks: readonly ImpactStack[], settings: ImpactSettings): PlaceboResult {
  const design = flattenStacks(stacks, (s) => s.placeboChange, (c) => c.placeboChange);
  const treatedUsed = design.weights.length;
  if (treatedUsed < settings.minTreatedTeams) return { kind: 'insufficient-data', treatedUsed, needed: settings.minTreatedTeams };
  return {
    kind: 'estimate',
    att: stackedAtt(design),
    interval: bootstrapInterval(design, settings.resamples, settings.level, createRandom(settings.seed, PLACEBO_STREAM)),
    treatedUsed,
  };
}

function resolveSettings(options: ImpactOptions): ImpactSettings {
  const d = IMPACT_DEFAULTS;
  const s: ImpactSettings = {
    comparisonsPerTeam: options.comparisonsPerTeam ?? d.comparisonsPerTeam,
    monthsBefore: options.monthsBefore ?? d.monthsBefore,
    monthsAfter: options.monthsAfter ?? d.monthsAfter,
    minPreMonths: options.minPreMonths ?? d.minPreMonths,
    minPostMonths: options.minPostMonths ?? d.minPostMonths,
    resamples: options.resamples ?? d.resamples,
    seed: options.seed ?? d.seed,
    weighting: options.weighting ?? d.weighting,
    placeboLag: options.placeboLag ?? d.placeboLag,
    placeboMinMonths: options.placeboMinMonths ?? d.placeboMinMonths,
    minTreatedTeams: options.minTreatedTeams ?? d.minTreatedTeams,
    level: options.level ?? d.level,
  };
  const positive = ['comparisonsPerTeam', 'monthsBefore', 'monthsAfter', 'minPreMonths', 'minPostMonths', 'resamples', 'placeboLag', 'placeboMinMonths'] as const;
  for (const key of positive) {
    if (!(Number.isSafeInteger(s[key]) && s[key] >= 1)) throw new Error(`Impact options: ${key} must be a positive integer, got ${s[key]}`);
  }
  if (!Number.isSafeInteger(s.seed)) throw new Error(`Impact options: seed must be a safe integer, got ${s.seed}`);
  if (!(Number.isSafeInteger(s.minTreatedTeams) && s.minTreatedTeams >= 2)) throw new Error(`Impact options: minTreatedTeams must be an integer ≥ 2, got ${s.minTreatedTeams}`);
  if (s.minPreMonths > s.monthsBefore || s.minPostMonths > s.monthsAfter) throw new Error('Impact options: the minimum pre/post months cannot exceed the window');
  if (s.placeboLag >= s.monthsBefore) throw new Error(`Impact options: placeboLag (${s.placeboLag}) must be less than monthsBefore (${s.monthsBefore})`);
  if (s.placeboMinMonths > Math.min(s.placeboLag, s.monthsBefore - s.placeboLag)) {
    throw new Error(`Impact options: placeboMinMonths (${s.placeboMinMonths}) cannot exceed either placebo half`);
  }
  if (!(s.level > 0 && s.level < 1)) throw new Error(`Impact options: level must be in (0, 1), got ${s.level}`);
  if (s.weighting !== 'equal' && s.weighting !== 'headcount') throw new Error(`Impact options: weighting must be 'equal' or 'headcount', got ${String(s.weighting)}`);
  return s;
}
