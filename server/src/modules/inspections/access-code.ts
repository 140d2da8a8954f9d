import crypto from 'node:crypto';

/** No 0/O, 1/I/L: read aloud or typed from paper without mistakes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh access code for the entity, e.g. `K7PM-3QXD-9T2W` (≈ 59 bits). */
export function newAccessCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The code as typed (any case, with or without dashes and spaces) to its canonical form. */
export function normalizeAccessCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 12 || [...chars].some((c) => !ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What is stored to find a record by its code. */
export function accessCodeHash(code: string): string {
  return crypto.createHash('sha256').update(`spotcheck-access:${code}`).digest('hex');
}
