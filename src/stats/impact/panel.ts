/**
 * The team × month panel the impact estimate reads (impact.md), checked and laid out as a dense
 * grid. Rows are parallel arrays; a missing month is either an absent row or a NaN outcome.
 */
export interface ImpactPanel {
  /** Team index (0-based) of each row. */
  team: ArrayLike<number>;
  /** Month index (0-based, 0…M−1) of each row. */
  month: ArrayLike<number>;
  /** The outcome (a rate, a mean, a count per head…); NaN where the month is missing. */
  value: ArrayLike<number>;
  /** The team's headcount that month; must be finite and ≥ 0 wherever `value` is not NaN. */
  headcount: ArrayLike<number>;
  /** The family (e.g. directorate) of each team, indexed by team: its length is the number of teams. */
  teamFamily: ArrayLike<number>;
}

/**
 * Treatment events (impact.md "Treated"): the month (event time 0) a programme graduate becomes a
 * team's manager, or a manager of the team graduates. Months may lie outside the panel (an event
 * before month 0 still rules the team out as a comparison). A team with several events is treated
 * from its earliest: treatment is absorbing.
 */
export interface TreatmentEvents {
  team: ArrayLike<number>;
  month: ArrayLike<number>;
}

export interface PanelGrid {
  teamCount: number;
  monthCount: number;
  /** values[team·monthCount + month], NaN where missing. */
  values: Float64Array;
  headcounts: Float64Array;
  families: Int32Array;
  /** Each team's first event month; +Infinity for a team never treated. */
  firstEventMonth: Float64Array;
}

/** Checks shapes and indices (throwing on programming errors) and builds the dense grid. */
export function buildPanelGrid(panel: ImpactPanel, events: TreatmentEvents): PanelGrid {
  const rows = panel.team.length;
  for (const [name, column] of [['month', panel.month], ['value', panel.value], ['headcount', panel.headcount]] as const) {
    if (column.length !== rows) throw new Error(`Impact panel: ${name} has ${column.length} rows but team has ${rows}`);
  }
  if (events.month.length !== events.team.length) {
    throw new Error(`Impact events: month has ${events.month.length} entries but team has ${events.team.length}`);
  }
  const teamCount = panel.teamFamily.length;
  const families = new Int32Array(teamCount);
  for (let t = 0; t < teamCount; t += 1) families[t] = requireInteger('Impact panel: teamFamily', t, panel.teamFamily[t]);

  let monthCount = 0;
  for (let r = 0; r < rows; r += 1) {
    const team = requireInteger('Impact panel: team', r, panel.team[r]);
    const month = requireInteger('Impact panel: month', r, panel.month[r]);
    if (team < 0 || team >= teamCount) throw new Error(`Impact panel: team[${r}] = ${team} is outside 0…${teamCount - 1} (teamFamily has ${teamCount} teams)`);
    if (month < 0) throw new Error(`Impact panel: month[${r}] = ${month} is negative`);
    monthCount = Math.max(monthCount, month + 1);
  }

  const values = new Float64Array(teamCount * monthCount).fill(Number.NaN);
  const headcounts = new Float64Array(teamCount * monthCount).fill(Number.NaN);
  const seen = new Uint8Array(teamCount * monthCount);
  for (let r = 0; r < rows; r += 1) {
    const cell = (panel.team[r] ?? 0) * monthCount + (panel.month[r] ?? 0);
    if (seen[cell] === 1) throw new Error(`Impact panel: row ${r} repeats team ${panel.team[r]} month ${panel.month[r]}`);
    seen[cell] = 1;
    const value = panel.value[r] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    if (!Number.isFinite(value)) throw new Error(`Impact panel: value[${r}] = ${value}; use NaN for a missing month`);
    const headcount = panel.headcount[r] ?? Number.NaN;
    if (!(Number.isFinite(headcount) && headcount >= 0)) {
      throw new Error(`Impact panel: headcount[${r}] = ${headcount} must be a finite number ≥ 0 where value is present`);
    }
    values[cell] = value;
    headcounts[cell] = headcount;
  }

  const firstEventMonth = new Float64Array(teamCount).fill(Number.POSITIVE_INFINITY);
  for (let e = 0; e < events.team.length; e += 1) {
    const team = requireInteger('Impact events: team', e, events.team[e]);
    const month = requireInteger('Impact events: month', e, events.month[e]);
    if (team < 0 || team >= teamCount) throw new Error(`Impact events: team[${e}] = ${team} is outside 0…${teamCount - 1}`);
    firstEventMonth[team] = Math.min(firstEventMonth[team] ?? Number.POSITIVE_INFINITY, month);
  }
  return { teamCount, monthCount, values, headcounts, families, firstEventMonth };
}

/** Observed months, outcome mean and mean headcount of one team over months from…to (clipped to the panel). */
export interface WindowSummary {
  months: number;
  mean: number;
  meanHeadcount: number;
}

export function summariseWindow(grid: PanelGrid, team: number, from: number, to: number): WindowSummary {
  const start = team * grid.monthCount;
  let months = 0;
  let total = 0;
  let headcountTotal = 0;
  for (let m = Math.max(0, from); m <= Math.min(grid.monthCount - 1, to); m += 1) {
    const value = grid.values[start + m] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    months += 1;
    total += value;
    headcountTotal += grid.headcounts[start + m] ?? 0;
  }
  return { months, mean: total / months, meanHeadcount: headcountTotal / months };
}

function requireInteger(name: string, index: number, value: number | undefined): number {
  if (value === undefined || !Number.isSafeInteger(value)) throw new Error(`${name}[${index}] = ${value} is not an integer index`);
  return value;
}
