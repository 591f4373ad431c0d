import { describe, expect, it } from 'vitest';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('verifies the right password and no other, with a fresh salt each time', async () => {
    const hash = await hashPassword('vitals-demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('vitals-demo', hash)).toBe(true);
    expect(await verifyPassword('vitals-demo ', hash)).toBe(false);
    expect(await hashPassword('vitals-demo')).not.toBe(hash);
  });

  it('never accepts anything against the unusable hash or a malformed one', async () => {
    expect(await verifyPassword('', UNUSABLE_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
