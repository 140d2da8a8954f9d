/**
 * Posts one evidence file to /api/inspections/<id>/evidence (multipart field `file`) with the bearer token,
 * reporting the bytes sent; on 401 the session is refreshed once and the file sent again. The server
 * answers 201 with the stored file, or `{ error: { code, reason?, limitBytes?, message } }`.
 */
import { getSession } from '../../app/auth';
import { refreshSession } from '../../app/refresh';

export class EvidenceUploadProblem extends Error {
  constructor(
    /** 0 when no answer came (network, or the connection was closed early). */
    readonly status: number,
    readonly body: { code?: string; reason?: string; limitBytes?: number; message?: string } | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

function send(inspectionId: string, file: File, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/inspections/${encodeURIComponent(inspectionId)}/evidence`);
    const session = getSession();
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(Math.round((event.loaded / (event.lengthComputable ? event.total : file.size || 1)) * 100));
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(new EvidenceUploadProblem(0, null));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export async function uploadEvidence(inspectionId: string, file: File, onProgress: (percent: number) => void): Promise<void> {
  let answer = await send(inspectionId, file, onProgress);
  if (answer.status === 401 && (await refreshSession())) answer = await send(inspectionId, file, onProgress);
  if (answer.status === 201) return;
  const body = answer.body as { error?: EvidenceUploadProblem['body'] } | null;
  throw new EvidenceUploadProblem(answer.status, body?.error ?? null);
}
