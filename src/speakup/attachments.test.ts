import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stripMetadata, type StripResult } from './attachments.ts';

const errorOf = (result: StripResult) => (result.ok ? 'stripped without error' : result.error);

const latin1 = (text: string) => Buffer.from(text, 'latin1');

// ---- JPEG, built by hand: 8×8 grey blocks, quantisation all 1, one-code Huffman tables.

function jpegSegment(marker: number, payload: Buffer | number[]): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const JFIF = jpegSegment(0xe0, latin1('JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00'));

/**
 * A baseline greyscale JPEG `blocks` 8×8 blocks wide. DC codes: category 0 is "0", category 8 is
 * "10"; the only AC code is end-of-block, "0". `scan` is the entropy-coded data, stuffed.
 */
function jpeg({ blocks, scan, restartInterval }: { blocks: number; scan: number[]; restartInterval?: number }): Buffer {
  const lengths = (counts: number[]) => [...counts, ...Array<number>(16 - counts.length).fill(0)];
  return Buffer.concat([
    SOI,
    JFIF,
    jpegSegment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    jpegSegment(0xc0, [8, 0, 8, 0, blocks * 8, 1, 1, 0x11, 0]),
    jpegSegment(0xc4, [0x00, ...lengths([1, 1]), 0, 8]),
    jpegSegment(0xc4, [0x10, ...lengths([1]), 0x00]),
    ...(restartInterval ? [jpegSegment(0xdd, [0, restartInterval])] : []),
    jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from(scan),
    EOI,
  ]);
}

/**
 * Four blocks; the fourth has a DC difference of 255, whose eight 1-bits fall on a byte boundary,
 * so the scan holds a stuffed 0xFF 0x00: "00 00 00 10" "11111111" "0" + padding.
 */
const STUFFED = jpeg({ blocks: 4, scan: [0x02, 0xff, 0x00, 0x7f] });
/** Two blocks with a restart marker between them. */
const RESTARTS = jpeg({ blocks: 2, scan: [0x3f, 0xff, 0xd0, 0x3f], restartInterval: 1 });

