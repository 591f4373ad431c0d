import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** How long a browser has to come back from the identity provider. */
export const PENDING_SIGN_IN_MINUTES = 10;

/** What the callback needs to check the provider's answer; it lives only in an encrypted cookie. */
export interface PendingOidcSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** A same-site path to go to once signed in. */
  next: string;
}

const SealedSchema = z.object({
  codeVerifier: z.string().min(1),
  state: z.string().min(1),
  nonce: z.string().min(1),
  next: z.string(),
  expiresAt: z.number(),
});

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose, so no other value sealed with the same key can stand in. */
const PURPOSE = 'vitals:oidc-pending-sign-in:v1';

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'vitals', PURPOSE, 32));
}

/** AES-256-GCM with a key derived from the session secret: the browser can neither read nor change it. */
export function sealPendingSignIn(secret: string, pending: PendingOidcSignIn, now: Date): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  cipher.setAAD(Buffer.from(PURPOSE));
  const plain = JSON.stringify({ ...pending, expiresAt: now.getTime() + PENDING_SIGN_IN_MINUTES * 60_000 });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The pending sign-in, or undefined when the value is missing, altered, sealed with another key or expired. */
export function openPendingSignIn(secret: string, value: string | undefined, now: Date): PendingOidcSignIn | undefined {
  if (!value) return undefined;
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(PURPOSE));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // final() throws when the authentication tag does not match: the cookie was altered.
    return undefined;
  }
  const parsed = SealedSchema.safeParse(JSON.parse(plain));
  if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return undefined;
  const { codeVerifier, state, nonce, next } = parsed.data;
  return { codeVerifier, state, nonce, next };
}
