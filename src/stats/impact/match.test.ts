import { describe, expect, it } from 'vitest';
import { matchComparisons, type MatchCandidate } from './match.ts';

const candidate = (team: number, family: number, preMean: number, size: number): MatchCandidate => ({ team, family, preMean, size });

describe('matchComparisons', () => {
  const target = candidate(0, 1, 10, 20);

  it('takes the nearest teams in the same family even when another family has nearer ones', () => {
    const candidates = [
      candidate(1, 2, 10, 20), // identical, other family
      candidate(2, 1, 12, 20),
      candidate(3, 1, 11, 21),
      candidate(4, 1, 30, 60),
    ];
    const matched = matchComparisons(target, candidates, 2);
    expect(matched.map((c) => c.team)).toEqual([3, 2]);
    expect(matched.every((c) => c.isSameFamily)).toBe(true);
  });

  it('fills the places the family cannot with the nearest teams from other families', () => {
    const candidates = [candidate(1, 2, 10, 20), candidate(2, 3, 50, 90), candidate(3, 1, 13, 25), candidate(4, 2, 11, 20)];
    const matched = matchComparisons(target, candidates, 3);
    expect(matched.map((c) => [c.team, c.isSameFamily])).toEqual([
      [3, true],
      [1, false],
      [4, false],
    ]);
  });

  it('returns fewer than K when there are fewer candidates, and none from none', () => {
    expect(matchComparisons(target, [candidate(5, 1, 9, 19)], 5).map((c) => c.team)).toEqual([5]);
    expect(matchComparisons(target, [], 5)).toEqual([]);
  });

  it('standardises each dimension by its spread over the candidates', () => {
    // Outcome means spread by about 1, sizes by about 100: a 1-point outcome gap outweighs a 20-person size gap.
    const candidates = [candidate(1, 1, 11, 20), candidate(2, 1, 10, 40), candidate(3, 1, 9.5, 220), candidate(4, 1, 11.5, 200)];
    const matched = matchComparisons(target, candidates, 4);
    expect(matched[0]?.team).toBe(2);
    const [first] = matched;
    const sdMean = Math.sqrt(((11 - 10.5) ** 2 + (10 - 10.5) ** 2 + (9.5 - 10.5) ** 2 + (11.5 - 10.5) ** 2) / 3);
    const sdSize = Math.sqrt(((20 - 120) ** 2 + (40 - 120) ** 2 + (220 - 120) ** 2 + (200 - 120) ** 2) / 3);
    expect(first?.distance).toBeCloseTo(Math.hypot(0 / sdMean, 20 / sdSize), 12);
  });

  it('ignores a dimension with no spread and breaks ties by team index', () => {
    const candidates = [candidate(7, 1, 10, 20), candidate(3, 1, 10, 20), candidate(5, 1, 10, 20)];
    expect(matchComparisons(target, candidates, 2).map((c) => [c.team, c.distance])).toEqual([
      [3, 0],
      [5, 0],
    ]);
  });
});
