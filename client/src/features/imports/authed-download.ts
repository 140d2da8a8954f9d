/**
 * Downloads a file the server serves only to a signed-in user (directory exports, templates, the import
 * error report): fetched with the bearer token (refreshed once if it has expired), then saved under the
 * name the server gives in Content-Disposition.
 */
import { getSession } from '../../app/auth';
import { saveFile } from '../../app/csv';
import { refreshSession } from '../../app/refresh';

export class DownloadProblem extends Error {
  constructor(
    readonly status: number,
    message: string | null,
  ) {
    super(message ?? `HTTP ${status}`);
  }
}

/** Sends a request with the current bearer token; on 401 refreshes the session once and sends it again. */
export async function fetchWithToken(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const session = getSession();
    const headers = new Headers(init.headers);
    if (session) headers.set('authorization', `Bearer ${session.token}`);
    return fetch(url, { ...init, headers });
  };
  let response = await send();
  if (response.status === 401 && (await refreshSession())) response = await send();
  return response;
}

/** The server's `{ error: { message } }`, if the body is one. */
export async function errorMessageOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? null;
  } catch {
    return null;
  }
}

/** filename*=UTF-8''… (the real name) before filename="…" (the ASCII fallback). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

export async function downloadWithToken(url: string, fallbackName: string): Promise<string> {
  const response = await fetchWithToken(url);
  if (!response.ok) throw new DownloadProblem(response.status, await errorMessageOf(response));
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  saveFile(name, await response.blob(), response.headers.get('content-type') ?? 'application/octet-stream');
  return name;
}
