/**
 * Posts the file to /api/imports/<kind> as multipart (field `file` plus the options) with the bearer
 * token, reporting the bytes sent. The server answers 202 with the job's id as soon as the job exists.
 */
import { getSession } from '../../app/auth';
import { refreshSession } from '../../app/refresh';
import type { ImportMode } from './operations';

export interface UploadOptions {
  kind: 'entities' | 'inspectors';
  file: File;
  mode: ImportMode;
  acceptChecksumWarnings: boolean;
  encoding: 'auto' | 'utf-8' | 'gb18030';
}

export class UploadProblem extends Error {
  constructor(
    readonly status: number,
    message: string | null,
  ) {
    super(message ?? `HTTP ${status}`);
  }
}

function send(options: UploadOptions, onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${options.kind}`);
    const session = getSession();
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : options.file.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(new UploadProblem(0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('mode', options.mode);
    form.append('acceptChecksumWarnings', String(options.acceptChecksumWarnings));
    form.append('encoding', options.encoding);
    form.append('file', options.file, options.file.name);
    xhr.send(form);
  });
}

/** The new job's global id. */
export async function uploadImport(options: UploadOptions, onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<string> {
  let answer = await send(options, onProgress, signal);
  if (answer.status === 401 && (await refreshSession())) answer = await send(options, onProgress, signal);
  const body = answer.body as { jobId?: string; error?: { message?: string } } | null;
  if (answer.status !== 202 || !body?.jobId) throw new UploadProblem(answer.status, body?.error?.message ?? null);
  return body.jobId;
}
