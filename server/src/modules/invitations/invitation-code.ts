import crypto from 'node:crypto';

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time code of 80 random bits, shown as XXXX-XXXX-XXXX-XXXX. */
export function newInvitationCode(): { code: string; hash: string } {
  const bytes = crypto.randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 16; i += 1) {
    chars = ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  const code = chars.match(/.{4}/g)!.join('-');
  return { code, hash: hashInvitationCode(code) };
}

/** Case, spaces, dashes and the look-alikes I/L→1, O→0 do not matter when a code is typed back. */
export function hashInvitationCode(input: string): string {
  const normalized = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return crypto.createHash('sha256').update(normalized).digest('hex');
}
