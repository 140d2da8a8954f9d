import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { HttpError, badRequestHttp } from './http-support';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export interface Upload {
  filePath: string;
  fileName: string;
  fields: Record<string, string>;
}

const UPLOAD_DIR = path.join(os.tmpdir(), 'spotcheck-uploads');

/**
 * Receives a multipart upload: the part named `file` is streamed to a temporary file (never held in
 * memory), the small text fields are collected. Refuses a file over `maxBytes` with 413.
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<Upload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4096, parts: 30 } });
  } catch {
    throw badRequestHttp('请以 multipart/form-data 上传文件（字段 file）');
  }
  await fs.promises.mkdir(UPLOAD_DIR, { recursive: true });
  const filePath = path.join(UPLOAD_DIR, `${crypto.randomUUID()}.upload`);
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let written: Promise<void> | null = null;
  let tooLarge = false;

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || written) {
          stream.resume();
          return;
        }
        fileName = (info.filename || 'upload').slice(0, 200);
        stream.on('limit', () => {
          tooLarge = true;
          reject(new HttpError(413, 'BAD_USER_INPUT', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MiB 的上限`));
        });
        written = pipeline(stream, fs.createWriteStream(filePath));
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
    if (!fileName) throw badRequestHttp('没有收到文件：请在字段 file 中上传 CSV 或 xlsx 文件');
    return { filePath, fileName, fields };
  } catch (error) {
    if (tooLarge) {
      // Read and discard the rest of the body so the client receives the answer.
      req.unpipe(parser);
      req.resume();
    }
    await fs.promises.rm(filePath, { force: true });
    throw error;
  }
}
