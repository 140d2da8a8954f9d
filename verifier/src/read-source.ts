import fs from 'node:fs/promises';

/** The record could not be read (exit 2), as opposed to read and found wrong (exit 1). */
export class UnreadableRecord extends Error {}

/** The text of a record from a file or an http(s) URL (Node's own fetch). */
export async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { headers: { accept: 'application/json' } });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new UnreadableRecord(`无法下载 ${source}：${cause}`);
    }
    if (!response.ok) throw new UnreadableRecord(`下载失败：HTTP ${response.status} ${source}`);
    return utf8Text(new Uint8Array(await response.arrayBuffer()), source);
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(source);
  } catch (error) {
    throw new UnreadableRecord(`无法读取文件 ${source}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return utf8Text(bytes, source);
}

/** The bytes as UTF-8, strictly (a record is UTF-8 JSON; a byte-order mark is kept, for check 0 to refuse). */
function utf8Text(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UnreadableRecord(`不是有效的 UTF-8 文本：${source}`);
  }
}

/** The parsed JSON of a record; text that is not JSON cannot be read either. */
export function parseRecord(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UnreadableRecord(`不是有效的 JSON：${source}`);
  }
}
