import { MAX_STRENGTH, SPC_STRENGTH } from './compute.ts';

/** A signal as triangulation sees it: the engine's own, or one kept from an earlier run. */
export interface TriangulationSignal {
  unit: number;
  metricKey: string;
  source: string;
  kind: 'concern' | 'improvement';
  rule: 'spc' | 'funnel';
  strength: number;
  evidence: string;
  /** Index into the caller's signal list (the store maps it to the signal id). */
  ref: number;
}

export interface EngineSpot {
  unit: number;
  kind: 'dark' | 'bright' | 'watch';
  /** 1 = first within its kind. */
  rank: number;
  sources: number;
  strength: number;
  headcount: number;
  signals: TriangulationSignal[];
}

/** Operational measures are context: they never count towards a dark or bright spot. */
export const CONTEXT_SOURCE = 'operational';
export const SPOT_SOURCES = 2;
/**
 * Units with fewer staff than this go on the watch list only: in a unit of five or six one sickness
 * episode or one case moves every rate past any limit, so such units would fill the dark and bright
 * lists by chance (the manager still sees each signal).
 */
export const MIN_SPOT_HEADCOUNT = 10;

/**
 * Bright and dark spots (`../shared/methods/triangulation.md`): a dark spot has concern signals from
 * at least two different non-operational sources, a bright spot improvement signals from at least
 * two (operational measures are context for both, listed but not counted); a unit with signals that
 * is neither is on the watch list. A unit can be both dark and bright. Ranked within each kind by
 * sources, then strength (per metric: the funnel's |z| capped at 5 when the funnel flags it, else 2
 * for an SPC-only signal), then headcount.
 */
export function triangulate(signals: readonly TriangulationSignal[], headcount: ArrayLike<number>, parent: ArrayLike<number>): EngineSpot[] {
  const byUnit = new Map<number, TriangulationSignal[]>();
  for (const s of signals) {
    // The trust as a whole has no peers to stand out from (its "relative" chart is itself): its
    // changes are the board report's business, and spots name the places inside it.
    if ((parent[s.unit] ?? -1) < 0) continue;
    const list = byUnit.get(s.unit) ?? [];
    list.push(s);
    byUnit.set(s.unit, list);
  }
  const spots: EngineSpot[] = [];
  for (const [unit, list] of byUnit) {
    const heads = headcount[unit] ?? 0;
    let spotted = false;
    for (const [kind, signalKind] of [
      ['dark', 'concern'],
      ['bright', 'improvement'],
    ] as const) {
      const own = list.filter((s) => s.kind === signalKind);
      const counted = own.filter((s) => s.source !== CONTEXT_SOURCE);
      const sources = new Set(counted.map((s) => s.source)).size;
      if (sources < SPOT_SOURCES || heads < MIN_SPOT_HEADCOUNT) continue;
      spotted = true;
      spots.push({ unit, kind, rank: 0, sources, strength: strengthOf(counted), headcount: heads, signals: own });
    }
    if (!spotted) spots.push({ unit, kind: 'watch', rank: 0, sources: new Set(list.map((s) => s.source)).size, strength: strengthOf(list), headcount: heads, signals: list });
  }
  for (const kind of ['dark', 'bright', 'watch'] as const) {
    spots
      .filter((s) => s.kind === kind)
      .sort((a, b) => b.sources - a.sources || b.strength - a.strength || b.headcount - a.headcount || a.unit - b.unit)
      .forEach((s, i) => (s.rank = i + 1));
  }
  return spots.sort((a, b) => a.kind.localeCompare(b.kind) || a.rank - b.rank);
}

/** Sum over metric × kind: the funnel's |z| (capped) where the funnel flags it, else the SPC strength. */
function strengthOf(signals: readonly TriangulationSignal[]): number {
  const perMetric = new Map<string, number>();
  for (const s of signals) {
    const key = `${s.metricKey}:${s.kind}`;
    const strength = s.rule === 'funnel' ? Math.min(MAX_STRENGTH, s.strength) : SPC_STRENGTH;
    const current = perMetric.get(key);
    if (current === undefined || s.rule === 'funnel') perMetric.set(key, s.rule === 'funnel' ? strength : (current ?? strength));
  }
  let total = 0;
  for (const v of perMetric.values()) total += v;
  return Math.round(total * 1000) / 1000;
}
