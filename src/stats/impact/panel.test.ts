import { describe, expect, it } from 'vitest';
import { buildPanelGrid, summariseWindow, type ImpactPanel } from './panel.ts';

const panel = (overrides: Partial<ImpactPanel> = {}): ImpactPanel => ({
  team: [0, 0, 0, 1],
  month: [0, 1, 3, 2],
  value: [1, 2, Number.NaN, 4],
  headcount: [10, 12, Number.NaN, 5],
  teamFamily: [0, 1],
  ...overrides,
});
const noEvents = { team: [], month: [] };

describe('buildPanelGrid', () => {
  it('lays rows out as a dense grid with missing months as NaN', () => {
    const grid = buildPanelGrid(panel(), { team: [1, 1], month: [7, 4] });
    expect(grid.teamCount).toBe(2);
    expect(grid.monthCount).toBe(4);
    expect(Array.from(grid.values)).toEqual([1, 2, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 4, Number.NaN]);
    expect(Array.from(grid.firstEventMonth)).toEqual([Number.POSITIVE_INFINITY, 4]);
  });

  it('summarises a window clipped to the panel, counting only observed months', () => {
    const grid = buildPanelGrid(panel(), noEvents);
    expect(summariseWindow(grid, 0, -5, 10)).toEqual({ months: 2, mean: 1.5, meanHeadcount: 11 });
    expect(summariseWindow(grid, 1, 0, 1).months).toBe(0);
  });

  it('throws on programming errors with a message naming the problem', () => {
    expect(() => buildPanelGrid(panel({ month: [0, 1] }), noEvents)).toThrow('Impact panel: month has 2 rows but team has 4');
    expect(() => buildPanelGrid(panel({ team: [0, 0.5, 0, 1] }), noEvents)).toThrow('Impact panel: team[1] = 0.5 is not an integer index');
    expect(() => buildPanelGrid(panel({ team: [0, 0, 0, 2] }), noEvents)).toThrow(/team\[3\] = 2 is outside 0…1/);
    expect(() => buildPanelGrid(panel({ month: [0, 0, 3, 2] }), noEvents)).toThrow('Impact panel: row 1 repeats team 0 month 0');
    expect(() => buildPanelGrid(panel({ month: [0, -1, 3, 2] }), noEvents)).toThrow(/negative/);
    expect(() => buildPanelGrid(panel({ value: [1, Number.POSITIVE_INFINITY, 0, 0] }), noEvents)).toThrow(/use NaN for a missing month/);
    expect(() => buildPanelGrid(panel({ headcount: [10, -1, 0, 5] }), noEvents)).toThrow(/headcount\[1\]/);
    expect(() => buildPanelGrid(panel(), { team: [0], month: [] })).toThrow('Impact events: month has 0 entries but team has 1');
    expect(() => buildPanelGrid(panel(), { team: [0], month: [2.5] })).toThrow('Impact events: month[0] = 2.5 is not an integer index');
    expect(() => buildPanelGrid(panel(), { team: [3], month: [2] })).toThrow(/Impact events: team\[0\] = 3 is outside/);
  });
});
