import { execFile } from 'node:child_process';
import path from 'node:path';
import zlib from 'node:zlib';

const SCRIPT = path.resolve(__dirname, '..', '..', 'test', 'pdf-inspect.cjs');

function runScript(args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [SCRIPT, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-inspect failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin!.end(input);
  });
}

/** What a reader's PDF engine (pdf.js) makes of a file: its pages' text and the page count. */
export async function pdfText(bytes: Buffer): Promise<{ pages: string[]; total: number }> {
  return JSON.parse(await runScript(['text'], bytes)) as { pages: string[]; total: number };
}

/** The text of the QR code on each page (as a phone's reader would scan it from the rendered page), or null. */
export async function pdfQrCodes(bytes: Buffer): Promise<(string | null)[]> {
  return JSON.parse(await runScript(['qr'], bytes)) as (string | null)[];
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
