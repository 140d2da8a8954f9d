import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ImportFailure } from './import-failure';

export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030';
export type TextEncoding = 'utf-8' | 'gb18030';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const NOT_UTF8 = '文件不是 UTF-8 编码（含有无效的 UTF-8 字节）。如为 GBK/GB18030 编码，请选择 gb18030 或“自动识别”后重新上传';
const NOT_GB18030 = '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030 编码，无法读取其中的文字';

/** Length of the complete UTF-8 prefix: an incomplete multi-byte sequence at the end is left out. */
function completeUtf8Length(buf: Buffer): number {
  const end = buf.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i -= 1) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return end - i >= need ? end : i;
  }
  return end;
}

/**
 * `auto` reads the head: valid UTF-8 (or a UTF-8 BOM) means UTF-8, anything else GB18030 (a superset
 * of GBK and GB2312). The head of an import always has Chinese headers, so the guess has material.
 */
export function detectEncoding(head: Buffer, choice: EncodingChoice, wholeFile: boolean): TextEncoding {
  if (choice !== 'auto') return choice;
  if (head.subarray(0, 3).equals(BOM)) return 'utf-8';
  const usable = wholeFile ? head : head.subarray(0, completeUtf8Length(head));
  return isUtf8(usable) ? 'utf-8' : 'gb18030';
}

/** Bytes to text, chunk by chunk. Any byte that does not decode fails the file: never mojibake. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

export function textDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    // fatal: invalid bytes throw; a leading BOM is dropped.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decode = (chunk?: Buffer) => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw new ImportFailure(NOT_UTF8);
      }
    };
    return { write: (chunk) => decode(chunk), end: () => decode() };
  }
  const decoder = iconv.getDecoder('gb18030');
  const checked = (text: string) => {
    if (text.includes('\uFFFD')) throw new ImportFailure(NOT_GB18030);
    return text;
  };
  return { write: (chunk) => checked(decoder.write(chunk)), end: () => checked(decoder.end() ?? '') };
}
