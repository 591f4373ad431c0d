import { cell, count, parseChoice, parseNumber } from './cells.ts';
import { monthColumn, orgCodeColumn } from './columns.ts';
import { defineKind } from './define.ts';
import { loadFigures } from './operational.ts';

const SERVICES = { '999': '999', 'NHS 111': '111', '111': '111' } as const;
const seconds = cell('a number of seconds, 0 or more', parseNumber(0, 1_000_000));

/**
 * Monthly call handling per service. Stored measures, with <s> 999 or 111: calls_<s>_received,
 * calls_<s>_answered, calls_<s>_answered_within_5s, calls_<s>_answered_within_60s,
 * calls_<s>_mean_answer_seconds, calls_<s>_p90_answer_seconds.
 */
export const callHandling = defineKind({
  name: 'call-handling',
  title: '999 and NHS 111 call handling',
  description: 'Monthly calls received and answered, and answer times, per service and call centre.',
  columns: {
    month: monthColumn,
    service: { header: 'Service', aliases: ['Line', 'Call Type'], cell: cell('999 or NHS 111', parseChoice(Object.keys(SERVICES) as (keyof typeof SERVICES)[])) },
    unitCode: orgCodeColumn,
    received: { header: 'Calls Received', aliases: ['Calls Presented', 'Calls Offered'], cell: count() },
    answered: { header: 'Calls Answered', aliases: ['Answered'], cell: count() },
    within5: { header: 'Answered Within 5 Seconds', aliases: ['Calls Answered Within 5 Seconds'], cell: count() },
    within60: { header: 'Answered Within 60 Seconds', aliases: ['Calls Answered Within 60 Seconds'], cell: count() },
    meanSeconds: { header: 'Mean Answer Time (Seconds)', aliases: ['Mean Answer Time', 'Mean Call Answer Time'], cell: seconds },
    p90Seconds: { header: '90th Centile Answer Time (Seconds)', aliases: ['90th Centile Answer Time', '90th Percentile Answer Time'], cell: seconds },
  },
  key: ['month', 'service', 'unitCode'],
  unitColumn: 'unitCode',
  month: (row) => row.month,
  check: (row) => [
    ...(row.answered > row.received ? [{ column: 'answered', value: String(row.answered), expected: `no more than the ${row.received} calls received` }] : []),
    ...(row.within60 > row.answered ? [{ column: 'within60', value: String(row.within60), expected: `no more than the ${row.answered} calls answered` }] : []),
    ...(row.within5 > row.within60 ? [{ column: 'within5', value: String(row.within5), expected: `no more than the ${row.within60} answered within 60 seconds` }] : []),
  ],
  load: (tx, rows, context) =>
    loadFigures(
      tx,
      rows.map((row) => {
        const s = SERVICES[row.service];
        return {
          month: row.month,
          unitCode: row.unitCode,
          figures: {
            [`calls_${s}_received`]: row.received,
            [`calls_${s}_answered`]: row.answered,
            [`calls_${s}_answered_within_5s`]: row.within5,
            [`calls_${s}_answered_within_60s`]: row.within60,
            [`calls_${s}_mean_answer_seconds`]: row.meanSeconds,
            [`calls_${s}_p90_answer_seconds`]: row.p90Seconds,
          },
        };
      }),
      context,
    ),
});
