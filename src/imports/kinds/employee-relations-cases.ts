import { employeeRelationsCase, employeeRelationsCaseType } from '#src/db/schema.ts';
import { choice, optionalDate, optionalText, text } from './cells.ts';
import { dateColumn, endBeforeStart, monthOfDate, orgCodeColumn, staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const employeeRelationsCases = defineKind({
  name: 'employee-relations-cases',
  title: 'Employee relations cases',
  description: 'Formal cases: disciplinary, grievance, bullying and harassment, capability.',
  columns: {
    reference: { header: 'Case Reference', aliases: ['Reference', 'Case ID', 'Case Number'], cell: text('a case reference') },
    caseType: { header: 'Case Type', aliases: ['Type', 'Category'], cell: choice(employeeRelationsCaseType.enumValues) },
    staffNumber: staffNumberColumn,
    unitCode: orgCodeColumn,
    openedOn: dateColumn('Date Opened', ['Opened', 'Open Date', 'Start Date']),
    closedOn: { header: 'Date Closed', aliases: ['Closed', 'Close Date', 'End Date'], cell: optionalDate() },
    outcome: { header: 'Outcome', aliases: ['Case Outcome'], cell: optionalText('the outcome'), optional: true },
  },
  key: ['reference'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.openedOn),
  check: (row) => endBeforeStart('closedOn', row.openedOn, row.closedOn),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      employeeRelationsCase,
      rows.map((row) => ({
        reference: row.reference,
        caseType: row.caseType,
        staffNumber: row.staffNumber,
        unitId: idOf(units, row.unitCode),
        openedOn: row.openedOn,
        closedOn: row.closedOn,
        outcome: row.outcome,
        importId,
      })),
      ['reference'],
    ),
});
