import { leaver } from '#src/db/schema.ts';
import { cell, parseNumber, text } from './cells.ts';
import { dateColumn, monthOfDate, postColumns, postFields } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const leavers = defineKind({
  name: 'leavers',
  title: 'Leavers',
  description: 'People who left the trust (moves within the trust are not leavers).',
  columns: {
    ...postColumns,
    terminationDate: dateColumn('Termination Date', ['Leaving Date', 'Date Left', 'Last Day']),
    reason: { header: 'Leaving Reason', aliases: ['Reason for Leaving', 'Termination Reason'], cell: text('an ESR leaving reason') },
    lengthOfServiceYears: {
      header: 'Length of Service (Years)',
      aliases: ['Length of Service', 'Years of Service', 'Service Years'],
      cell: cell('a number of years between 0 and 70', parseNumber(0, 70)),
    },
  },
  key: ['staffNumber', 'terminationDate'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.terminationDate),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      leaver,
      rows.map((row) => ({
        ...postFields(row, idOf(units, row.unitCode)),
        terminationDate: row.terminationDate,
        reason: row.reason,
        lengthOfServiceYears: row.lengthOfServiceYears,
        importId,
      })),
      ['staffNumber', 'terminationDate'],
    ),
});