/** A TIFF (big-endian) IFD0 holding an orientation, the owner's name and the camera make. */
function exifPayload(orientation: number): Buffer {
  const artist = latin1('Jane Whistleblower\0');
  const make = latin1('AcmePhone GPS 51.5072N 0.1276W\0');
  const entries = 3;
  const ifdEnd = 8 + 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(ifdEnd);
  tiff.write('MM\0*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(entries, 8);
  const entry = (index: number, tag: number, type: number, count: number, value: number) => {
    const at = 10 + index * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (type === 3) tiff.writeUInt16BE(value, at + 8);
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(0, 0x010f, 2, make.length, ifdEnd + artist.length);
  entry(1, 0x0112, 3, 1, orientation);
  entry(2, 0x013b, 2, artist.length, ifdEnd);
  return Buffer.concat([latin1('Exif\0\0'), tiff, artist, make]);
}

const IDENTIFYING = ['Jane', 'AcmePhone', 'GPS', 'Photoshop', 'xmp', 'ICC_PROFILE', 'thumbnail'];

/** The same JPEG with the metadata a phone or editor adds, and a video appended after EOI. */
function withMetadata(clean: Buffer, orientation = 1): Buffer {
  const afterJfif = SOI.length + JFIF.length;
  const jfifWithThumbnail = jpegSegment(0xe0, Buffer.concat([latin1('JFIF\0\x01\x01\x00\x00\x01\x00\x01\x01\x01'), latin1('thumbnail')]));
  return Buffer.concat([
    SOI,
    jfifWithThumbnail,
    jpegSegment(0xe1, exifPayload(orientation)),
    jpegSegment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Jane</dc:creator><exif:GPSLatitude>51,30N</exif:GPSLatitude></x:xmpmeta>')),
    jpegSegment(0xe2, latin1('ICC_PROFILE\0\x01\x01AcmePhone display profile')),
    jpegSegment(0xed, latin1('Photoshop 3.0\x008BIM\x04\x04by-line Jane')),
    jpegSegment(0xfe, latin1('Taken by Jane on the north ward')),
    clean.subarray(afterJfif),
    latin1('MotionPhoto video of Jane'),
  ]);
}

/** The marker of every segment up to the first scan, in order. */
function headerMarkers(bytes: Uint8Array): number[] {
  const buffer = Buffer.from(bytes);
  const markers: number[] = [];
  let at = 2;
  while (at < buffer.length && buffer[at] === 0xff) {
    const marker = buffer[at + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + buffer.readUInt16BE(at + 2);
  }
  return markers;
}

describe('stripMetadata: JPEG', () => {
  it('leaves a clean JPEG byte for byte as it was', () => {
    for (const clean of [STUFFED, RESTARTS]) {
      const result = stripMetadata(clean, 'image/jpeg');
      expect(result.ok && Buffer.from(result.bytes).equals(clean)).toBe(true);
    }
  });

  it('removes EXIF, XMP, ICC, IPTC, comments, the JFIF thumbnail and data after the end', () => {
    for (const clean of [STUFFED, RESTARTS]) {
      const result = stripMetadata(withMetadata(clean), 'image/jpeg');
      if (!result.ok) throw new Error(result.error);
      const text = Buffer.from(result.bytes).toString('latin1');
      for (const secret of IDENTIFYING) expect(text).not.toContain(secret);
      expect(result.mediaType).toBe('image/jpeg');
      // Exactly the clean image: the scan data (with its stuffed byte or restart marker) is intact.
      expect(Buffer.from(result.bytes).equals(clean)).toBe(true);
    }
  });

  it('keeps only the orientation of a photo taken sideways, in an EXIF segment of its own', () => {
    const result = stripMetadata(withMetadata(STUFFED, 6), 'image/jpeg');
    if (!result.ok) throw new Error(result.error);
    const text = Buffer.from(result.bytes).toString('latin1');
    for (const secret of IDENTIFYING) expect(text).not.toContain(secret);
    expect(headerMarkers(result.bytes)).toEqual([0xe0, 0xe1, 0xdb, 0xc0, 0xc4, 0xc4, 0xda]);
    const orientationOnly = Buffer.from('ffe10022457869660000' + '4d4d002a00000008' + '0001' + '011200030000000100060000' + '00000000', 'hex');
    expect(Buffer.from(result.bytes).subarray(SOI.length + JFIF.length, SOI.length + JFIF.length + orientationOnly.length).equals(orientationOnly)).toBe(true);
  });

  it('refuses a JPEG cut short or without a frame', () => {
    expect(stripMetadata(STUFFED.subarray(0, STUFFED.length - 2)).ok).toBe(false);
    expect(stripMetadata(STUFFED.subarray(0, 30)).ok).toBe(false);
    const noFrame = Buffer.concat([SOI, JFIF, EOI]);
    expect(errorOf(stripMetadata(noFrame))).toContain('could not be read');
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.nat(STUFFED.length)])('never throws on a damaged JPEG', (noise, at) => {
    const damaged = Buffer.concat([STUFFED.subarray(0, at), noise, STUFFED.subarray(at)]);
    const result = stripMetadata(damaged);
    if (result.ok) expect(Buffer.from(result.bytes).toString('latin1')).not.toContain('Jane');
  });
});

// ---- PNG, built by hand: 2×2 RGB, deflated with zlib.

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([latin1(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Two rows, each a filter byte (none) and two RGB pixels. */
const PIXELS = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
const IHDR = pngChunk('IHDR', Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]));
const GAMA = pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]));
const IDAT = pngChunk('IDAT', deflateSync(PIXELS));
const IEND = pngChunk('IEND', Buffer.alloc(0));
const CLEAN_PNG = Buffer.concat([PNG_SIGNATURE, IHDR, GAMA, IDAT, IEND]);

function itxt(keyword: string, text: string): Buffer {
  return pngChunk('iTXt', Buffer.concat([latin1(`${keyword}\0\0\0en\0\0`), Buffer.from(text, 'utf8')]));
}

const PNG_WITH_METADATA = Buffer.concat([
  PNG_SIGNATURE,
  IHDR,
  pngChunk('tEXt', latin1('Author\0Jane Whistleblower')),
  pngChunk('zTXt', Buffer.concat([latin1('Comment\0\0'), deflateSync(latin1('Jane at the north ward'))])),
  itxt('XML:com.adobe.xmp', '<dc:creator>Jane</dc:creator><exif:GPSLatitude>51,30N</exif:GPSLatitude>'),
  pngChunk('eXIf', exifPayload(1).subarray(6)),
  pngChunk('iCCP', Buffer.concat([latin1('AcmePhone profile\0\0'), deflateSync(latin1('profile'))])),
  pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
  GAMA,
  IDAT,
  pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 2, 9, 41, 7])),
  IEND,
  latin1('trailing note by Jane'),
]);

