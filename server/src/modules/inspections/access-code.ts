import crypto from 'node:crypto';
import { ACCESS_CODE_ALPHABET as ALPHABET, normalizeAccessCode } from '@spotcheck/shared';

export { normalizeAccessCode };

/** A fresh access code for the entity, e.g. `K7PM-3QXD-9T2W` (≈ 59 bits). */
export function newAccessCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What is stored to find a record by its code. */
export function accessCodeHash(code: string): string {
  return crypto.createHash('sha256').update(`spotcheck-access:${code}`).digest('hex');
}
