/**
 * The entity's files over plain HTTP: its code goes in the X-Access-Code header, never in a URL.
 * Downloads are fetched as blobs (a link could not carry the header); attachments are posted with
 * XMLHttpRequest to report the bytes sent.
 */

/** What the server answered when a file could not be sent or read. */
export class FileProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string | null,
    readonly limitBytes?: number,
    readonly retryAfterSeconds?: number,
    readonly reason?: string,
  ) {
    super(message ?? `HTTP ${status}`);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; limitBytes?: number; retryAfterSeconds?: number; reason?: string };
}

function problemOf(status: number, body: unknown): FileProblem {
  const error = (body as ErrorBody | null)?.error;
  return new FileProblem(
    status,
    error?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR'),
    error?.message ?? null,
    error?.limitBytes,
    error?.retryAfterSeconds,
    error?.reason,
  );
}

export async function fetchEntityFile(url: string, accessCode: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'x-access-code': accessCode } });
  } catch {
    throw new FileProblem(0, 'NETWORK', null);
  }
  if (!response.ok) throw problemOf(response.status, await response.json().catch(() => null));
  return response.blob();
}

export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
}

export function uploadAttachment(draftId: string, accessCode: string, file: File, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return postEntityFile(`/api/entity-records/statements/${encodeURIComponent(draftId)}/attachments`, accessCode, file, onProgress);
}

/** A file of the entity's rectification report (the code's newest rectification). */
export function uploadRectificationFile(accessCode: string, file: File, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return postEntityFile('/api/entity-records/rectification/files', accessCode, file, onProgress);
}

function postEntityFile(url: string, accessCode: string, file: File, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-access-code', accessCode);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => (xhr.status === 201 ? resolve(xhr.response as UploadedFile) : reject(problemOf(xhr.status, xhr.response)));
    xhr.onerror = () => reject(new FileProblem(0, 'NETWORK', null));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The kinds of file the server accepts (it reads the first bytes; the extension only picks among Office formats). */
export const ACCEPTED_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx'];

export function acceptedName(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
