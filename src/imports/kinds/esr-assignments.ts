import { assignment } from '#src/db/schema.ts';
import { date, optional, optionalDate, optionalText, parseCode, text } from './cells.ts';
import { endBeforeStart, fteColumn, gradeColumn, jobTitleColumn, orgCodeColumn, staffGroupColumn, staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

/** ESR date-tracks assignments: one assignment number can have several rows, each from its start date. */
export const esrAssignments = defineKind({
  name: 'esr-assignments',
  title: 'ESR assignments',
  description: 'Every assignment row in the period (staff in post), date-tracked by start date.',
  columns: {
    assignmentNumber: { header: 'Assignment Number', aliases: ['Assignment No', 'Assignment ID'], cell: text('an assignment number such as 20711718-1') },
    staffNumber: staffNumberColumn,
    unitCode: orgCodeColumn,
    unitName: { header: 'Organisation', aliases: ['Organisation Name', 'Org Name', 'Team Name'], cell: optionalText('the team’s name'), optional: true },
    jobTitle: jobTitleColumn,
    staffGroup: staffGroupColumn,
    band: gradeColumn,
    fte: fteColumn,
    lineManager: {
      header: 'Line Manager Staff Number',
      aliases: ['Supervisor Staff Number', 'Line Manager Employee Number', 'Manager Staff Number'],
      cell: optional('the line manager’s staff number', parseCode),
      ref: 'staff',
      optional: true,
    },
    startDate: { header: 'Start Date', aliases: ['Effective Start Date', 'Assignment Start Date'], cell: date() },
    endDate: { header: 'End Date', aliases: ['Effective End Date', 'Assignment End Date'], cell: optionalDate(), optional: true },
  },
  key: ['assignmentNumber', 'startDate'],
  unitColumn: 'unitCode',
  month: (row) => row.startDate.slice(0, 7),
  check: (row) => endBeforeStart('endDate', row.startDate, row.endDate),
  load: (tx, rows, { units, people }) =>
    upsertRows(
      tx,
      assignment,
      rows.map((row) => ({
        assignmentNumber: row.assignmentNumber,
        startDate: row.startDate,
        personId: idOf(people, row.staffNumber),
        unitId: idOf(units, row.unitCode),
        jobTitle: row.jobTitle,
        staffGroup: row.staffGroup,
        band: row.band,
        fte: row.fte,
        lineManagerId: row.lineManager === null ? null : idOf(people, row.lineManager),
        endDate: row.endDate,
      })),
      ['assignmentNumber', 'startDate'],
    ),
});