/** Every chunk's type, after checking its CRC. */
function pngChunkTypes(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const types: string[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    expect(crc32(buffer.subarray(at + 4, at + 8 + length))).toBe(buffer.readUInt32BE(at + 8 + length));
    types.push(buffer.toString('latin1', at + 4, at + 8));
    at += 12 + length;
  }
  return types;
}

describe('stripMetadata: PNG', () => {
  it('keeps the image and its colour chunks and drops text, EXIF, profile, time and trailing data', () => {
    const result = stripMetadata(PNG_WITH_METADATA, 'image/png');
    if (!result.ok) throw new Error(result.error);
    expect(result.mediaType).toBe('image/png');
    const text = Buffer.from(result.bytes).toString('latin1');
    for (const secret of IDENTIFYING) expect(text).not.toContain(secret);
    expect(pngChunkTypes(result.bytes)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND']);
    expect(Buffer.from(result.bytes).equals(CLEAN_PNG)).toBe(true);
    const idat = Buffer.from(result.bytes).subarray(8 + IHDR.length + GAMA.length + 8, -IEND.length - 4);
    expect(inflateSync(idat).equals(PIXELS)).toBe(true);
  });

  it('refuses a PNG with a wrong checksum, without IHDR first, or cut short', () => {
    const corrupted = Buffer.from(CLEAN_PNG);
    const inGama = PNG_SIGNATURE.length + IHDR.length + 9;
    corrupted.writeUInt8(corrupted.readUInt8(inGama) ^ 0xff, inGama);
    expect(stripMetadata(corrupted).ok).toBe(false);
    expect(stripMetadata(Buffer.concat([PNG_SIGNATURE, GAMA, IHDR, IDAT, IEND])).ok).toBe(false);
    expect(stripMetadata(CLEAN_PNG.subarray(0, CLEAN_PNG.length - 4)).ok).toBe(false);
  });

  it('refuses an unknown critical chunk, which no browser could show', () => {
    expect(stripMetadata(Buffer.concat([PNG_SIGNATURE, pngChunk('CgBI', Buffer.from([0x50, 0, 0x20, 6])), IHDR, IDAT, IEND])).ok).toBe(false);
  });
});

describe('stripMetadata: other files', () => {
  it('refuses PDFs, saying why', () => {
    const pdf = latin1('%PDF-1.7\n1 0 obj << /Author (Jane) >> endobj\n%%EOF');
    expect(errorOf(stripMetadata(pdf, 'application/pdf'))).toContain('PDF files cannot be attached');
  });

  it('types a file by its bytes, not by what the browser called it', () => {
    expect(errorOf(stripMetadata(latin1('GIF89a....'), 'image/png'))).toContain('contents are not a JPEG or PNG');
    expect(errorOf(stripMetadata(latin1('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'))).toBe(
      'The file must be a JPEG or PNG image, such as a photo or a screenshot',
    );
    const pngNamedJpeg = stripMetadata(CLEAN_PNG, 'image/jpeg');
    expect(pngNamedJpeg.ok && pngNamedJpeg.mediaType).toBe('image/png');
  });
});
