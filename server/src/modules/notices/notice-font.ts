import fs from 'node:fs';
import path from 'node:path';
import type * as fontkit from 'fontkit';

/**
 * The CJK font of printed notices: Noto Sans Hans (SIL OFL 1.1) from the npm package
 * @embedpdf/fonts-sc, so a machine with no system fonts prints Chinese all the same. pdfkit embeds
 * only the glyphs a document uses. See docs/architecture.md, “Publication notices”.
 *
 * Each font is parsed once per process and shared by every document: parsing an 8 MB CJK font
 * costs far more than laying out a notice. Sharing is safe because pdfkit lays out and embeds a
 * document synchronously, so two documents never use a font at the same time.
 */
export const NOTICE_FONT_PACKAGE = '@embedpdf/fonts-sc';
export const NOTICE_FONT_NAME = 'NotoSansHans';

export type NoticeWeight = 'regular' | 'bold';
const FILES: Record<NoticeWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
const parsed = new Map<NoticeWeight, fontkit.Font>();

/** The package exports only its script, so the fonts are found beside it. */
function fontDir(): string {
  return path.resolve(path.dirname(require.resolve(NOTICE_FONT_PACKAGE)), '..', 'fonts');
}

/** The parsed font, for pdfkit's registerFont. */
export function noticeFont(weight: NoticeWeight): fontkit.Font {
  let font = parsed.get(weight);
  if (!font) {
    const file = path.join(fontDir(), FILES[weight]);
    if (!fs.existsSync(file)) throw new Error(`the notice font ${file} is missing: run npm ci`);
    // fontkit is loaded here, on the first notice, not when the server starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    font = (require('fontkit') as typeof fontkit).create(fs.readFileSync(file)) as fontkit.Font;
    parsed.set(weight, font);
  }
  return font;
}
