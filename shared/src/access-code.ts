/** The entity's access code to its inspection record: 12 characters in three groups, e.g. `K7PM-3QXD-9T2W`. */

/** No 0/O, 1/I/L: read aloud or typed from paper without mistakes. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The code as typed (any case, with or without dashes and spaces) to its canonical form; null when it cannot be one. */
export function normalizeAccessCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 12 || [...chars].some((c) => !ACCESS_CODE_ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
