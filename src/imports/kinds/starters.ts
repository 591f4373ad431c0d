import { starter } from '#src/db/schema.ts';
import { dateColumn, fteColumn, gradeColumn, jobTitleColumn, monthOfDate, orgCodeColumn, staffGroupColumn, staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const starters = defineKind({
  name: 'starters',
  title: 'Starters',
  description: 'People who joined the trust, with their first assignment.',
  columns: {
    staffNumber: staffNumberColumn,
    unitCode: orgCodeColumn,
    jobTitle: jobTitleColumn,
    staffGroup: staffGroupColumn,
    band: gradeColumn,
    fte: fteColumn,
    startDate: dateColumn('Start Date', ['Hire Date', 'Date Started', 'Latest Start Date']),
  },
  key: ['staffNumber', 'startDate'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.startDate),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      starter,
      rows.map((row) => ({
        staffNumber: row.staffNumber,
        startDate: row.startDate,
        unitId: idOf(units, row.unitCode),
        jobTitle: row.jobTitle,
        staffGroup: row.staffGroup,
        band: row.band,
        fte: row.fte,
        importId,
      })),
      ['staffNumber', 'startDate'],
    ),
});
