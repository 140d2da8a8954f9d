/** Relay global ids: base64url of `Type:localId`, opaque to clients. */
export function toGlobalId(type: string, localId: string): string {
  return base64UrlEncode(`${type}:${localId}`);
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  let decoded: string;
  try {
    decoded = base64UrlDecode(globalId);
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { type: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Decodes a global id of the expected type whose local part is a UUID; null otherwise. */
export function fromGlobalUuid(globalId: string, expectedType: string): string | null {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== expectedType || !isUuid(parsed.id)) return null;
  return parsed.id.toLowerCase();
}

interface NodeBuffer {
  from(text: string, encoding: 'utf8'): { toString(encoding: 'base64url'): string };
}

function base64UrlEncode(text: string): string {
  // On the server, Node's Buffer: a list of 50 rows encodes some 300 ids.
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (buffer) return buffer.from(text, 'utf8').toString('base64url');
  return browserBase64UrlEncode(text);
}

/** The same encoding without Buffer (the browser's). */
export function browserBase64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('not base64url');
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
