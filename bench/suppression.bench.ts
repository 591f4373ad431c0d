// Suppression over a 60,000-unit tree (issue 3): trust → 10 directorates → 600 areas → 59,389
// teams, team sizes deterministic (a fixed linear congruential generator), many below the
// minimum. Also the same tree crossed with 5 categories (an EDI breakdown: 360,000 cells).
import { suppress, type SuppressionInput } from '../src/stats/suppression/suppress.ts';
import { singlePass, type BenchCase } from './harness.ts';

const UNITS = 60_000;
const DIRECTORATES = 10;
const AREAS = 600;
const CATEGORIES = 5;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function buildTree(): { parent: Int32Array; teams: number } {
  const parent = new Int32Array(UNITS);
  parent[0] = -1;
  for (let d = 1; d <= DIRECTORATES; d += 1) parent[d] = 0;
  const firstArea = 1 + DIRECTORATES;
  for (let a = 0; a < AREAS; a += 1) parent[firstArea + a] = 1 + (a % DIRECTORATES);
  const firstTeam = firstArea + AREAS;
  for (let t = firstTeam; t < UNITS; t += 1) parent[t] = firstArea + ((t - firstTeam) % AREAS);
  return { parent, teams: UNITS - firstTeam };
}

const { parent, teams } = buildTree();
const random = generator(7);
const firstTeam = 1 + DIRECTORATES + AREAS;

/** Sums each layer of `cells` (layers × UNITS) up the tree; parents have lower indices than children. */
function sumUp(cells: Float64Array, layers: number): void {
  for (let k = 0; k < layers; k += 1) {
    for (let u = UNITS - 1; u > 0; u -= 1) {
      const at = k * UNITS + (parent[u] ?? 0);
      cells[at] = (cells[at] ?? 0) + (cells[k * UNITS + u] ?? 0);
    }
  }
}

// Tree alone: team headcounts 1 … 40, a quarter of teams under 11.
const groupSize = new Float64Array(UNITS);
for (let t = firstTeam; t < UNITS; t += 1) groupSize[t] = 1 + Math.floor(40 * random() ** 1.5);
sumUp(groupSize, 1);
const treeInput: SuppressionInput = { parent, groupSize, minimumSize: 11 };

// Tree × categories: team cells 0 … 15 per category, unit totals their sums.
const categoryCells = new Float64Array(CATEGORIES * UNITS);
for (let k = 0; k < CATEGORIES; k += 1)
  for (let t = firstTeam; t < UNITS; t += 1) categoryCells[k * UNITS + t] = Math.floor(16 * random() ** 1.5);
sumUp(categoryCells, CATEGORIES);
const totals = new Float64Array(UNITS);
for (let u = 0; u < UNITS; u += 1) for (let k = 0; k < CATEGORIES; k += 1) totals[u] = (totals[u] ?? 0) + (categoryCells[k * UNITS + u] ?? 0);
const categoryInput: SuppressionInput = {
  parent,
  groupSize: totals,
  minimumSize: 5,
  categories: { count: CATEGORIES, groupSize: categoryCells, minimumSize: 10 },
};

const unitPass = new Float64Array(UNITS);
const cellPass = new Float64Array((CATEGORIES + 1) * UNITS);

export const benches: BenchCase[] = [
  {
    name: 'suppression, tree',
    size: `60,000 units (${teams.toLocaleString('en-GB')} teams)`,
    run: () => suppress(treeInput),
    memoryBound: () => singlePass(unitPass),
  },
  {
    name: 'suppression, tree × 5 categories',
    size: '60,000 units × 6 cells',
    run: () => suppress(categoryInput),
    memoryBound: () => singlePass(cellPass),
  },
];
