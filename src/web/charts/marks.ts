import { coord } from './svg.ts';

/**
 * How a point is drawn: every kind has its own shape as well as its own colour, so no meaning is
 * carried by colour alone (WCAG 1.4.1). Colours have at least 4.5:1 contrast on white.
 */
export type MarkKind = 'common' | 'concern' | 'improvement' | 'neutral' | 'neutral-low';

export const MARKS: Record<MarkKind, { shape: 'circle' | 'square' | 'diamond' | 'triangle-up' | 'triangle-down'; colour: string; label: string }> = {
  common: { shape: 'circle', colour: '#4c6272', label: 'Common cause variation' },
  concern: { shape: 'square', colour: '#c25400', label: 'Special cause of concern' },
  improvement: { shape: 'diamond', colour: '#005eb8', label: 'Special cause of improvement' },
  neutral: { shape: 'triangle-up', colour: '#6b2c91', label: 'Special cause, higher (neither better nor worse)' },
  'neutral-low': { shape: 'triangle-down', colour: '#6b2c91', label: 'Special cause, lower (neither better nor worse)' },
};

/** The mark of an SPC point type as the engine stores it ('special_cause_concern' …). */
export function markOfPointType(pointType: string): MarkKind {
  switch (pointType) {
    case 'special_cause_concern':
      return 'concern';
    case 'special_cause_improvement':
      return 'improvement';
    case 'special_cause_neutral_high':
      return 'neutral';
    case 'special_cause_neutral_low':
      return 'neutral-low';
    default:
      return 'common';
  }
}

/** One mark centred on (x, y); `size` is its half-width. */
export function markSvg(kind: MarkKind, x: number, y: number, size: number): string {
  const { shape, colour } = MARKS[kind];
  const s = size;
  switch (shape) {
    case 'circle':
      return `<circle cx="${coord(x)}" cy="${coord(y)}" r="${coord(s * 0.8)}" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${coord(x - s)}" y="${coord(y - s)}" width="${coord(2 * s)}" height="${coord(2 * s)}" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${coord(x)} ${coord(y - s * 1.3)}L${coord(x + s * 1.3)} ${coord(y)}L${coord(x)} ${coord(y + s * 1.3)}L${coord(x - s * 1.3)} ${coord(y)}Z" fill="${colour}"/>`;
    case 'triangle-up':
      return `<path d="M${coord(x)} ${coord(y - s * 1.3)}L${coord(x + s * 1.2)} ${coord(y + s)}L${coord(x - s * 1.2)} ${coord(y + s)}Z" fill="${colour}"/>`;
    case 'triangle-down':
      return `<path d="M${coord(x)} ${coord(y + s * 1.3)}L${coord(x + s * 1.2)} ${coord(y - s)}L${coord(x - s * 1.2)} ${coord(y - s)}Z" fill="${colour}"/>`;
  }
}

/** A mark on its own, for legends: decorative, since the text beside it says what it is. */
export function markSwatch(kind: MarkKind): string {
  return `<svg class="vitals-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${markSvg(kind, 8, 8, 5)}</svg>`;
}

/** Line styles used by the charts (and their legends). */
export const LINES = {
  values: { stroke: '#768692', width: 1.5, dash: '' },
  mean: { stroke: '#212b32', width: 1.5, dash: '' },
  limit: { stroke: '#212b32', width: 1, dash: '6 4' },
  target: { stroke: '#d5281b', width: 1.5, dash: '2 3 8 3' },
  limit95: { stroke: '#4c6272', width: 1, dash: '3 3' },
} as const;

export function lineSwatch(line: keyof typeof LINES): string {
  const style = LINES[line];
  return `<svg class="vitals-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false"><line x1="0" y1="8" x2="24" y2="8" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/></svg>`;
}

export function lineAttributes(line: keyof typeof LINES): string {
  const style = LINES[line];
  return `fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;
}
