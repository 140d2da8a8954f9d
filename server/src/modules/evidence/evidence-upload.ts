import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { DigestStream } from '../../storage/digest-stream';
import { badRequestHttp } from '../imports/http-support';
import { DetailedHttpError } from './evidence-http';
import { ACCEPTED_DESCRIPTION, cleanFileName, detectEvidenceType, type EvidenceType } from './file-types';

/** One evidence file received into a temporary file, hashed and typed; the caller removes `tempPath`. */
export interface ReceivedEvidence {
  tempPath: string;
  fileName: string;
  size: number;
  sha256: string;
  type: EvidenceType;
}

const TEMP_DIR = path.join(os.tmpdir(), 'spotcheck-evidence');

function tooLarge(maxBytes: number) {
  const mb = maxBytes / 1024 / 1024;
  return new DetailedHttpError(413, 'BAD_USER_INPUT', `文件超过 ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB 的上限`, { reason: 'FILE_TOO_LARGE', limitBytes: maxBytes });
}

/**
 * Receives the multipart part `file` into a temporary file, hashing and counting it on the way, then
 * checks its kind by its leading bytes. On any refusal (too large, unknown kind, broken upload) the
 * temporary file is gone before the error is thrown.
 */
export async function receiveEvidence(req: Request, maxBytes: number): Promise<ReceivedEvidence> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 } });
  } catch {
    throw badRequestHttp('请以 multipart/form-data 上传文件（字段 file）');
  }
  await fs.promises.mkdir(TEMP_DIR, { recursive: true });
  const tempPath = path.join(TEMP_DIR, `${crypto.randomUUID()}.upload`);
  const digest = new DigestStream();
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
          reject(tooLarge(maxBytes));
        });
        written = pipeline(stream, digest, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
        written.catch(reject);
      });
      parser.on('close', resolve);
      parser.on('error', () => reject(badRequestHttp('上传内容不是有效的 multipart/form-data')));
      req.on('aborted', () => reject(badRequestHttp('上传被中断')));
      req.pipe(parser);
    });
    if (written) await written;
    if (rawName === null) throw badRequestHttp('没有收到文件：请在字段 file 中上传证据文件');
    const { sha256, size } = digest.result();
    if (size === 0) throw badRequestHttp('文件为空');
    const head = Buffer.alloc(16);
    const handle = await fs.promises.open(tempPath, 'r');
    try {
      await handle.read(head, 0, 16, 0);
    } finally {
      await handle.close();
    }
    const type = detectEvidenceType(head, rawName);
    if (!type) throw new DetailedHttpError(415, 'BAD_USER_INPUT', `不支持的文件类型：仅接受${ACCEPTED_DESCRIPTION}`, { reason: 'FILE_TYPE' });
    return { tempPath, fileName: cleanFileName(rawName, type), size, sha256, type };
  } catch (error) {
    if (overLimit) {
      // Read and discard the rest of the body so that the client receives the answer.
      req.unpipe(parser);
      req.resume();
    }
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
}
