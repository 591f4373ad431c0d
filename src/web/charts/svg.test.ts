import { describe, expect, it } from 'vitest';
import { escapeXml, linearScale, niceTicks, pathWithGaps, svgOpen, thinnedLabelIndices } from './svg.ts';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(3.2, 7.9, 5)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(niceTicks(0, 0.42, 4)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(12, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('widens a single value into a range around it', () => {
    const ticks = niceTicks(5, 5);
    expect(ticks[0]).toBeLessThan(5);
    expect(ticks.at(-1)).toBeGreaterThan(5);
  });

  it('gives nothing for a range that is not finite', () => {
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('thinnedLabelIndices', () => {
  it('labels at most the number asked for, evenly, ending on the last period', () => {
    expect(thinnedLabelIndices(60, 6)).toEqual([9, 19, 29, 39, 49, 59]);
    expect(thinnedLabelIndices(5, 6)).toEqual([0, 1, 2, 3, 4]);
    expect(thinnedLabelIndices(24, 6)).toEqual([3, 7, 11, 15, 19, 23]);
    expect(thinnedLabelIndices(0, 6)).toEqual([]);
  });
});

describe('drawing helpers', () => {
  it('maps a domain onto a range, flipped for the y axis', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('starts a new subpath after every gap', () => {
    expect(pathWithGaps([[0, 0], [1, 1], null, [3, 3], [4, 4.04]])).toBe('M0 0L1 1M3 3L4 4');
    expect(pathWithGaps([null, null])).toBe('');
  });

  it('escapes text and labels the image by its title and description', () => {
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    const open = svgOpen('c1', 640, 280, 'Rate & more', 'A <desc>');
    expect(open).toContain('role="img"');
    expect(open).toContain('aria-labelledby="c1-title c1-desc"');
    expect(open).toContain('viewBox="0 0 640 280"');
    expect(open).toContain('<title id="c1-title">Rate &amp; more</title><desc id="c1-desc">A &lt;desc&gt;</desc>');
  });
});
