import fs from 'node:fs';
import path from 'node:path';

/**
 * The CJK font of printed notices: Noto Sans Hans (SIL OFL 1.1) from the npm package
 * @embedpdf/fonts-sc, so a machine with no system fonts prints Chinese all the same. pdfkit embeds
 * only the glyphs a document uses. See docs/architecture.md, “Publication notices”.
 */
export const NOTICE_FONT_PACKAGE = '@embedpdf/fonts-sc';
export const NOTICE_FONT_NAME = 'NotoSansHans';

export type NoticeWeight = 'regular' | 'bold';
const FILES: Record<NoticeWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
const loaded = new Map<NoticeWeight, Buffer>();

/** The package exports only its script, so the fonts are found beside it. */
function fontDir(): string {
  return path.resolve(path.dirname(require.resolve(NOTICE_FONT_PACKAGE)), '..', 'fonts');
}

/** The font file's bytes, read once per process (about 8 MB each). */
export function noticeFont(weight: NoticeWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    const file = path.join(fontDir(), FILES[weight]);
    if (!fs.existsSync(file)) throw new Error(`the notice font ${file} is missing: run npm ci`);
    bytes = fs.readFileSync(file);
    loaded.set(weight, bytes);
  }
  return bytes;
}
