import { sicknessEpisode } from '#src/db/schema.ts';
import { cell, optionalDate, parseNumber, text } from './cells.ts';
import { dateColumn, endBeforeStart, monthOfDate, orgCodeColumn, staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

const daysLost = cell('a number of days, 0 or more', parseNumber(0, 100_000));

export const sicknessAbsence = defineKind({
  name: 'sickness-absence',
  title: 'Sickness absence episodes',
  description: 'One row per episode of sickness absence (an open episode has no end date).',
  columns: {
    staffNumber: staffNumberColumn,
    unitCode: orgCodeColumn,
    startDate: dateColumn('Absence Start Date', ['Start Date', 'First Day Absent', 'Episode Start Date']),
    endDate: { header: 'Absence End Date', aliases: ['End Date', 'Last Day Absent', 'Episode End Date'], cell: optionalDate() },
    calendarDaysLost: { header: 'Calendar Days Lost', aliases: ['Calendar Days', 'Days Lost'], cell: daysLost },
    fteDaysLost: { header: 'FTE Days Lost', aliases: ['FTE Days', 'WTE Days Lost'], cell: daysLost },
    reason: { header: 'Absence Reason', aliases: ['Reason', 'Sickness Reason'], cell: text('an absence reason such as "S11 Back Problems"') },
  },
  key: ['staffNumber', 'startDate'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.startDate),
  check: (row) => [
    ...endBeforeStart('endDate', row.startDate, row.endDate),
    ...(row.fteDaysLost > row.calendarDaysLost ? [{ column: 'fteDaysLost', value: String(row.fteDaysLost), expected: 'no more than the calendar days lost' }] : []),
  ],
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      sicknessEpisode,
      rows.map((row) => ({
        staffNumber: row.staffNumber,
        startDate: row.startDate,
        unitId: idOf(units, row.unitCode),
        endDate: row.endDate,
        calendarDaysLost: row.calendarDaysLost,
        fteDaysLost: row.fteDaysLost,
        reason: row.reason,
        importId,
      })),
      ['staffNumber', 'startDate'],
    ),
});
