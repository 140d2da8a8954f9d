import fs from 'node:fs';
import type { Request } from 'express';
import { DigestStream } from '../../storage/digest-stream';
import { badRequestHttp } from '../imports/http-support';
import { receiveFile } from '../imports/receive-file';
import { HttpError } from '../../http/rest-errors';
import { ACCEPTED_DESCRIPTION, cleanFileName, detectEvidenceType, type EvidenceType } from './file-types';

/** One evidence file received into a temporary file, hashed and typed; the caller removes `tempPath`. */
export interface ReceivedEvidence {
  tempPath: string;
  fileName: string;
  size: number;
  sha256: string;
  type: EvidenceType;
  /** The form's text fields sent with the file (a photo's time and position, the upload's key). */
  fields: Record<string, string>;
}

function tooLarge(maxBytes: number) {
  const mb = maxBytes / 1024 / 1024;
  return new HttpError(413, 'BAD_USER_INPUT', `文件超过 ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB 的上限`, {
    reason: 'FILE_TOO_LARGE',
    limitBytes: maxBytes,
  });
}

/**
 * Receives the multipart part `file` into a temporary file, hashing and counting it on the way, then
 * checks its kind by its leading bytes. On any refusal (too large, unknown kind, broken upload) the
 * temporary file is gone before the error is thrown.
 */
export async function receiveEvidence(req: Request, maxBytes: number): Promise<ReceivedEvidence> {
  const digest = new DigestStream();
  const file = await receiveFile(req, {
    maxBytes,
    folder: 'spotcheck-evidence',
    tooLarge: () => tooLarge(maxBytes),
    missing: '没有收到文件：请在字段 file 中上传证据文件',
    through: digest,
    maxFields: 10,
  });
  try {
    const { sha256, size } = digest.result();
    if (size === 0) throw badRequestHttp('文件为空');
    const head = Buffer.alloc(16);
    const handle = await fs.promises.open(file.filePath, 'r');
    try {
      await handle.read(head, 0, 16, 0);
    } finally {
      await handle.close();
    }
    const type = detectEvidenceType(head, file.rawName);
    if (!type) throw new HttpError(415, 'BAD_USER_INPUT', `不支持的文件类型：仅接受${ACCEPTED_DESCRIPTION}`, { reason: 'FILE_TYPE' });
    return { tempPath: file.filePath, fileName: cleanFileName(file.rawName, type), size, sha256, type, fields: file.fields };
  } catch (error) {
    await fs.promises.rm(file.filePath, { force: true });
    throw error;
  }
}
