import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '#src/imports/kinds/index.ts';
import { SOURCES_BY_KIND } from './after-import.ts';
import { METRICS_BY_KEY } from './catalogue.ts';

describe('SOURCES_BY_KIND', () => {
  it('says what every import kind feeds, and nothing else', () => {
    expect(Object.keys(SOURCES_BY_KIND).sort()).toEqual(IMPORT_KINDS.map((kind) => kind.name).sort());
  });

  it('recomputes ethnic minority representation after an ESR equality import', () => {
    expect(SOURCES_BY_KIND['esr-equality']).toContain(METRICS_BY_KEY.get('ethnic_minority_share')?.source);
  });
});
