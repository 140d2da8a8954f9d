/** A kind of file accepted as evidence, recognised by its leading bytes. */
export interface EvidenceType {
  contentType: string;
  extension: string;
  image: boolean;
}

const IMAGE = (contentType: string, extension: string): EvidenceType => ({ contentType, extension, image: true });
const DOC = (contentType: string, extension: string): EvidenceType => ({ contentType, extension, image: false });

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
/** Office files are ZIP (OOXML) or OLE compound files: the container is checked by its bytes, the kind by the name. */
const OOXML: Record<string, EvidenceType> = {
  docx: DOC('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: DOC('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: DOC('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
};
const OLE: Record<string, EvidenceType> = {
  doc: DOC('application/msword', 'doc'),
  xls: DOC('application/vnd.ms-excel', 'xls'),
  ppt: DOC('application/vnd.ms-powerpoint', 'ppt'),
};

export const ACCEPTED_DESCRIPTION = 'JPEG、PNG、WebP、HEIC 图片，PDF，Word/Excel/PowerPoint 文档';

/**
 * What the file is, from its first bytes (at least 16), whatever its name or the client claims; null
 * when it is none of the accepted kinds. A name's extension only tells apart the Office formats that
 * share one container.
 */
export function detectEvidenceType(head: Buffer, fileName: string): EvidenceType | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return IMAGE('image/jpeg', 'jpg');
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return IMAGE('image/png', 'png');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return IMAGE('image/webp', 'webp');
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return IMAGE('image/heic', 'heic');
  if (ascii(0, 5) === '%PDF-') return DOC('application/pdf', 'pdf');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return OOXML[extension] ?? null;
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return OLE[extension] ?? null;
  return null;
}

/** A file name safe to show and to offer on download: no path, no control characters, bounded. */
export function cleanFileName(raw: string | undefined, type: EvidenceType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : `证据.${type.extension}`;
}
