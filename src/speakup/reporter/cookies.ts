import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '#src/web/env.ts';

/**
 * The reporter's two cookies, sealed (AES-256-GCM, key derived from the session secret) so the
 * browser can neither read nor change them, and nothing about the reporter is kept on the server:
 * no session row, no sign-in record. Both are HttpOnly, SameSite=Strict and limited to /speak-up.
 */

const RECEIPT_COOKIE = 'vitals_speakup_receipt';
const CASE_COOKIE = 'vitals_speakup_case';
export const RECEIPT_MINUTES = 10;
/** The reporter is signed out of their case after this long without a request. */
export const CASE_IDLE_MINUTES = 30;

type Purpose = 'vitals:speak-up-receipt:v1' | 'vitals:speak-up-case:v1';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(secret: string, purpose: Purpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'vitals', purpose, 32));
}

export function sealCookieValue(secret: string, purpose: Purpose, payload: object, expiresAt: Date): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(JSON.stringify({ ...payload, expiresAt: expiresAt.getTime() }), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

const Expiring = z.object({ expiresAt: z.number() });

/** The payload, or undefined when the value is missing, altered, sealed for another purpose or key, or expired. */
export function openCookieValue<T>(secret: string, purpose: Purpose, value: string | undefined, now: Date, schema: z.ZodType<T>): T | undefined {
  if (!value) return undefined;
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // final() throws when the authentication tag does not match: the cookie was altered.
    return undefined;
  }
  const json: unknown = JSON.parse(plain);
  const expiry = Expiring.safeParse(json);
  if (!expiry.success || expiry.data.expiresAt <= now.getTime()) return undefined;
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function cookieOptions(c: Context<AppEnv>, maxAgeMinutes: number) {
  return {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('config').publicUrl.startsWith('https:'),
    path: '/speak-up',
    maxAge: maxAgeMinutes * 60,
  } as const;
}

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

const ReceiptSchema = z.object({ reference: z.string(), receiptCode: z.string() });
export type Receipt = z.output<typeof ReceiptSchema>;

/** Carries the new receipt from the raise form to the receipt page, which shows it once. */
export function setReceiptCookie(c: Context<AppEnv>, receipt: Receipt): void {
  const value = sealCookieValue(c.get('config').sessionSecret, 'vitals:speak-up-receipt:v1', receipt, minutesFrom(c.get('clock')(), RECEIPT_MINUTES));
  setCookie(c, RECEIPT_COOKIE, value, cookieOptions(c, RECEIPT_MINUTES));
}

/** The receipt, if it has not been shown yet; the cookie is cleared either way. */
export function takeReceipt(c: Context<AppEnv>): Receipt | undefined {
  const value = getCookie(c, RECEIPT_COOKIE);
  if (value === undefined) return undefined;
  deleteCookie(c, RECEIPT_COOKIE, cookieOptions(c, 0));
  return openCookieValue(c.get('config').sessionSecret, 'vitals:speak-up-receipt:v1', value, c.get('clock')(), ReceiptSchema);
}

const CaseSchema = z.object({ caseId: z.number().int().positive() });

/** Opens the case on this browser for CASE_IDLE_MINUTES; every request within that time renews it. */
export function setCaseCookie(c: Context<AppEnv>, caseId: number): void {
  const value = sealCookieValue(c.get('config').sessionSecret, 'vitals:speak-up-case:v1', { caseId }, minutesFrom(c.get('clock')(), CASE_IDLE_MINUTES));
  setCookie(c, CASE_COOKIE, value, cookieOptions(c, CASE_IDLE_MINUTES));
}

/** The case this browser has opened with its receipt code and passphrase, if still within the idle time. */
export function openedCaseId(c: Context<AppEnv>): number | undefined {
  return openCookieValue(c.get('config').sessionSecret, 'vitals:speak-up-case:v1', getCookie(c, CASE_COOKIE), c.get('clock')(), CaseSchema)?.caseId;
}

export function clearCaseCookie(c: Context<AppEnv>): void {
  deleteCookie(c, CASE_COOKIE, cookieOptions(c, 0));
}
