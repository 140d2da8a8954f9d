import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { DrawInput, DrawOutcome, PseudonymKind } from '@spotcheck/shared';

/**
 * spotcheck-draw/2 on the server (docs/draw-spec.md §16): the same salts and pseudonyms as
 * `pseudonymSalt`/`pseudonymFromSalt` of @spotcheck/shared, with Node's native HMAC and SHA-256
 * (a pool of a million entities is pseudonymised in about a second).
 */
const lp = (bytes: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};
const SALT_LABEL = lp(Buffer.from('spotcheck-draw/2 salt'));
const PSEUDONYM_LABEL = lp(Buffer.from('spotcheck-draw/2 pseudonym'));
const KIND = { entity: lp(Buffer.from('entity')), inspector: lp(Buffer.from('inspector')), tag: lp(Buffer.from('tag')), stratum: lp(Buffer.from('stratum')) };

export function newDrawSecret(): string {
  return crypto.randomBytes(32).toString('hex');
}

/**
 * HMAC-SHA256(K, lp(label) ‖ lp(kind) ‖ lp(key)) and the pseudonym's SHA-256 with one-shot
 * `crypto.hash` over a reused buffer: HMAC is written out (SHA-256 of the padded key and the message,
 * then of the other padded key and that digest), so a key costs three hashes and no objects — about
 * 2 s for a pool of a million entities instead of about 6 s with createHmac and createHash.
 */
class Pseudonymiser {
  private readonly innerPrefix = new Map<PseudonymKind, Buffer>();
  private readonly pseudonymPrefix = new Map<PseudonymKind, Buffer>();
  private readonly outer = Buffer.alloc(96);
  private scratch = Buffer.alloc(1024);
  private readonly digest = Buffer.alloc(32);

  constructor(secret: Buffer) {
    const ipad = Buffer.alloc(64, 0x36);
    for (let i = 0; i < 64; i += 1) {
      ipad[i] = 0x36 ^ (secret[i] ?? 0);
      this.outer[i] = 0x5c ^ (secret[i] ?? 0);
    }
    for (const kind of Object.keys(KIND) as PseudonymKind[]) {
      this.innerPrefix.set(kind, Buffer.concat([ipad, SALT_LABEL, KIND[kind]]));
      this.pseudonymPrefix.set(kind, Buffer.concat([PSEUDONYM_LABEL, KIND[kind], Buffer.from([0, 0, 0, 32])]));
    }
  }

  /** Writes prefix ‖ [gap bytes left for the caller] ‖ lp(key) into the scratch buffer; returns where the gap starts and the end. */
  private layout(prefix: Buffer, gap: number, key: string): { at: number; end: number } {
    const keyLength = Buffer.byteLength(key, 'utf8');
    const end = prefix.length + gap + 4 + keyLength;
    if (end > this.scratch.length) this.scratch = Buffer.alloc(end * 2);
    prefix.copy(this.scratch, 0);
    const keyAt = prefix.length + gap;
    this.scratch.writeUInt32BE(keyLength, keyAt);
    this.scratch.write(key, keyAt + 4, 'utf8');
    return { at: prefix.length, end };
  }

  /** The salt as a latin1 string of its 32 bytes: string digests are much faster to get than Buffers. */
  private saltLatin1(kind: PseudonymKind, key: string): string {
    const { end } = this.layout(this.innerPrefix.get(kind)!, 0, key);
    this.outer.write(crypto.hash('sha256', this.scratch.subarray(0, end), 'binary'), 64, 'binary');
    return crypto.hash('sha256', this.outer, 'binary');
  }

  salt(kind: PseudonymKind, key: string): Buffer {
    return Buffer.from(this.saltLatin1(kind, key), 'binary');
  }

  pseudonym(kind: PseudonymKind, key: string): string {
    const salt = this.saltLatin1(kind, key);
    const { at, end } = this.layout(this.pseudonymPrefix.get(kind)!, 32, key);
    this.scratch.write(salt, at, 'binary');
    // Through bytes, not `.slice` of the hex digest: a sliced string keeps its parent and sorts slowly.
    this.digest.write(crypto.hash('sha256', this.scratch.subarray(0, end), 'binary'), 0, 'binary');
    return this.digest.toString('hex', 0, 16);
  }
}

/** What an entity is given with its access code to find its own line: 64 hex digits. */
export function saltOf(drawSecretHex: string, kind: PseudonymKind, key: string): string {
  return new Pseudonymiser(Buffer.from(drawSecretHex, 'hex')).salt(kind, key).toString('hex');
}

/** Pseudonym → what it stands for (stratum key, USCC, certificate number, tag), per kind. */
export interface KeyMap {
  strata: Map<string, string>;
  entities: Map<string, string>;
  inspectors: Map<string, string>;
  tags: Map<string, string>;
}

