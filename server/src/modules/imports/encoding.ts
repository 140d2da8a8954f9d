import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { ImportFailure } from './import-failure';

export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030';
export type TextEncoding = 'utf-8' | 'gb18030';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const NOT_UTF8 = '文件不是 UTF-8 编码（含有无效的 UTF-8 字节）。如为 GBK/GB18030 编码，请选择 gb18030 或“自动识别”后重新上传';
const NOT_GB18030 = '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030 编码，无法读取其中的文字';

/** Length of the complete UTF-8 prefix: an incomplete multi-byte sequence at the end waits for the next chunk. */
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

/** A stream of bytes checked as UTF-8 and passed on unchanged (the CSV parser decodes them); a BOM is dropped. */
class Utf8Check extends Transform {
  private carry: Buffer | null = null;
  private started = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      if (buf.length < 3) {
        this.carry = Buffer.from(buf);
        return done();
      }
      this.started = true;
      if (buf.subarray(0, 3).equals(BOM)) buf = buf.subarray(3);
    }
    const n = completeUtf8Length(buf);
    if (!isUtf8(buf.subarray(0, n))) return done(new ImportFailure(NOT_UTF8));
    this.carry = n < buf.length ? Buffer.from(buf.subarray(n)) : null;
    done(null, n === buf.length ? buf : buf.subarray(0, n));
  }

  override _flush(done: TransformCallback): void {
    if (!this.carry) return done();
    const rest = this.started || !this.carry.subarray(0, 3).equals(BOM) ? this.carry : this.carry.subarray(3);
    if (!isUtf8(rest)) return done(new ImportFailure(NOT_UTF8));
    done(null, rest);
  }
}

/** GB18030 decoded to text; any byte that does not decode fails the file instead of becoming mojibake. */
class Gb18030Decode extends Transform {
  private readonly decoder = iconv.getDecoder('gb18030');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pass(this.decoder.write(chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.pass(this.decoder.end() ?? '', done);
  }

  private pass(text: string, done: TransformCallback): void {
    if (text.includes('\uFFFD')) return done(new ImportFailure(NOT_GB18030));
    done(null, text);
  }
}

export function decodingStream(encoding: TextEncoding): Transform {
  return encoding === 'utf-8' ? new Utf8Check() : new Gb18030Decode();
}
