import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportFailure } from './import-failure';

/** Excel's own limit on one cell's text. */
export const MAX_CELL_CHARS = 32_767;
const WRITE_BUFFER = 1 << 20;
const BLOCK = 64 * 1024;
const CACHED_BLOCKS = 32;

/**
 * An xlsx file's shared-strings table kept on disk: the strings one after another in one temporary
 * file, their end offsets in another, and a small cache of blocks of both. Memory stays at a few MiB
 * whatever the table holds; Excel writes strings in the order the sheet first uses them, so lookups
 * mostly hit the cached blocks.
 */
export class SharedStrings {
  private readonly dir: string;
  private readonly texts: number;
  private readonly ends: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private endBuffer = Buffer.alloc(WRITE_BUFFER);
  private endBytes = 0;
  private endsWritten = 0;
  count = 0;
  private readonly cache = new Map<string, Buffer>();

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-sst-'));
    this.texts = fs.openSync(path.join(this.dir, 'texts'), 'w+', 0o600);
    this.ends = fs.openSync(path.join(this.dir, 'ends'), 'w+', 0o600);
  }

  add(text: string): void {
    if (text.length > MAX_CELL_CHARS) throw this.tooLong();
    const bytes = Buffer.from(text, 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.written += bytes.length;
    if (this.endBytes === this.endBuffer.length) this.flushEnds();
    this.endBuffer.writeDoubleLE(this.written, this.endBytes);
    this.endBytes += 8;
    this.count += 1;
    if (this.pendingBytes >= WRITE_BUFFER) this.flushTexts();
  }

  /** The refusal of the next string, longer than a cell can hold. */
  tooLong(): ImportFailure {
    return new ImportFailure(
      `xlsx 文件的共享字符串表中第 ${this.count + 1} 项超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符（Excel 单元格的上限），不是正常的表格文件，未导入任何数据`,
    );
  }

  /** After the last add: everything on disk, ready for lookups. */
  finish(): void {
    this.flushTexts();
    this.flushEnds();
  }

  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return '';
    const start = index === 0 ? 0 : this.read('e', this.ends, (index - 1) * 8, 8).readDoubleLE(0);
    const end = this.read('e', this.ends, index * 8, 8).readDoubleLE(0);
    return this.read('t', this.texts, start, end - start).toString('utf8');
  }

  close(): void {
    this.cache.clear();
    fs.closeSync(this.texts);
    fs.closeSync(this.ends);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private flushTexts(): void {
    if (!this.pendingBytes) return;
    fs.writeSync(this.texts, Buffer.concat(this.pending, this.pendingBytes), 0, this.pendingBytes, this.written - this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private flushEnds(): void {
    fs.writeSync(this.ends, this.endBuffer, 0, this.endBytes, this.endsWritten);
    this.endsWritten += this.endBytes;
    this.endBytes = 0;
  }

  /** `length` bytes at `position`, from cached blocks (a string is at most 32,767 × 3 bytes). */
  private read(kind: string, fd: number, position: number, length: number): Buffer {
    const parts: Buffer[] = [];
    for (let at = position; at < position + length;) {
      const first = Math.floor(at / BLOCK) * BLOCK;
      const block = this.block(kind, fd, first);
      const from = at - first;
      const to = Math.min(block.length, from + (position + length - at));
      if (to <= from) break;
      parts.push(block.subarray(from, to));
      at += to - from;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  private block(kind: string, fd: number, first: number): Buffer {
    const key = `${kind}${first}`;
    let block = this.cache.get(key);
    if (block) {
      this.cache.delete(key);
    } else {
      const buffer = Buffer.allocUnsafe(BLOCK);
      block = buffer.subarray(0, fs.readSync(fd, buffer, 0, BLOCK, first));
      if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, block);
    return block;
  }
}
