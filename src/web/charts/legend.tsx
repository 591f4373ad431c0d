import { raw } from 'hono/html';
import { lineSwatch, MARKS, markSwatch, type LINES, type MarkKind } from './marks.ts';

type LegendEntry = { mark: MarkKind; text?: string } | { line: keyof typeof LINES; text: string } | { band: true; text: string };

function swatch(entry: LegendEntry): string {
  if ('mark' in entry) return markSwatch(entry.mark);
  if ('line' in entry) return lineSwatch(entry.line);
  return '<svg class="vitals-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="#e8edee" stroke="#aeb7bd"/></svg>';
}

/** What the marks and lines of the charts mean, in words beside each symbol. */
export function ChartLegend({ entries, label }: { entries: LegendEntry[]; label: string }) {
  return (
    <ul class="nhsuk-list vitals-legend" aria-label={label}>
      {entries.map((entry) => (
        <li>
          {raw(swatch(entry))} {'mark' in entry ? (entry.text ?? MARKS[entry.mark].label) : entry.text}
        </li>
      ))}
    </ul>
  );
}

export const SPC_LEGEND: LegendEntry[] = [
  { mark: 'common' },
  { mark: 'concern' },
  { mark: 'improvement' },
  { mark: 'neutral' },
  { mark: 'neutral-low' },
  { line: 'mean', text: 'Mean' },
  { line: 'limit', text: 'Process limits (where 99% of common cause variation falls)' },
  { line: 'target', text: 'Target' },
  { band: true, text: 'Suppressed period: no value is shown' },
];

export const FUNNEL_LEGEND: LegendEntry[] = [
  { mark: 'common', text: 'Within the 95% limits' },
  { mark: 'concern', text: 'Outside a limit, unfavourable' },
  { mark: 'improvement', text: 'Outside a limit, favourable' },
  { mark: 'neutral', text: 'Above a limit (neither better nor worse)' },
  { mark: 'neutral-low', text: 'Below a limit (neither better nor worse)' },
  { line: 'mean', text: 'Target' },
  { line: 'limit95', text: '95% limits' },
  { line: 'limit', text: '99.8% limits' },
];
