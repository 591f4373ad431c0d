import type { FunnelSummary } from '#src/metrics/schema.ts';
import { FUNNEL_POSITIONS, funnelProportions, funnelRates, POSITION_ABOVE_998, POSITION_BELOW_998, UNFAVOURABLE, FAVOURABLE } from '#src/stats/funnel/funnel.ts';
import type { EngineMetric } from './metric.ts';
import type { UnitTree } from './tree.ts';
import type { WindowAggregates } from './window.ts';

/** Each unit's place in the funnel of its siblings (same parent). */
export interface SiblingFunnels {
  summary: (FunnelSummary | null)[];
  /** 1 favourable / 2 unfavourable beyond a 99.8% limit, else 0. */
  outlier998: Uint8Array;
  /** Expected numerator at the funnel target (events), per unit. */
  expected: Float64Array;
  /** The 99.8% limit crossed (display units). */
  limit: Float64Array;
}

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The window aggregates of every set of siblings compared in one funnel (proportions or rates,
 * exact limits, additive over-dispersion adjustment), skipped for metrics without a funnel. Values
 * and limits in display units; a score enters as a proportion of its maximum.
 */
export function siblingFunnels(tree: UnitTree, metric: EngineMetric, window: WindowAggregates): SiblingFunnels {
  const U = tree.size;
  const summary: (FunnelSummary | null)[] = new Array<FunnelSummary | null>(U).fill(null);
  const outlier998 = new Uint8Array(U);
  const expected = new Float64Array(U);
  const limit = new Float64Array(U).fill(Number.NaN);
  if (metric.funnel === null) return { summary, outlier998, expected, limit };
  const display = metric.scoreMaximum > 0 ? metric.scoreMaximum : metric.scale;
  const polarity = metric.polarity;
  for (let p = 0; p < U; p++) {
    const first = tree.childStart[p]!;
    const count = tree.childStart[p + 1]! - first;
    if (count < 2) continue;
    const top = new Float64Array(count);
    const bottom = new Float64Array(count);
    const excluded = new Uint8Array(count);
    let compared = 0;
    for (let i = 0; i < count; i++) {
      const c = tree.children[first + i]!;
      const n = window.numerator[c]! / (metric.scoreMaximum > 0 ? metric.scoreMaximum : 1);
      const d = window.denominator[c]!;
      const usable = window.published[c] === 1 && d > 0 && n >= 0 && (metric.funnel === 'rate' || n <= d);
      if (!usable) {
        excluded[i] = 1;
        continue;
      }
      top[i] = n;
      bottom[i] = d;
      compared++;
    }
    if (compared < 2) continue;
    const result =
      metric.funnel === 'proportion'
        ? funnelProportions({ numerators: top, denominators: bottom }, { polarity, suppressed: excluded })
        : funnelRates({ events: top, exposure: bottom }, { polarity, suppressed: excluded });
    if (result.kind !== 'funnel') continue;
    for (let i = 0; i < count; i++) {
      const position = result.position[i]!;
      const name = FUNNEL_POSITIONS[position];
      if (!name) continue;
      const c = tree.children[first + i]!;
      const z = result.zScore[i]!;
      summary[c] = {
        fromPeriod: window.fromPeriod,
        toPeriod: window.toPeriod,
        value: round(result.value[i]! * display),
        size: round(result.size[i]!, 3),
        target: round(result.spec.target * display),
        lower95: round(result.limits.lower95[i]! * display),
        upper95: round(result.limits.upper95[i]! * display),
        lower998: round(result.limits.lower998[i]! * display),
        upper998: round(result.limits.upper998[i]! * display),
        position: name,
        z: Number.isNaN(z) ? 0 : round(z, 3),
        adjustment: result.dispersion.applied,
        phi: round(result.dispersion.phi ?? 1, 4),
      };
      expected[c] = result.spec.target * bottom[i]! * (metric.scoreMaximum > 0 ? metric.scoreMaximum : 1);
      const favour = result.favourability[i]!;
      if (position === POSITION_ABOVE_998 || position === POSITION_BELOW_998) {
        if (favour === FAVOURABLE || favour === UNFAVOURABLE) outlier998[c] = favour;
        limit[c] = (position === POSITION_ABOVE_998 ? result.limits.upper998[i]! : result.limits.lower998[i]!) * display;
      }
    }
  }
  return { summary, outlier998, expected, limit };
}
