import { establishment as establishmentTable } from '#src/db/schema.ts';
import { cell, parseNumber } from './cells.ts';
import { monthColumn, orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const establishment = defineKind({
  name: 'establishment',
  title: 'Establishment',
  description: 'Budgeted (funded) FTE per team per month, from the finance ledger.',
  columns: {
    month: monthColumn,
    unitCode: orgCodeColumn,
    budgetedFte: {
      header: 'Budgeted FTE',
      aliases: ['Budget FTE', 'Establishment FTE', 'Funded FTE', 'Budgeted WTE'],
      cell: cell('a number of FTE, 0 or more', parseNumber(0, 1_000_000)),
    },
  },
  key: ['month', 'unitCode'],
  unitColumn: 'unitCode',
  month: (row) => row.month,
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      establishmentTable,
      rows.map((row) => ({ month: row.month, unitId: idOf(units, row.unitCode), budgetedFte: row.budgetedFte, importId })),
      ['month', 'unitId'],
    ),
});
