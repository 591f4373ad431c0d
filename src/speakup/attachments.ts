import { crc32 } from 'node:zlib';

/**
 * Files sent with a speak-up concern or reply. Photos carry hidden details that can identify the
 * sender (GPS position, camera serial number, owner's name, editing software, a thumbnail of the
 * uncropped picture), so only formats whose every hidden detail can be removed here are accepted:
 * JPEG and PNG. PDFs are refused: their document information, XMP streams (often compressed or
 * inside object streams) and earlier revisions kept by incremental saves cannot be removed
 * reliably without a full PDF parser.
 */

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export type AttachmentMediaType = 'image/jpeg' | 'image/png';

export const ATTACHMENT_EXTENSIONS: Record<AttachmentMediaType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

export type StripResult = { ok: true; bytes: Uint8Array; mediaType: AttachmentMediaType } | { ok: false; error: string };

const NOT_SUPPORTED = 'The file must be a JPEG or PNG image, such as a photo or a screenshot';
const DAMAGED = 'The image could not be read: it may be damaged or incomplete. Save it again, or take a screenshot, and attach that';
const PDF_REFUSED =
  'PDF files cannot be attached, because the hidden details inside them (such as the author’s name) cannot be removed reliably. Attach a screenshot or a photo of the pages instead';
const MISLABELLED = 'The file is named as an image but its contents are not a JPEG or PNG image. Save it again as a JPEG or PNG, or take a screenshot';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(bytes: Buffer, prefix: readonly number[] | Buffer): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The image with only what is needed to show it, typed from its bytes (never from its name or the
 * type the browser declared, which `declaredType` only improves the error message for).
 */
export function stripMetadata(bytes: Uint8Array, declaredType = ''): StripResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return stripJpeg(buffer);
  if (startsWith(buffer, PNG_SIGNATURE)) return stripPng(buffer);
  if (buffer.toString('latin1', 0, 5) === '%PDF-') return { ok: false, error: PDF_REFUSED };
  if (declaredType === 'image/jpeg' || declaredType === 'image/png') return { ok: false, error: MISLABELLED };
  return { ok: false, error: NOT_SUPPORTED };
}

// JPEG (ITU T.81): a sequence of marker segments; each scan is followed by entropy-coded data.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP14 = 0xee;

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Tables and restart settings a decoder needs: DHT, DAC, DNL, DQT, DRI. */
const isDecodingTable = (marker: number) => marker === 0xc4 || marker === 0xcc || marker === 0xdc || marker === 0xdb || marker === 0xdd;
/** TEM and RST0–RST7 have no length. */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** JFIF header kept without its optional thumbnail (a thumbnail can show the picture before cropping). */
function jfifWithoutThumbnail(payload: Buffer): Buffer | undefined {
  if (payload.length < 14 || payload.toString('latin1', 0, 5) !== 'JFIF\0') return undefined;
  const header = Buffer.from(payload.subarray(0, 14));
  header[12] = 0;
  header[13] = 0;
  return segment(APP0, header);
}

/** Adobe's colour-transform flag: without it some CMYK and YCCK images show in the wrong colours. */
function adobeTransform(payload: Buffer): Buffer | undefined {
  if (payload.length < 12 || payload.toString('latin1', 0, 5) !== 'Adobe') return undefined;
  return segment(APP14, Buffer.from(payload.subarray(0, 12)));
}

const EXIF_ORIENTATION_TAG = 0x0112;
const TIFF_SHORT = 3;

