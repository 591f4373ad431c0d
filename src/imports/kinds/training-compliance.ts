import { trainingCompliance as trainingComplianceTable } from '#src/db/schema.ts';
import { count, text } from './cells.ts';
import { monthColumn, orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const trainingCompliance = defineKind({
  name: 'training-compliance',
  title: 'Statutory and mandatory training compliance',
  description: 'Per team, month and competence: staff who need it and staff in date.',
  columns: {
    month: monthColumn,
    unitCode: orgCodeColumn,
    competence: { header: 'Competence', aliases: ['Competence Name', 'Course', 'Course Name', 'Subject'], cell: text('a competence (course) name') },
    required: { header: 'Required', aliases: ['Staff Required', 'Headcount Required', 'Assigned'], cell: count('a whole number of staff, 0 or more') },
    compliant: { header: 'Compliant', aliases: ['Staff Compliant', 'Achieved', 'In Date'], cell: count('a whole number of staff, 0 or more') },
  },
  key: ['month', 'unitCode', 'competence'],
  unitColumn: 'unitCode',
  month: (row) => row.month,
  check: (row) =>
    row.compliant > row.required ? [{ column: 'compliant', value: String(row.compliant), expected: `no more than the ${row.required} required` }] : [],
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      trainingComplianceTable,
      rows.map((row) => ({
        month: row.month,
        unitId: idOf(units, row.unitCode),
        competence: row.competence,
        required: row.required,
        compliant: row.compliant,
        importId,
      })),
      ['month', 'unitId', 'competence'],
    ),
});
