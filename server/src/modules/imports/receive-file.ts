import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { badRequestHttp } from './http-support';

export interface ReceiveOptions {
  maxBytes: number;
  /** Folder under the system's temporary directory. */
  folder: string;
  /** The error for a file over `maxBytes` (answered once the rest of the body is read). */
  tooLarge: () => Error;
  /** What to say when no part named `file` came. */
  missing: string;
  /** A stream the file passes through on its way to disk, e.g. one that hashes it. */
  through?: Transform;
  maxFields?: number;
}

export interface ReceivedFile {
  /** The temporary file; the caller removes it. */
  filePath: string;
  /** As the client named it (possibly empty). */
  rawName: string;
  fields: Record<string, string>;
}

/**
 * Receives a multipart upload: the part named `file` is streamed to a temporary file (never held in
 * memory), small text fields are collected. On any refusal the temporary file is gone before the
 * error is thrown.
 */
export async function receiveFile(req: Request, options: ReceiveOptions): Promise<ReceivedFile> {
  let parser: busboy.Busboy;
  const maxFields = options.maxFields ?? 20;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: options.maxBytes, files: 1, fields: maxFields, fieldSize: 4096, parts: maxFields + 2 },
    });
  } catch {
    throw badRequestHttp('请以 multipart/form-data 上传文件（字段 file）');
  }
  const dir = path.join(os.tmpdir(), options.folder);
  await fs.promises.mkdir(dir, { recursive: true });
  const filePath = path.join(dir, `${crypto.randomUUID()}.upload`);
  const fields: Record<string, string> = {};
  let rawName: string | null = null;
  let written: Promise<void> | null = null;
  let overLimit = false;
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || written) {
          stream.resume();
          return;
        }
        rawName = info.filename ?? '';
        stream.on('limit', () => {
          overLimit = true;
          reject(options.tooLarge());
        });
        const sink = fs.createWriteStream(filePath, { flags: 'wx', mode: 0o600 });
        written = options.through ? pipeline(stream, options.through, sink) : pipeline(stream, sink);
        written.catch(reject);
      });
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('close', resolve);
      parser.on('error', () => reject(badRequestHttp('上传内容不是有效的 multipart/form-data')));
      req.on('aborted', () => reject(badRequestHttp('上传被中断')));
      req.pipe(parser);
    });
    if (written) await written;
    if (rawName === null) throw badRequestHttp(options.missing);
    return { filePath, rawName, fields };
  } catch (error) {
    if (overLimit) {
      // Read and discard the rest of the body so that the client receives the answer.
      req.unpipe(parser);
      req.resume();
    }
    await fs.promises.rm(filePath, { force: true });
    throw error;
  }
}
