import { appraisal } from '#src/db/schema.ts';
import { dateColumn, monthOfDate, orgCodeColumn, staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const appraisals = defineKind({
  name: 'appraisals',
  title: 'Appraisals',
  description: 'Appraisals (PDRs) completed.',
  columns: {
    staffNumber: staffNumberColumn,
    unitCode: orgCodeColumn,
    appraisalDate: dateColumn('Appraisal Date', ['Date of Appraisal', 'PDR Date', 'Review Date', 'Date Completed']),
  },
  key: ['staffNumber', 'appraisalDate'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.appraisalDate),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      appraisal,
      rows.map((row) => ({ staffNumber: row.staffNumber, appraisalDate: row.appraisalDate, unitId: idOf(units, row.unitCode), importId })),
      ['staffNumber', 'appraisalDate'],
    ),
});
