import fs from 'node:fs/promises';
import type { Request } from 'express';
import { HttpError } from './http-support';
import { receiveFile } from './receive-file';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export interface Upload {
  filePath: string;
  bytes: number;
  fileName: string;
  fields: Record<string, string>;
}

/**
 * Receives a multipart upload: the part named `file` is streamed to a temporary file (never held in
 * memory), the small text fields are collected. Refuses a file over `maxBytes` with 413.
 */
export async function receiveUpload(req: Request, maxBytes: number, tooLarge?: () => HttpError): Promise<Upload> {
  const file = await receiveFile(req, {
    maxBytes,
    folder: 'spotcheck-uploads',
    tooLarge: tooLarge ?? (() => new HttpError(413, 'BAD_USER_INPUT', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MiB 的上限`)),
    missing: '没有收到文件：请在字段 file 中上传 CSV 或 xlsx 文件',
  });
  return { filePath: file.filePath, bytes: (await fs.stat(file.filePath)).size, fileName: (file.rawName || 'upload').slice(0, 200), fields: file.fields };
}
