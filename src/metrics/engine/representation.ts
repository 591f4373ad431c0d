import type { TrustFacts } from '#src/metrics/facts.ts';
import type { Observations } from './observations.ts';
import type { Staffing } from './workforce.ts';

const NOT_RECORDED = 0;
const WHITE = 1;
const MINORITY = 2;

/**
 * The WRES summary group as ESR equality monitoring records it: 'White' or 'Ethnic minority' (any
 * case). 'Not stated', unknown and anything else count as not recorded.
 */
function ethnicGroupCode(recorded: string): number {
  const group = recorded.trim().toLowerCase();
  if (group === 'white') return WHITE;
  if (group === 'ethnic minority') return MINORITY;
  return NOT_RECORDED;
}

/**
 * Ethnic minority representation: people in post at each month end with an ethnic group recorded
 * (the denominator, and the group size the EDI minimum compares), and of them those from an ethnic
 * minority background, each counted once at the unit they are in then (their largest-FTE assignment).
 */
export function ethnicMinorityShare(facts: TrustFacts, s: Staffing, o: Observations | null): void {
  if (!o) return;
  const T = s.months;
  const groups = new Uint8Array(s.serviceStart.length);
  for (const r of facts.ethnicGroups) {
    const p = s.personIndex.get(r.staffNumber);
    if (p !== undefined) groups[p] = ethnicGroupCode(r.ethnicGroup);
  }
  for (let p = 0; p < groups.length; p++) {
    const group = groups[p]!;
    if (group === NOT_RECORDED) continue;
    for (let t = 0; t < T; t++) {
      const u = s.unitAtEnd[p * T + t]!;
      if (u < 0) continue;
      o.denominator[u * T + t]! += 1;
      if (group === MINORITY) o.numerator[u * T + t]! += 1;
    }
  }
  o.group.set(o.denominator);
}
