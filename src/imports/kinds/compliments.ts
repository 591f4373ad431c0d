import { compliment } from '#src/db/schema.ts';
import { text } from './cells.ts';
import { dateColumn, monthOfDate, orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const compliments = defineKind({
  name: 'compliments',
  title: 'Compliments',
  description: 'Compliments received.',
  columns: {
    reference: { header: 'Reference', aliases: ['Compliment Reference', 'ID', 'Compliment ID'], cell: text('a compliment reference') },
    receivedOn: dateColumn('Date Received', ['Received Date', 'Received', 'Date']),
    unitCode: orgCodeColumn,
    theme: { header: 'Theme', aliases: ['Category', 'Main Theme'], cell: text('the compliment’s theme') },
  },
  key: ['reference'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.receivedOn),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      compliment,
      rows.map((row) => ({ reference: row.reference, receivedOn: row.receivedOn, unitId: idOf(units, row.unitCode), theme: row.theme, importId })),
      ['reference'],
    ),
});
