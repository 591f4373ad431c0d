import { date, fte, grade, month, staffNumber, text, unitCode } from './cells.ts';

/** Columns many exports share, with the spellings seen in ESR, ledger and Datix exports. */
export const orgCodeColumn = {
  header: 'Organisation Code',
  aliases: ['Org Code', 'Organisation Code', 'Org Unit Code', 'Team Code', 'Unit Code', 'Department Code'],
  cell: unitCode(),
  ref: 'unit',
} as const;

export const staffNumberColumn = {
  header: 'Staff Number',
  aliases: ['Employee Number', 'Employee No', 'Staff No', 'Person Number', 'Employee ID'],
  cell: staffNumber(),
  ref: 'staff',
} as const;

export const monthColumn = { header: 'Month', aliases: ['Period', 'Reporting Month', 'Month Ending'], cell: month() } as const;
export const jobTitleColumn = { header: 'Position Title', aliases: ['Job Title', 'Position', 'Job Role'], cell: text('a job title') } as const;
export const staffGroupColumn = { header: 'Staff Group', aliases: ['ESR Staff Group'], cell: text('a staff group') } as const;
export const gradeColumn = { header: 'Grade', aliases: ['Band', 'Pay Band', 'Grade Code', 'Pay Grade'], cell: grade() } as const;
export const fteColumn = { header: 'FTE', aliases: ['Contracted FTE', 'Assignment FTE', 'WTE'], cell: fte() } as const;
export const dateColumn = (header: string, aliases: readonly string[] = []) => ({ header, aliases, cell: date() }) as const;

export const monthOfDate = (isoDate: string) => isoDate.slice(0, 7);
export const endBeforeStart = (column: string, start: string, end: string | null) =>
  end !== null && end < start ? [{ column, value: end, expected: `a date on or after ${start}` }] : [];

/** Who holds a post and what the post is, as ESR's starters and leavers reports name it. */
export const postColumns = {
  staffNumber: staffNumberColumn,
  unitCode: orgCodeColumn,
  jobTitle: jobTitleColumn,
  staffGroup: staffGroupColumn,
  band: gradeColumn,
  fte: fteColumn,
} as const;

/** The post columns of a row as a fact table stores them (the unit code resolved to its id). */
export function postFields(
  row: { staffNumber: string; unitCode: string; jobTitle: string; staffGroup: string; band: string; fte: number },
  unitId: number,
) {
  return { staffNumber: row.staffNumber, unitId, jobTitle: row.jobTitle, staffGroup: row.staffGroup, band: row.band, fte: row.fte };
}
