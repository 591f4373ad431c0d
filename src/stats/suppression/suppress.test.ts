import { describe, expect, it } from 'vitest';
import { COMPLEMENTARY, PRIMARY, SHOWN, buildTable, derivableCells, protect, suppress } from './suppress.ts';
import { exactlyDerivable } from './exact-check.ts';

const codes = (a: Uint8Array | null) => (a ? Array.from(a) : null);

describe('primary suppression', () => {
  it('hides cells below the minimum and nothing else when every sum keeps two hidden', () => {
    // root 40 = a 3 + b 2 + c 35; a and b are below 5, c and the root are published
    const r = suppress({ parent: [-1, 0, 0, 0], groupSize: [40, 3, 2, 35], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([SHOWN, PRIMARY, PRIMARY, SHOWN]);
    expect(codes(r.hidden)).toEqual([0, 1, 1, 0]);
    expect(r).toMatchObject({ primary: 2, complementary: 0, categoryHidden: null, auditRepairs: 0 });
  });

  it('hides a whole small tree', () => {
    const r = suppress({ parent: [-1, 0, 0], groupSize: [4, 1, 3], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([PRIMARY, PRIMARY, PRIMARY]);
  });
});

describe('complementary suppression', () => {
  it('gives a published parent with one hidden child a second hidden child: the smallest', () => {
    // root 50 = a 3 + b 20 + c 12 + d 15: a is primary, c (12) is the smallest remaining
    const r = suppress({ parent: [-1, 0, 0, 0, 0], groupSize: [50, 3, 20, 12, 15], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([SHOWN, PRIMARY, SHOWN, COMPLEMENTARY, SHOWN]);
    expect(r).toMatchObject({ primary: 1, complementary: 1 });
  });

  it('breaks ties by the lower index', () => {
    const r = suppress({ parent: [-1, 0, 0, 0], groupSize: [27, 3, 12, 12], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([SHOWN, PRIMARY, COMPLEMENTARY, SHOWN]);
  });

  it('cascades down: a hidden parent whose children are all published gets its smallest child hidden', () => {
    // root 100 = x 3 + p 30 + z 67; p = p1 10 + p2 20. x is primary; p (30) is its complement;
    // p is then the sum of its published children, so p1 (10) is hidden too.
    const r = suppress({ parent: [-1, 0, 0, 0, 2, 2], groupSize: [100, 3, 30, 67, 10, 20], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([SHOWN, PRIMARY, COMPLEMENTARY, SHOWN, COMPLEMENTARY, SHOWN]);
  });

  it('cascades up through a unit with one child, then across and down', () => {
    // root 100 = a 30 + b 70; a = a1 30 (one child); b = b1 40 + b2 30.
    // With a1 hidden, a = a1 gives a away: a is hidden; the root then needs b hidden; b then
    // needs its smallest child b2.
    const table = buildTable({ parent: [-1, 0, 0, 1, 2, 2], groupSize: [100, 30, 70, 30, 40, 30], minimumSize: 5 });
    const reason = Uint8Array.from([0, 0, 0, PRIMARY, 0, 0]);
    protect(table, reason);
    expect(Array.from(reason)).toEqual([SHOWN, COMPLEMENTARY, COMPLEMENTARY, PRIMARY, SHOWN, COMPLEMENTARY]);
    expect(exactlyDerivable(table, reason)).toEqual([]);
  });

  it('needs no complement among the children of an already-hidden parent', () => {
    // root 100 = x 3 + p 30 + z 67; p = p1 2 + p2 28. x and p1 are primary; p is x's complement.
    // p's own sum then has two hidden (p and p1), so p2 stays published.
    const r = suppress({ parent: [-1, 0, 0, 0, 2, 2], groupSize: [100, 3, 30, 67, 2, 28], minimumSize: 5 });
    expect(codes(r.reason)).toEqual([SHOWN, PRIMARY, COMPLEMENTARY, SHOWN, PRIMARY, SHOWN]);
  });

  it('protects across categories and the tree at once', () => {
    // root r with teams a, b, c; two categories. Team cells: a (2, 8), b (6, 9), c (12, 13).
    const n = 4;
    const cat1 = [20, 2, 6, 12];
    const cat2 = [30, 8, 9, 13];
    const total = cat1.map((v, i) => v + (cat2[i] ?? 0));
    const r = suppress({
      parent: [-1, 0, 0, 0],
      groupSize: total,
      minimumSize: 5,
      categories: { count: 2, groupSize: [...cat1, ...cat2] },
    });
    // a's category 1 (2) is primary. Its category sum (a = a1 + a2) hides a2 (8); category 1
    // across the teams (r1 = a1 + b1 + c1) hides b1 (6); then b's category sum hides b2 (9) and
    // category 2 across teams has a2 and b2 hidden: settled.
    expect(codes(r.categoryReason)).toEqual([SHOWN, PRIMARY, COMPLEMENTARY, SHOWN, SHOWN, COMPLEMENTARY, COMPLEMENTARY, SHOWN]);
    expect(codes(r.reason)).toEqual([0, 0, 0, 0]);
    expect(r.categories).toBe(2);
    const table = buildTable({ parent: [-1, 0, 0, 0], groupSize: total, minimumSize: 5, categories: { count: 2, groupSize: [...cat1, ...cat2] } });
    const all = Uint8Array.from([...(r.reason ?? []), ...(r.categoryReason ?? [])]);
    expect(all.length).toBe(3 * n);
    expect(exactlyDerivable(table, all)).toEqual([]);
  });

  it('uses a separate minimum for category cells', () => {
    const r = suppress({
      parent: [-1, 0, 0],
      groupSize: [40, 20, 20],
      minimumSize: 5,
      categories: { count: 2, groupSize: [10, 4, 6, 30, 16, 14], minimumSize: 10 },
    });
    expect(r.primary).toBe(2); // 4 and 6 are below 10
    expect(codes(r.reason)).toEqual([0, 0, 0]);
  });

  it('is idempotent: protecting its own output hides nothing more, and reruns agree', () => {
    const input = { parent: [-1, 0, 0, 0, 2, 2], groupSize: [100, 3, 30, 67, 10, 20], minimumSize: 5 };
    const first = suppress(input);
    expect(suppress(input)).toEqual(first);
    const reason = first.reason.slice();
    expect(protect(buildTable(input), reason)).toBe(0);
    expect(reason).toEqual(first.reason);
  });
});

describe('the exact audit', () => {
  // One parent over four leaf teams A–D, four categories. Hidden: the category cells of two
  // 2 × 2 blocks, (A,1) (A,2) (B,1) (B,2) and (C,3) (C,4) (D,3) (D,4), and the bridge (B,3).
  // Every sum has 0 or at least 2 hidden members, yet rows A + B minus columns 1 + 2 give (B,3).
  const n = 5;
  const K = 4;
  const parent = [-1, 0, 0, 0, 0];
  const cell = (k: number, u: number) => k * n + u;
  const leaf = [
    [20, 20, 20, 20],
    [20, 20, 20, 20],
    [20, 20, 20, 20],
    [20, 20, 20, 20],
  ];
  const categorySizes: number[] = [];
  for (let k = 1; k <= K; k += 1) {
    categorySizes.push(80); // the parent: four teams of 20
    for (let u = 1; u <= 4; u += 1) categorySizes.push(leaf[u - 1]?.[k - 1] ?? 0);
  }
  const table = buildTable({ parent, groupSize: [320, 80, 80, 80, 80], minimumSize: 5, categories: { count: K, groupSize: categorySizes } });
  const pattern = () => {
    const reason = new Uint8Array((K + 1) * n);
    const [A, B, C, D] = [1, 2, 3, 4];
    for (const [k, u] of [
      [1, A],
      [2, A],
      [1, B],
      [2, B],
      [3, C],
      [4, C],
      [3, D],
      [4, D],
      [3, B],
    ] as const)
      reason[cell(k, u)] = PRIMARY;
    return reason;
  };

  it('finds a cell that rows minus columns give away, as exact elimination does', () => {
    const reason = pattern();
    expect(Array.from(derivableCells(table, reason))).toEqual([cell(3, 2)]);
    expect(exactlyDerivable(table, reason)).toEqual([cell(3, 2)]);
  });

  it('repairs it by hiding a published cell that joins the two blocks', () => {
    const reason = pattern();
    expect(protect(table, reason)).toBe(1);
    expect(exactlyDerivable(table, reason)).toEqual([]);
    expect(Array.from(derivableCells(table, reason))).toEqual([]);
    // all cells are 20, so the lowest-numbered cell joining the blocks: (C,1)
    expect(reason[cell(1, 3)]).toBe(COMPLEMENTARY);
    expect(reason.filter((r) => r === COMPLEMENTARY).length).toBe(1);
  });
});

describe('input errors', () => {
  const ok = { parent: [-1, 0, 0], groupSize: [10, 4, 6], minimumSize: 5 };
  it('names the unit, never the value', () => {
    expect(() => suppress({ ...ok, groupSize: [10, 4, 7] })).toThrow('suppression: group size of unit 0 is not the sum of its children');
    expect(() => suppress({ ...ok, groupSize: [10, -4, 14] })).toThrow('group size at index 1 is negative');
    expect(() => suppress({ ...ok, groupSize: [10, Number.NaN, 6] })).toThrow('group size at index 1 is not a finite number');
    expect(() => suppress({ ...ok, parent: [-1, 2, 1] })).toThrow('unit 1 has a parent chain that forms a cycle');
    expect(() => suppress({ ...ok, parent: [-1, 0, 7] })).toThrow('parent of unit 2 is not a unit index');
    expect(() => suppress({ ...ok, parent: [-1, 1, 0] })).toThrow('unit 1 is its own parent');
    expect(() => suppress({ ...ok, minimumSize: 0 })).toThrow(/minimumSize/);
    expect(() => suppress({ ...ok, numerator: [5, 1, 1] })).toThrow('numerator of unit 0 is not the sum of its children');
    expect(() => suppress({ ...ok, categories: { count: 2, groupSize: [5, 2, 3, 6, 2, 4] } })).toThrow(
      'category group sizes of unit 0 do not add up to its group size',
    );
    expect(() => suppress({ ...ok, categories: { count: 1, groupSize: [10, 4] } })).toThrow('category group size has the wrong length');
    try {
      suppress({ ...ok, groupSize: [10, 4, 7] });
    } catch (error) {
      expect(String(error)).not.toMatch(/7|11/);
    }
  });

  it('accepts numerators that add up, fractional or not', () => {
    expect(suppress({ ...ok, numerator: [2.5, 1, 1.5] }).primary).toBe(1);
  });
});
