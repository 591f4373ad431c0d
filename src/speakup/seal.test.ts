import { describe, expect, it } from 'vitest';
import { open, openBytes, seal, sealedKeyId, type KeyRing } from './seal.ts';

const key = (byte: number) => Buffer.alloc(32, byte);
const current: KeyRing = [{ id: 'new', key: key(2) }, { id: 'old', key: key(1) }];

describe('seal', () => {
  it('round-trips text and bytes, and the sealed form holds neither', () => {
    const sealed = seal(current, 'message', 'The defibrillator failed its check');
    expect(sealed).not.toContain('defibrillator');
    expect(Buffer.from(sealed.split('.')[2] ?? '', 'base64url').toString('utf8')).not.toContain('defibrillator');
    expect(open(current, 'message', sealed)).toBe('The defibrillator failed its check');
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect([...openBytes(current, 'attachment', seal(current, 'attachment', bytes))]).toEqual([0, 1, 2, 255]);
  });

  it('seals with the newest key and still opens values sealed with an older one', () => {
    const underOld = seal([{ id: 'old', key: key(1) }], 'message', 'older');
    expect(sealedKeyId(underOld)).toBe('old');
    expect(sealedKeyId(seal(current, 'message', 'newer'))).toBe('new');
    expect(open(current, 'message', underOld)).toBe('older');
  });

  it('uses a fresh IV each time, so equal texts do not look equal', () => {
    expect(seal(current, 'message', 'same')).not.toBe(seal(current, 'message', 'same'));
  });

  it('refuses a value sealed for another purpose, altered, or under a key that is gone', () => {
    const sealed = seal(current, 'reporter-name', 'A. Person');
    expect(() => open(current, 'message', sealed)).toThrow();
    const payload = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
    payload[payload.length - 1] = (payload[payload.length - 1] ?? 0) ^ 1;
    expect(() => open(current, 'reporter-name', `v1.new.${payload.toString('base64url')}`)).toThrow();
    expect(() => open([{ id: 'other', key: key(3) }], 'reporter-name', sealed)).toThrow(/Speak-up key "new" is not in SPEAKUP_KEYS/);
  });
});
