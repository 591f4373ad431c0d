import { raw } from 'hono/html';

/**
 * Making Data Count's two icons, drawn small, always beside a visible text label: the icon helps
 * people who know MDC, the words carry the meaning (so the SVG itself is hidden from assistive
 * technology).
 */

interface IconStyle {
  colour: string;
  /** The glyph in the circle: H (higher), L (lower), P (pass), F (fail), ? or a dash. */
  glyph: string;
  label: string;
  short: string;
}

export const VARIATION_ICONS: Record<string, IconStyle> = {
  common_cause: { colour: '#4c6272', glyph: '–', label: 'Common cause variation', short: 'Common cause' },
  improvement_high: { colour: '#005eb8', glyph: 'H', label: 'Special cause of improvement (higher)', short: 'Improvement (higher)' },
  improvement_low: { colour: '#005eb8', glyph: 'L', label: 'Special cause of improvement (lower)', short: 'Improvement (lower)' },
  concern_high: { colour: '#c25400', glyph: 'H', label: 'Special cause of concern (higher)', short: 'Concern (higher)' },
  concern_low: { colour: '#c25400', glyph: 'L', label: 'Special cause of concern (lower)', short: 'Concern (lower)' },
  neutral_high: { colour: '#6b2c91', glyph: 'H', label: 'Special cause variation (higher, neither better nor worse)', short: 'Special cause (higher)' },
  neutral_low: { colour: '#6b2c91', glyph: 'L', label: 'Special cause variation (lower, neither better nor worse)', short: 'Special cause (lower)' },
};

export const ASSURANCE_ICONS: Record<string, IconStyle> = {
  pass: { colour: '#005eb8', glyph: 'P', label: 'Consistently passing the target', short: 'Passing target' },
  fail: { colour: '#c25400', glyph: 'F', label: 'Consistently failing the target', short: 'Failing target' },
  hit_and_miss: { colour: '#4c6272', glyph: '?', label: 'Hit and miss: the target may or may not be met', short: 'Hit and miss' },
};

export function iconSvg(style: IconStyle): string {
  const arrow =
    style.glyph === 'H' ? '<path d="M19 3l3 4h-6z" fill="COLOUR"/>' : style.glyph === 'L' ? '<path d="M19 21l3-4h-6z" fill="COLOUR"/>' : '';
  return (
    `<svg class="vitals-icon__svg" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">` +
    `<circle cx="12" cy="12" r="10.5" fill="#fff" stroke="${style.colour}" stroke-width="2"/>` +
    `<text x="12" y="16.5" text-anchor="middle" font-size="13" font-weight="bold" fill="${style.colour}">${style.glyph}</text>` +
    arrow.replaceAll('COLOUR', style.colour) +
    `</svg>`
  );
}

function Icon({ style, short }: { style: IconStyle; short: boolean }) {
  return (
    <span class="vitals-icon">
      {raw(iconSvg(style))}
      <span class="vitals-icon__label">{short ? style.short : style.label}</span>
    </span>
  );
}

export function VariationIcon({ variation, short = false }: { variation: string | null; short?: boolean }) {
  const style = variation ? VARIATION_ICONS[variation] : undefined;
  return style ? <Icon style={style} short={short} /> : null;
}

export function AssuranceIcon({ assurance, short = false }: { assurance: string | null; short?: boolean }) {
  const style = assurance ? ASSURANCE_ICONS[assurance] : undefined;
  return style ? <Icon style={style} short={short} /> : null;
}
