/**
 * The signed-in session: the access token and refresh token, kept in sessionStorage (one tab, gone
 * when the tab closes). Components read it with useSession(); everything else calls the functions.
 */
import { useSyncExternalStore } from 'react';

export interface Session {
  token: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops working (as announced by the server). */
  expiresAt: number;
}

const KEY = 'spotcheck.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || typeof parsed.refreshToken !== 'string') return null;
    return { token: parsed.token, refreshToken: parsed.refreshToken, expiresAt: Number(parsed.expiresAt) || 0 };
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

/** Stores what login/refreshToken returned. */
export function saveSession(payload: { token: string; refreshToken: string; expiresIn: number }): void {
  current = { token: payload.token, refreshToken: payload.refreshToken, expiresAt: Date.now() + payload.expiresIn * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  emit();
}

export function clearSession(): void {
  if (!current && !sessionStorage.getItem(KEY)) return;
  current = null;
  sessionStorage.removeItem(KEY);
  emit();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
