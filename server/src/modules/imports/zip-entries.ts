import fs from 'node:fs';
import zlib from 'node:zlib';
import { ImportFailure } from './import-failure';

/** Limits on what one zip may inflate to: checked on the sizes the zip declares, and again while inflating. */
export interface ZipLimits {
  /** The most one entry may inflate to. */
  maxEntryBytes: number;
  /** The most one entry may inflate per compressed byte (beyond its first MiB). */
  maxRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MiB = 1024 * 1024;
/** Small entries may pack better than any ratio (a sheet of empty cells): the ratio counts beyond this. */
const RATIO_GRACE = MiB;
const MAX_ENTRIES = 10_000;
const BROKEN = 'xlsx 文件已损坏或不完整（可能上传中断），请重新保存后上传';

/**
 * The entries of a zip, read from its central directory (a file's table of contents at its end), so
 * that every entry's declared sizes are checked before a byte is inflated. Zip64 archives, encryption
 * and methods other than stored and deflate are refused: an xlsx uses none of them.
 */
export async function readZipEntries(filePath: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tailLength) throw new ImportFailure(BROKEN);
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportFailure('xlsx 文件过大（ZIP64 格式），请拆分后分批导入');
    if (count > MAX_ENTRIES || dirSize > 64 * MiB) throw new ImportFailure(`xlsx 文件包含的部件过多（超过 ${MAX_ENTRIES} 个），不是正常的表格文件`);
    if (dirOffset + dirSize > size) throw new ImportFailure(BROKEN);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw new ImportFailure(BROKEN);
      const flags = dir.readUInt16LE(at + 8);
      const nameLength = dir.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      };
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
      if (flags & 0x1) throw new ImportFailure('xlsx 文件已加密（设置了打开密码），请取消密码后重新保存再上传');
      if (entry.method !== 0 && entry.method !== 8) throw new ImportFailure(BROKEN);
      checkDeclared(entry, limits);
      entries.push(entry);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

function checkDeclared(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.size > limits.maxEntryBytes) {
    throw new ImportFailure(
      `xlsx 文件中的部件“${entry.name}”解压后超过 ${Math.round(limits.maxEntryBytes / MiB)} MiB 的上限，未导入任何数据；请拆分后分批导入`,
    );
  }
  if (entry.size > RATIO_GRACE && entry.size > entry.compressedSize * limits.maxRatio) {
    throw new ImportFailure(
      `xlsx 文件中的部件“${entry.name}”压缩比超过 ${limits.maxRatio} 倍（${Math.round(entry.size / MiB)} MiB 压缩在 ${Math.max(1, Math.round(entry.compressedSize / 1024))} KiB 中，疑似“压缩炸弹”），未导入任何数据`,
    );
  }
}

/**
 * The inflated bytes of one entry, chunk by chunk. It may not inflate to more than it declared (which
 * was checked against the limits), so a zip that lies about its sizes is refused as it inflates.
 */
export async function* entryChunks(filePath: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  const local = Buffer.alloc(30);
  const handle = await fs.promises.open(filePath, 'r');
  try {
    await handle.read(local, 0, 30, entry.localOffset);
  } finally {
    await handle.close();
  }
  if (local.readUInt32LE(0) !== 0x04034b50) throw new ImportFailure(BROKEN);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const input = fs.createReadStream(filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  const inflated = entry.method === 8 ? input.pipe(zlib.createInflateRaw()) : input;
  input.on('error', (error) => inflated.destroy(error));
  let total = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) throw new ImportFailure(`xlsx 文件中的部件“${entry.name}”解压后比文件记录的大小更大（文件已损坏或被篡改），未导入任何数据`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(BROKEN);
  } finally {
    input.destroy();
    inflated.destroy();
  }
}