/** The EXIF orientation (1–8) in IFD0, if the payload is EXIF and has one. */
function exifOrientation(payload: Buffer): number | undefined {
  if (payload.toString('latin1', 0, 6) !== 'Exif\0\0') return undefined;
  const tiff = payload.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const u16 = (at: number) => (at + 2 > tiff.length ? undefined : order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (at + 4 > tiff.length ? undefined : order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  const count = ifd === undefined ? undefined : u16(ifd);
  if (ifd === undefined || count === undefined) return undefined;
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === EXIF_ORIENTATION_TAG && u16(entry + 2) === TIFF_SHORT) {
      const value = u16(entry + 8);
      return value !== undefined && value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A new EXIF segment holding only the orientation, so a phone photo taken sideways still shows
 * the right way up. Big-endian TIFF, one IFD0 entry, no further IFDs.
 */
function orientationOnlyExif(orientation: number): Buffer {
  const payload = Buffer.alloc(32);
  payload.write('Exif\0\0MM\0*', 0, 'latin1');
  payload.writeUInt32BE(8, 10);
  payload.writeUInt16BE(1, 14);
  payload.writeUInt16BE(EXIF_ORIENTATION_TAG, 16);
  payload.writeUInt16BE(TIFF_SHORT, 18);
  payload.writeUInt32BE(1, 20);
  payload.writeUInt16BE(orientation, 24);
  return segment(APP1, payload);
}

/** Where a scan's entropy-coded data ends: at the first marker that is not a stuffed 0xFF00 or a restart. */
function endOfScanData(bytes: Buffer, from: number): number {
  let at = from;
  while (at + 1 < bytes.length) {
    const next = bytes[at + 1] ?? 0;
    if (bytes[at] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return at;
    at += bytes[at] === 0xff ? 2 : 1;
  }
  return bytes.length;
}

/**
 * Keeps SOI, JFIF (without thumbnail), Adobe's transform flag, the EXIF orientation alone, the
 * tables, frames and scans, and EOI. Drops EXIF (GPS, camera, owner, thumbnail), XMP, ICC profiles,
 * IPTC, comments, every other application segment, and anything after EOI (phones append extra
 * images and videos there).
 */
function stripJpeg(bytes: Buffer): StripResult {
  const kept: Buffer[] = [Buffer.from([0xff, SOI])];
  let hasFrame = false;
  let hasScan = false;
  let hasOrientation = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, error: DAMAGED };
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at];
    at++;
    if (marker === undefined || marker === 0x00 || marker === SOI) return { ok: false, error: DAMAGED };
    if (marker === EOI) {
      if (!hasFrame || !hasScan) return { ok: false, error: DAMAGED };
      kept.push(Buffer.from([0xff, EOI]));
      return { ok: true, bytes: Buffer.concat(kept), mediaType: 'image/jpeg' };
    }
    if (isStandalone(marker)) continue;
    if (at + 2 > bytes.length) return { ok: false, error: DAMAGED };
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return { ok: false, error: DAMAGED };
    const payload = bytes.subarray(at + 2, at + length);
    at += length;
    if (marker === SOS) {
      if (!hasFrame) return { ok: false, error: DAMAGED };
      const end = endOfScanData(bytes, at);
      kept.push(segment(SOS, payload), bytes.subarray(at, end));
      at = end;
      hasScan = true;
    } else if (isFrame(marker)) {
      kept.push(segment(marker, payload));
      hasFrame = true;
    } else if (isDecodingTable(marker)) {
      kept.push(segment(marker, payload));
    } else if (marker === APP0) {
      const jfif = jfifWithoutThumbnail(payload);
      if (jfif) kept.push(jfif);
    } else if (marker === APP14) {
      const adobe = adobeTransform(payload);
      if (adobe) kept.push(adobe);
    } else if (marker === APP1 && !hasOrientation) {
      const orientation = exifOrientation(payload);
      if (orientation !== undefined && orientation !== 1) {
        kept.push(orientationOnlyExif(orientation));
        hasOrientation = true;
      }
    }
  }
  return { ok: false, error: DAMAGED };
}

// PNG: the signature, then chunks of length, type, data and CRC-32, ending with IEND.

/**
 * The critical chunks and ancillary ones that only affect how colours and transparency show.
 * Dropped among others: tEXt, zTXt, iTXt (author, software, comments), eXIf, tIME, iCCP (profile
 * names), pHYs (can reveal a scanner), and animation chunks (the still default image remains).
 */
const KEPT_PNG_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD']);

function stripPng(bytes: Buffer): StripResult {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let hasHeader = false;
  let hasData = false;
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return { ok: false, error: DAMAGED };
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return { ok: false, error: DAMAGED };
    // IHDR comes first, and only once.
    if ((type === 'IHDR') === hasHeader) return { ok: false, error: DAMAGED };
    hasHeader = true;
    if (type === 'IDAT') hasData = true;
    // A critical chunk (capital first letter) this list does not know cannot be shown by browsers either.
    if (!KEPT_PNG_CHUNKS.has(type) && /^[A-Z]/.test(type)) return { ok: false, error: NOT_SUPPORTED };
    if (KEPT_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    if (type === 'IEND') return hasData ? { ok: true, bytes: Buffer.concat(kept), mediaType: 'image/png' } : { ok: false, error: DAMAGED };
    at = end;
  }
  return { ok: false, error: DAMAGED };
}

const KILOBYTE = 1024;

/** "900 bytes", "2 KB", "3.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < KILOBYTE) return `${bytes} bytes`;
  if (bytes < KILOBYTE * KILOBYTE) return `${Math.round(bytes / KILOBYTE)} KB`;
  return `${(bytes / KILOBYTE / KILOBYTE).toFixed(1)} MB`;
}

/**
 * The headers of an attachment download: its type, a generic file name (the reporter's own name
 * for the file was never stored) and no caching.
 */
export function attachmentHeaders(attachmentId: number, mediaType: string): Record<string, string> {
  const known = mediaType in ATTACHMENT_EXTENSIONS ? (mediaType as AttachmentMediaType) : undefined;
  return {
    'Content-Type': known ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="speak-up-attachment-${attachmentId}.${known ? ATTACHMENT_EXTENSIONS[known] : 'bin'}"`,
    'Cache-Control': 'no-store',
  };
}
