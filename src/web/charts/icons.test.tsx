import { describe, expect, it } from 'vitest';
import { AssuranceIcon, VariationIcon } from './icons.tsx';

const html = async (node: unknown) => String(await Promise.resolve(node));

describe('variation and assurance icons', () => {
  it('carry their meaning in visible words; the drawing is hidden from assistive technology', async () => {
    const variation = await html(<VariationIcon variation="concern_high" />);
    expect(variation).toContain('aria-hidden="true"');
    expect(variation).toContain('<span class="vitals-icon__label">Special cause of concern (higher)</span>');
    expect(await html(<VariationIcon variation="improvement_low" short />)).toContain('Improvement (lower)');
    expect(await html(<AssuranceIcon assurance="pass" />)).toContain('Consistently passing the target');
    expect(await html(<AssuranceIcon assurance="fail" />)).toContain('Consistently failing the target');
    expect(await html(<AssuranceIcon assurance="hit_and_miss" short />)).toContain('Hit and miss');
  });

  it('draw nothing without an icon', async () => {
    expect(await html(<VariationIcon variation={null} />)).toBe('');
    expect(await html(<AssuranceIcon assurance={null} />)).toBe('');
  });
});
