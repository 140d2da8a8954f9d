import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalInputText,
  hmacSha256,
  pseudonymFromSalt,
  pseudonymiseInput,
  pseudonymOf,
  pseudonymSalt,
  runDraw,
  utf8Bytes,
  bytesToHex,
  verifyDraw,
  type DrawRecord,
} from './index';

const vector = JSON.parse(readFileSync(join(__dirname, 'vectors-v2', 'pseudonymous-conflict-tags.json'), 'utf8')) as {
  drawSecret: string;
  entityCheck: { key: string; salt: string; pseudonym: string };
  canonicalInputText: string;
  record: DrawRecord;
};
const v1 = JSON.parse(readFileSync(join(__dirname, 'vectors', 'conflict-tags.json'), 'utf8')).record as DrawRecord;

describe('spotcheck-draw/2 (pseudonymous records)', () => {
  it('HMAC-SHA256 is RFC 2104 (same as Node for short and long keys)', () => {
    for (const key of ['key', 'k'.repeat(64), 'k'.repeat(100)]) {
      const msg = 'The quick brown fox jumps over the lazy dog';
      expect(bytesToHex(hmacSha256(utf8Bytes(key), utf8Bytes(msg)))).toBe(createHmac('sha256', key).update(msg).digest('hex'));
    }
  });

  it('salt and pseudonym follow the construction of the spec (§16.2), checked with Node crypto', () => {
    const lp = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
    const salt = createHmac('sha256', Buffer.from(vector.drawSecret, 'hex'))
      .update(Buffer.concat([lp(Buffer.from('spotcheck-draw/2 salt')), lp(Buffer.from('entity')), lp(Buffer.from('91430726MA0000001A'))]))
      .digest('hex');
    expect(pseudonymSalt(vector.drawSecret, 'entity', '91430726MA0000001A')).toBe(salt);
    const pseudonym = createHash('sha256')
      .update(
        Buffer.concat([
          lp(Buffer.from('spotcheck-draw/2 pseudonym')),
          lp(Buffer.from('entity')),
          lp(Buffer.from(salt, 'hex')),
          lp(Buffer.from('91430726MA0000001A')),
        ]),
      )
      .digest('hex')
      .slice(0, 32);
    expect(pseudonymOf(vector.drawSecret, 'entity', '91430726MA0000001A')).toBe(pseudonym);
  });

  it('the vector reproduces: pseudonymised input, canonical text, hashes, selections, teams', () => {
    const input = pseudonymiseInput(v1.input, vector.drawSecret);
    expect(canonicalInputText(input, 'spotcheck-draw/2')).toBe(vector.canonicalInputText);
    expect(runDraw(input, v1.serverSeed!, v1.publicEntropy, { algorithm: 'spotcheck-draw/2' })).toEqual(vector.record);
    expect(verifyDraw(vector.record)).toEqual({ ok: true, revealed: true });
  });

  it('names nobody: no USCC, certificate number or tag text of the /1 input appears in the /2 record', () => {
    const text = JSON.stringify(vector.record);
    const named = [
      ...v1.input.strata.flatMap((s) => [s.key, ...s.entities.flatMap((e) => [e.key, ...(e.tags ?? [])])]),
      ...v1.input.inspectors.flatMap((i) => [i.key, ...(i.tags ?? [])]),
    ];
    for (const n of new Set(named)) expect(text).not.toContain(n);
  });

  it('an entity finds and checks its own line from its USCC and its salt alone', () => {
    const { key, salt, pseudonym } = vector.entityCheck;
    expect(pseudonymFromSalt(salt, 'entity', key)).toBe(pseudonym);
    const lines = vector.record.input.strata.flatMap((s) => s.entities.filter((e) => e.key === pseudonym));
    expect(lines.length).toBeGreaterThan(0);
    // The salt of one entity is not the salt of another: it tells nothing about the other lines.
    expect(pseudonymFromSalt(salt, 'entity', '91430726MA0000002B')).not.toBe(pseudonymOf(vector.drawSecret, 'entity', '91430726MA0000002B'));
  });

  it('a /2 record holding a plain key is refused as INVALID_INPUT, and runDraw refuses to make one', () => {
    expect(() => runDraw(v1.input, v1.serverSeed!, v1.publicEntropy, { algorithm: 'spotcheck-draw/2' })).toThrow(/化名/);
    const plain = runDraw(v1.input, v1.serverSeed!, v1.publicEntropy);
    const relabelled = { ...plain, format: 'spotcheck-draw/2', algorithm: 'spotcheck-draw/2' };
    expect(verifyDraw(relabelled)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('the algorithm is bound into the hashes: a /2 record relabelled /1 (or mixed) does not verify', () => {
    expect(verifyDraw({ ...vector.record, format: 'spotcheck-draw/1', algorithm: 'spotcheck-draw/1' })).toMatchObject({
      ok: false,
      code: 'INPUT_HASH_MISMATCH',
    });
    expect(verifyDraw({ ...vector.record, format: 'spotcheck-draw/1' })).toMatchObject({ ok: false, code: 'UNSUPPORTED_FORMAT' });
  });

  it('old /1 records still verify under /1', () => {
    expect(verifyDraw(v1)).toEqual({ ok: true, revealed: true });
  });
});
