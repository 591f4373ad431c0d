import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for the output tests to check what Chromium wrote, without a PDF
 * library: whether the file is complete, and each page's text and drawing operators. It reads the
 * uncompressed object syntax Chromium's Skia writer produces (no object streams, no encryption).
 */

export interface PdfPage {
  /** The page's text, each text block separated by a space. */
  text: string;
  /** The page's content stream, inflated: its drawing operators. */
  operators: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export function isCompletePdf(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  return text.startsWith('%PDF-') && /%%EOF\s*$/.test(text);
}

function readObjects(buffer: Buffer): Map<number, PdfObject> {
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const from = match.index + match[0].length;
    const streamAt = /stream\r?\n/.exec(text.slice(from, text.indexOf('endobj', from)));
    if (!streamAt) {
      objects.set(Number(match[1]), { dict: text.slice(from, text.indexOf('endobj', from)), stream: null });
      continue;
    }
    const dict = text.slice(from, from + streamAt.index);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = from + streamAt.index + streamAt[0].length;
    const raw = buffer.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    header.lastIndex = start + length;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** The page objects in reading order: the page tree from the catalogue, depth first. */
function pageObjects(objects: Map<number, PdfObject>): PdfObject[] {
  const catalogue = [...objects.values()].find((object) => /\/Type\s*\/Catalog/.test(object.dict));
  const pages: PdfObject[] = [];
  const visit = (id: number | undefined) => {
    const node = id === undefined ? undefined : objects.get(id);
    if (!node) return;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      for (const kid of /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) visit(Number(kid[1]));
    } else pages.push(node);
  };
  visit(catalogue && ref(catalogue.dict, 'Pages'));
  return pages;
}

/** A font's ToUnicode CMap: glyph code (hex) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]?.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g) ?? []) map.set((pair[1] ?? '').toUpperCase(), utf16(pair[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]?.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g) ?? []) {
      const [from, to, first] = [range[1], range[2], range[3]].map((hex) => parseInt(hex ?? '0', 16)) as [number, number, number];
      const width = range[1]?.length ?? 4;
      for (let code = from; code <= to; code += 1) map.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(first + code - from));
    }
  }
  return map;
}

function pageText(operators: string, fonts: Map<string, Map<string, string>>): string {
  const blocks: string[] = [];
  let font = new Map<string, string>();
  for (const block of operators.matchAll(/BT([\s\S]*?)ET/g)) {
    let text = '';
    for (const token of (block[1] ?? '').matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]*)>/g)) {
      if (token[1] !== undefined) font = fonts.get(token[1]) ?? new Map<string, string>();
      else for (const code of token[2]?.toUpperCase().match(/.{4}/g) ?? []) text += font.get(code) ?? '';
    }
    blocks.push(text);
  }
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

export function readPdfPages(bytes: Uint8Array): PdfPage[] {
  const objects = readObjects(Buffer.from(bytes));
  return pageObjects(objects).map((page) => {
    const resources = ref(page.dict, 'Resources');
    const resourceDict = resources === undefined ? page.dict : (objects.get(resources)?.dict ?? '');
    const fonts = new Map<string, Map<string, string>>();
    for (const entry of /\/Font\s*<<([^>]*)>>/.exec(resourceDict)?.[1]?.matchAll(/\/(\w+) (\d+) 0 R/g) ?? []) {
      const cmapId = ref(objects.get(Number(entry[2]))?.dict ?? '', 'ToUnicode');
      const cmap = cmapId === undefined ? undefined : objects.get(cmapId)?.stream;
      fonts.set(entry[1] ?? '', cmap ? toUnicode(cmap.toString('latin1')) : new Map<string, string>());
    }
    const contents = ref(page.dict, 'Contents');
    const operators = (contents === undefined ? undefined : objects.get(contents)?.stream?.toString('latin1')) ?? '';
    return { text: pageText(operators, fonts), operators };
  });
}

/**
 * Paths of at least `segments` joined straight lines ("x y l" repeated): how an SVG chart's series
 * and its mean and limit lines reach the PDF. Text, table rules and icons never draw that many.
 */
export function longPolylines(operators: string, segments = 15): number {
  return (operators.match(new RegExp(`(?:-?[\\d.]+ -?[\\d.]+ l\\s+){${segments},}`, 'g')) ?? []).length;
}
