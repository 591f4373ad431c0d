import { count, duration } from './cells.ts';
import { monthColumn, orgCodeColumn } from './columns.ts';
import { defineKind } from './define.ts';
import { loadFigures } from './operational.ts';

/**
 * AmbSYS-style monthly figures. Stored measures: incidents, c1_mean_seconds, c1_p90_seconds,
 * c2_mean_seconds, c2_p90_seconds, c3_p90_seconds, c4_p90_seconds, handovers, handovers_within_15,
 * handovers_within_30, handovers_within_60.
 */
export const ambulanceResponseTimes = defineKind({
  name: 'ambulance-response-times',
  title: 'Ambulance response times',
  description: 'Monthly response times (h:mm:ss) and hospital handovers for the trust and each hub.',
  columns: {
    month: monthColumn,
    unitCode: orgCodeColumn,
    incidents: { header: 'Incidents', aliases: ['Incidents With Response', 'Face to Face Incidents'], cell: count() },
    c1Mean: { header: 'C1 Mean', aliases: ['Category 1 Mean', 'C1 Mean Response Time'], cell: duration() },
    c1P90: { header: 'C1 90th Centile', aliases: ['Category 1 90th Centile', 'C1 90th Percentile'], cell: duration() },
    c2Mean: { header: 'C2 Mean', aliases: ['Category 2 Mean', 'C2 Mean Response Time'], cell: duration() },
    c2P90: { header: 'C2 90th Centile', aliases: ['Category 2 90th Centile', 'C2 90th Percentile'], cell: duration() },
    c3P90: { header: 'C3 90th Centile', aliases: ['Category 3 90th Centile', 'C3 90th Percentile'], cell: duration() },
    c4P90: { header: 'C4 90th Centile', aliases: ['Category 4 90th Centile', 'C4 90th Percentile'], cell: duration() },
    handovers: { header: 'Hospital Handovers', aliases: ['Handovers'], cell: count() },
    within15: { header: 'Handovers Within 15 Minutes', aliases: ['Handovers <15 Minutes', 'Within 15 Minutes'], cell: count() },
    within30: { header: 'Handovers Within 30 Minutes', aliases: ['Handovers <30 Minutes', 'Within 30 Minutes'], cell: count() },
    within60: { header: 'Handovers Within 60 Minutes', aliases: ['Handovers <60 Minutes', 'Within 60 Minutes'], cell: count() },
  },
  key: ['month', 'unitCode'],
  unitColumn: 'unitCode',
  month: (row) => row.month,
  check: (row) => {
    const over = (column: string, value: number, limit: number, what: string) =>
      value > limit ? [{ column, value: String(value), expected: `no more than the ${limit} ${what}` }] : [];
    return [
      ...over('within15', row.within15, row.within30, 'handed over within 30 minutes'),
      ...over('within30', row.within30, row.within60, 'handed over within 60 minutes'),
      ...over('within60', row.within60, row.handovers, 'hospital handovers'),
    ];
  },
  load: (tx, rows, context) =>
    loadFigures(
      tx,
      rows.map((row) => ({
        month: row.month,
        unitCode: row.unitCode,
        figures: {
          incidents: row.incidents,
          c1_mean_seconds: row.c1Mean,
          c1_p90_seconds: row.c1P90,
          c2_mean_seconds: row.c2Mean,
          c2_p90_seconds: row.c2P90,
          c3_p90_seconds: row.c3P90,
          c4_p90_seconds: row.c4P90,
          handovers: row.handovers,
          handovers_within_15: row.within15,
          handovers_within_30: row.within30,
          handovers_within_60: row.within60,
        },
      })),
      context,
    ),
});
