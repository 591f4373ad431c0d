import { describe, expect, it } from 'vitest';
import { newReceiptCode, normaliseReceiptCode, receiptLookup } from './receipt.ts';

describe('receipt codes', () => {
  it('are five groups of four Crockford symbols: 100 random bits', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(new Set(Array.from({ length: 200 }, newReceiptCode)).size).toBe(200);
  });

  it('read back however they are typed: spaces, lower case, O for 0, I or L for 1', () => {
    const code = 'VSDM-0000-0000-0000-0001';
    const canonical = normaliseReceiptCode(code);
    expect(canonical).toBe('VSDM0000000000000001');
    expect(normaliseReceiptCode(' vsdm oooo 0000 0000 000l ')).toBe(canonical);
    expect(receiptLookup(canonical ?? '')).toBe(receiptLookup(normaliseReceiptCode('vsdm-0000-0000-0000-000i') ?? ''));
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseReceiptCode('')).toBeUndefined();
    expect(normaliseReceiptCode('VSDM-0000')).toBeUndefined();
    expect(normaliseReceiptCode('VSDM-0000-0000-0000-000U')).toBeUndefined();
  });
});
