import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCookieValue, sealCookieValue } from './cookies.ts';

const SECRET = 'a session secret that is long enough for tests';
const now = new Date('2026-11-02T10:00:00Z');
const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const CaseSchema = z.object({ caseId: z.number() });

describe('sealed reporter cookies', () => {
  it('round-trip their payload until they expire', () => {
    const sealed = sealCookieValue(SECRET, 'vitals:speak-up-case:v1', { caseId: 42 }, inMinutes(30));
    expect(sealed).not.toContain('42');
    expect(openCookieValue(SECRET, 'vitals:speak-up-case:v1', sealed, inMinutes(29), CaseSchema)).toEqual({ caseId: 42 });
    expect(openCookieValue(SECRET, 'vitals:speak-up-case:v1', sealed, inMinutes(30), CaseSchema)).toBeUndefined();
  });

  it('cannot be altered, opened with another secret, or used for another purpose', () => {
    const sealed = sealCookieValue(SECRET, 'vitals:speak-up-case:v1', { caseId: 42 }, inMinutes(30));
    const bytes = Buffer.from(sealed, 'base64url');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(openCookieValue(SECRET, 'vitals:speak-up-case:v1', bytes.toString('base64url'), now, CaseSchema)).toBeUndefined();
    expect(openCookieValue('another secret, just as long as the first', 'vitals:speak-up-case:v1', sealed, now, CaseSchema)).toBeUndefined();
    expect(openCookieValue(SECRET, 'vitals:speak-up-receipt:v1', sealed, now, CaseSchema)).toBeUndefined();
  });

  it('treat missing, short and malformed values as no cookie', () => {
    for (const value of [undefined, '', 'abc', 'not base64url at all!!!']) {
      expect(openCookieValue(SECRET, 'vitals:speak-up-case:v1', value, now, CaseSchema)).toBeUndefined();
    }
    const wrongShape = sealCookieValue(SECRET, 'vitals:speak-up-case:v1', { caseId: 'forty-two' }, inMinutes(30));
    expect(openCookieValue(SECRET, 'vitals:speak-up-case:v1', wrongShape, now, CaseSchema)).toBeUndefined();
  });
});
