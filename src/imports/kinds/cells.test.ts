import { describe, expect, it } from 'vitest';
import { count, date, duration, fte, grade, month, optionalDate, yesNo, type Cell } from './cells.ts';

function accepts<T>(cell: Cell<T>, raw: string): T {
  const parsed = cell.schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${raw} was refused: ${parsed.error.message}`);
  return parsed.data;
}
function refuses<T>(cell: Cell<T>, raw: string): string {
  const parsed = cell.schema.safeParse(raw);
  if (parsed.success) throw new Error(`${raw} was accepted`);
  return parsed.error.issues[0]?.message ?? '';
}

describe('cells', () => {
  it('reads dates as YYYY-MM-DD or DD/MM/YYYY, and refuses days that do not exist', () => {
    expect(accepts(date(), '2024-02-29')).toBe('2024-02-29');
    expect(accepts(date(), '5/3/2024')).toBe('2024-03-05');
    for (const bad of ['2023-02-29', '2024-13-01', '31/04/2024', '03-05-2024', '']) expect(refuses(date(), bad)).toBe('a date as YYYY-MM-DD or DD/MM/YYYY');
    expect(accepts(optionalDate(), '')).toBeNull();
    expect(refuses(optionalDate(), 'soon')).toBe('a date as YYYY-MM-DD or DD/MM/YYYY, or blank');
  });

  it('reads months as YYYY-MM, MM/YYYY, "Nov 2021" or the first of the month', () => {
    for (const [raw, value] of [['2021-11', '2021-11'], ['11/2021', '2021-11'], ['Nov 2021', '2021-11'], ['November-2021', '2021-11'], ['2021-11-01', '2021-11']] as const) {
      expect(accepts(month(), raw)).toBe(value);
    }
    for (const bad of ['2021-13', '2021-11-15', 'Nov']) expect(refuses(month(), bad)).toBe('a month as YYYY-MM');
  });

  it('keeps FTE between 0 and 1.5', () => {
    expect(accepts(fte(), '0.8')).toBe(0.8);
    expect(accepts(fte(), '1.5')).toBe(1.5);
    for (const bad of ['-0.5', '1.6', 'full', '']) expect(refuses(fte(), bad)).toBe('a number of FTE between 0 and 1.5');
  });

  it('reads counts, durations, grades and yes/no', () => {
    expect(accepts(count(), '1,234')).toBe(1234);
    expect(refuses(count(), '2.5')).toBe('a whole number, 0 or more');
    expect(accepts(duration(), '0:07:57')).toBe(477);
    expect(accepts(duration(), '1:27:03')).toBe(5223);
    expect(accepts(duration(), '7:57')).toBe(477);
    expect(refuses(duration(), '0:61:00')).toBe('a time as h:mm:ss (for example 0:07:57) or whole seconds');
    expect(accepts(grade(), 'Band 8A')).toBe('8a');
    expect(accepts(grade(), '6')).toBe('6');
    expect(accepts(grade(), 'VSM')).toBe('VSM');
    expect(accepts(yesNo(), 'YES')).toBe(true);
    expect(refuses(yesNo(), 'maybe')).toBe('Yes or No');
  });
});
