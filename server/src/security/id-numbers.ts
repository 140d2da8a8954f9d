import crypto from 'node:crypto';
import { PERSON_KEY_PREFIX } from '@spotcheck/shared';

/**
 * A natural person's directory key, in place of a USCC: `P:` and the first 16 hex digits (upper case,
 * so the places that upper-case a search still match) of HMAC-SHA256 over the normalised ID number,
 * keyed by a per-deployment secret. An ID number has few possible values (region × birth date ×
 * sequence), so an unkeyed hash could be reversed by trying them all; without the secret it cannot.
 * The key is what the draw, the selections and the record use: stable, the same in every bureau of a
 * deployment (so a joint task matches the person across bureaus), and revealing nothing.
 * 18 characters, the width of the USCC column it shares.
 */
export class PersonKeys {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = crypto.createHmac('sha256', secret).update('spotcheck:id-number:v1').digest();
  }

  keyOf(normalizedIdNumber: string): string {
    const hash = crypto.createHmac('sha256', this.key).update(normalizedIdNumber, 'utf8').digest('hex');
    return PERSON_KEY_PREFIX + hash.slice(0, 16).toUpperCase();
  }
}
