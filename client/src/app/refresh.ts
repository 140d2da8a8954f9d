/**
 * Trades the refresh token for a new pair, at most one request at a time: every caller that finds
 * the access token rejected while a refresh is under way waits for that same refresh.
 */
import { clearSession, getSession, saveSession } from './auth';

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { token refreshToken expiresIn }
}`;

let inFlight: Promise<boolean> | null = null;

/** Resolves true when a new pair is stored; otherwise clears the session and resolves false. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= doRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function doRefresh(): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REFRESH, variables: { refreshToken: session.refreshToken } }),
    });
    const body = (await response.json()) as {
      data?: { refreshToken?: { token: string; refreshToken: string; expiresIn: number } | null } | null;
    };
    const pair = body.data?.refreshToken;
    if (!pair) {
      clearSession();
      return false;
    }
    saveSession(pair);
    return true;
  } catch {
    clearSession();
    return false;
  }
}
