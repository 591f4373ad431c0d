import { complaint } from '#src/db/schema.ts';
import { optionalText, text } from './cells.ts';
import { dateColumn, monthOfDate, orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const complaints = defineKind({
  name: 'complaints',
  title: 'Complaints',
  description: 'Complaints received (Datix-style export).',
  columns: {
    reference: { header: 'Reference', aliases: ['Complaint Reference', 'Datix ID', 'ID', 'Complaint ID'], cell: text('a complaint reference') },
    receivedOn: dateColumn('Date Received', ['Received Date', 'Received', 'Date']),
    unitCode: orgCodeColumn,
    subject: { header: 'Subject', aliases: ['Category', 'Main Subject', 'Complaint Subject'], cell: text('the complaint’s subject') },
    outcome: { header: 'Outcome', aliases: ['Complaint Outcome'], cell: optionalText('the outcome'), optional: true },
  },
  key: ['reference'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.receivedOn),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      complaint,
      rows.map((row) => ({
        reference: row.reference,
        receivedOn: row.receivedOn,
        unitId: idOf(units, row.unitCode),
        subject: row.subject,
        outcome: row.outcome,
        importId,
      })),
      ['reference'],
    ),
});
