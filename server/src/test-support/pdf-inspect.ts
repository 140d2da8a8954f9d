import zlib from 'node:zlib';
import { PDFParse } from 'pdf-parse';

/** What a reader's PDF engine (pdf.js) makes of a file: its pages' text and the page count. */
export async function pdfText(bytes: Buffer): Promise<{ pages: string[]; total: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { pages: result.pages.map((p) => p.text), total: result.total };
  } finally {
    await parser.destroy();
  }
}

/** Page 1 rendered by pdf.js, as PNG bytes. */
export async function pdfFirstPagePng(bytes: Buffer, scale = 1.5): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const shot = await parser.getScreenshot({ partial: [1], scale, imageDataUrl: false, imageBuffer: true });
    return Buffer.from(shot.pages[0]!.data);
  } finally {
    await parser.destroy();
  }
}

/** The raw file as latin1 text: pdfkit writes object dictionaries uncompressed, so they can be read. */
const raw = (bytes: Buffer) => bytes.toString('latin1');

/** The /BaseFont names of every font the file uses. */
export function pdfBaseFonts(bytes: Buffer): string[] {
  return [...raw(bytes).matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1]!);
}

/** Each page's /MediaBox as [width, height]. */
export function pdfPageSizes(bytes: Buffer): [number, number][] {
  return [...raw(bytes).matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The decompressed contents of the streams whose dictionary matches `marker` (e.g. the embedded CFF fonts). */
export function pdfStreams(bytes: Buffer, marker: RegExp): Buffer[] {
  const text = raw(bytes);
  const found: Buffer[] = [];
  for (const m of text.matchAll(/<<((?:(?!>>)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dict = m[1]!;
    if (!marker.test(dict)) continue;
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
    const start = m.index! + m[0].length;
    const body = bytes.subarray(start, start + length);
    found.push(/\/FlateDecode/.test(dict) ? zlib.inflateSync(body) : Buffer.from(body));
  }
  return found;
}
