import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 symbols × 5 bits = 100 random bits, above the 80 the brief asks for. */
const SYMBOLS = 20;
const GROUP = 4;

export function newReceiptCode(): string {
  const bytes = randomBytes(SYMBOLS);
  let code = '';
  // Each byte keeps its low 5 bits: 256 is a multiple of 32, so every symbol is equally likely.
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return formatReceiptCode(code);
}

export function formatReceiptCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/** What the reporter typed, in canonical form, or undefined if it cannot be a receipt code. */
export function normaliseReceiptCode(typed: string): string | undefined {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== SYMBOLS || [...cleaned].some((symbol) => !ALPHABET.includes(symbol))) return undefined;
  return cleaned;
}

/** The stored lookup key. The code is random enough that an unsalted hash cannot be reversed by guessing. */
export function receiptLookup(canonicalCode: string): string {
  return createHash('sha256').update(`vitals:speak-up-receipt:${canonicalCode}`).digest('base64url');
}

export const PASSPHRASE_MIN_LENGTH = 10;