/** The /2 input of a pool built with plain keys, and the map back. */
export function pseudonymiseForDraw(input: DrawInput, drawSecretHex: string): { input: DrawInput; keyMap: KeyMap } {
  const pseudonymiser = new Pseudonymiser(Buffer.from(drawSecretHex, 'hex'));
  const keyMap: KeyMap = { strata: new Map(), entities: new Map(), inspectors: new Map(), tags: new Map() };
  const back = { stratum: keyMap.strata, entity: keyMap.entities, inspector: keyMap.inspectors, tag: keyMap.tags };
  // No map from key to pseudonym: a key met twice (an entity in two strata) is simply hashed again.
  const p = (kind: PseudonymKind, key: string): string => {
    const out = pseudonymiser.pseudonym(kind, key);
    const known = back[kind].get(out);
    if (known === undefined) back[kind].set(out, key);
    else if (known !== key) throw new Error('pseudonym collision'); // 2⁻¹²⁸ per pair: never, but never silently
    return out;
  };
  // Equal tag lists (one interned array per set in the pool) stay one array.
  const tagLists = new Map<string[], string[]>();
  const tags = (list: string[] | undefined): string[] | undefined => {
    if (!list) return undefined;
    let out = tagLists.get(list);
    if (!out) tagLists.set(list, (out = list.map((t) => p('tag', t))));
    return out;
  };
  const pseudonymous: DrawInput = {
    ...input,
    strata: input.strata.map((s) => ({
      ...s,
      key: p('stratum', s.key),
      entities: s.entities.map((e) =>
        e.tags ? { key: p('entity', e.key), weight: e.weight, tags: tags(e.tags) } : { key: p('entity', e.key), weight: e.weight },
      ),
    })),
    inspectors: input.inspectors.map((i) =>
      i.tags ? { key: p('inspector', i.key), group: i.group, tags: tags(i.tags) } : { key: p('inspector', i.key), group: i.group },
    ),
    requiredGroups: input.requiredGroups.map((r) => ({ ...r, stratumKey: p('stratum', r.stratumKey) })),
    exclusions: input.exclusions.map((x) => ({ ...x, entityKey: p('entity', x.entityKey), inspectorKey: p('inspector', x.inspectorKey) })),
  };
  return { input: pseudonymous, keyMap };
}

const gzipAsync = promisify(gzip) as (text: string, options: { level: number }) => Promise<Buffer>;

/** gzip (level 1, on the thread pool) of the map as JSON: about 23 MB for a million entities. */
export function packKeyMap(keyMap: KeyMap): Promise<Buffer> {
  const entries = (m: Map<string, string>) => [...m];
  return gzipAsync(
    JSON.stringify({ strata: entries(keyMap.strata), entities: entries(keyMap.entities), inspectors: entries(keyMap.inspectors), tags: entries(keyMap.tags) }),
    { level: 1 },
  );
}

export function unpackKeyMap(gz: Buffer): KeyMap {
  const raw = JSON.parse(gunzipSync(gz).toString('utf8')) as Record<keyof KeyMap, [string, string][]>;
  return { strata: new Map(raw.strata), entities: new Map(raw.entities), inspectors: new Map(raw.inspectors), tags: new Map(raw.tags) };
}

/** The key map as the app shows it: the draw's secret and each pseudonym beside what it stands for. */
export interface KeyMapView {
  drawSecret: string;
  strata: [string, string][];
  entities: [string, string][];
  inspectors: [string, string][];
  tags: [string, string][];
}

export function keyMapView(drawSecretHex: string, gz: Buffer): KeyMapView {
  const map = unpackKeyMap(gz);
  return { drawSecret: drawSecretHex, strata: [...map.strata], entities: [...map.entities], inspectors: [...map.inspectors], tags: [...map.tags] };
}

/** A /2 result with the plain keys again: what the server stores as the draw's selections. */
export function plainOutcome(outcome: DrawOutcome, keyMap: KeyMap): DrawOutcome {
  const get = (m: Map<string, string>, p: string) => {
    const key = m.get(p);
    if (key === undefined) throw new Error(`pseudonym ${p} is not in the draw's key map`);
    return key;
  };
  return {
    selections: outcome.selections.map((s) => ({ stratumKey: get(keyMap.strata, s.stratumKey), entityKeys: s.entityKeys.map((k) => get(keyMap.entities, k)) })),
    teams: outcome.teams.map((t) => ({ entityKey: get(keyMap.entities, t.entityKey), inspectorKeys: t.inspectorKeys.map((k) => get(keyMap.inspectors, k)) })),
  };
}
