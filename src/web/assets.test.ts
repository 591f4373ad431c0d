import { describe, expect, it } from 'vitest';
import { loadAssets, rewriteFontUrls } from './assets.ts';

describe('design system assets', () => {
  const css = '@font-face{font-family:"Frutiger W01";src:url(https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2)}body{color:red}';

  it('drops the NHS font host when no font URL is set, so nothing loads from outside', () => {
    expect(rewriteFontUrls(css, undefined)).toBe('body{color:red}');
  });

  it('points the fonts at FONT_URL when it is set', () => {
    expect(rewriteFontUrls(css, 'https://fonts.trust.nhs.uk/')).toContain('url(https://fonts.trust.nhs.uk/FrutigerLTW01-55Roman.woff2)');
  });

  it('serves the real nhsuk-frontend CSS with no external font', () => {
    const served = new TextDecoder().decode(loadAssets(undefined).get('nhsuk-frontend.min.css')?.body);
    expect(served).toContain('.nhsuk-header');
    expect(served).not.toContain('assets.nhs.uk');
  });
});
