import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A named 256-bit key. The first key of a ring seals; every key opens (so old keys can retire slowly). */
export interface SealKey {
  id: string;
  key: Buffer;
}

export type KeyRing = readonly SealKey[];

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed value is for, bound as associated data so one kind cannot stand in for another. */
export type SealPurpose = 'message' | 'attachment' | 'outcome' | 'lessons' | 'reporter-name' | 'reporter-contact' | 'notify-address';

/**
 * AES-256-GCM: `v1.<key id>.<iv|tag|ciphertext as base64url>`. The key id says which key opens it,
 * so `vitals speakup rotate-keys` can re-seal everything under a new key while old keys still read.
 */
export function seal(ring: KeyRing, purpose: SealPurpose, plain: string | Uint8Array): string {
  const current = ring[0];
  if (!current) throw new Error('No speak-up encryption key is configured');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(`vitals:speak-up:${purpose}`));
  const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
  return `${VERSION}.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function openBytes(ring: KeyRing, purpose: SealPurpose, sealed: string): Buffer {
  const [version, keyId, payload] = sealed.split('.');
  if (version !== VERSION || !keyId || !payload) throw new Error('Not a sealed speak-up value');
  const found = ring.find((candidate) => candidate.id === keyId);
  if (!found) throw new Error(`Speak-up key "${keyId}" is not in SPEAKUP_KEYS: add it back to read older cases`);
  const bytes = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', found.key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`vitals:speak-up:${purpose}`));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function open(ring: KeyRing, purpose: SealPurpose, sealed: string): string {
  return openBytes(ring, purpose, sealed).toString('utf8');
}

export function openOptional(ring: KeyRing, purpose: SealPurpose, sealed: string | null): string | null {
  return sealed === null ? null : open(ring, purpose, sealed);
}

export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

/**
 * `SPEAKUP_KEYS`: comma-separated `id:base64` pairs, newest first, each key 32 bytes
 * (`openssl rand -base64 32`). Returns the ring or the problems with it.
 */
export function parseKeyRing(value: string): { ring: KeyRing; problems: string[] } {
  const problems: string[] = [];
  const ring: SealKey[] = [];
  for (const [index, part] of value.split(',').entries()) {
    const [id, encoded] = part.trim().split(':');
    if (!id || !encoded || !/^[A-Za-z0-9_-]+$/.test(id)) {
      problems.push(`key ${index + 1} must be written id:base64key, with an id of letters, digits, - or _`);
      continue;
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) problems.push(`key "${id}" must be 32 bytes (openssl rand -base64 32), not ${key.length}`);
    else if (ring.some((existing) => existing.id === id)) problems.push(`key id "${id}" appears twice`);
    else ring.push({ id, key });
  }
  return { ring, problems };
}

/** Outside production only: a fixed key so a development database stays readable across restarts. */
export const DEVELOPMENT_KEY_RING: KeyRing = [{ id: 'dev', key: createHash('sha256').update('vitals development speak-up key: not secret').digest() }];
