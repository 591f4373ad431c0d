import { starter } from '#src/db/schema.ts';
import { dateColumn, monthOfDate, postColumns, postFields } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const starters = defineKind({
  name: 'starters',
  title: 'Starters',
  description: 'People who joined the trust, with their first assignment.',
  columns: {
    ...postColumns,
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
        ...postFields(row, idOf(units, row.unitCode)),
        startDate: row.startDate,
        importId,
      })),
      ['staffNumber', 'startDate'],
    ),
});
