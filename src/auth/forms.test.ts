import { describe, expect, it } from 'vitest';
import { safeNextPath } from './forms.ts';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/org/units/3?page=2')).toBe('/org/units/3?page=2');
  });

  it.each(['//evil.test', '/\\evil.test', '/\t/evil.test', '/\n/evil.test', 'https://evil.test', 'evil', '', undefined])(
    'refuses %j',
    (next) => expect(safeNextPath(next)).toBe('/'),
  );
});
