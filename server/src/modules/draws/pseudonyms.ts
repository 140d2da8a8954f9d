import crypto from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
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

function saltBytes(secret: Buffer, kind: PseudonymKind, key: string): Buffer {
  return crypto.createHmac('sha256', secret).update(SALT_LABEL).update(KIND[kind]).update(lp(Buffer.from(key, 'utf8'))).digest();
}

/** What an entity is given with its access code to find its own line: 64 hex digits. */
export function saltOf(drawSecretHex: string, kind: PseudonymKind, key: string): string {
  return saltBytes(Buffer.from(drawSecretHex, 'hex'), kind, key).toString('hex');
}

function pseudonym(secret: Buffer, kind: PseudonymKind, key: string): string {
  const keyBytes = lp(Buffer.from(key, 'utf8'));
  return crypto
    .createHash('sha256')
    .update(PSEUDONYM_LABEL)
    .update(KIND[kind])
    .update(lp(saltBytes(secret, kind, key)))
    .update(keyBytes)
    .digest()
    .subarray(0, 16)
    .toString('hex');
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
  const secret = Buffer.from(drawSecretHex, 'hex');
  const keyMap: KeyMap = { strata: new Map(), entities: new Map(), inspectors: new Map(), tags: new Map() };
  const forward = { stratum: new Map<string, string>(), entity: new Map<string, string>(), inspector: new Map<string, string>(), tag: new Map<string, string>() };
  const back = { stratum: keyMap.strata, entity: keyMap.entities, inspector: keyMap.inspectors, tag: keyMap.tags };
  const p = (kind: PseudonymKind, key: string): string => {
    let out = forward[kind].get(key);
    if (out === undefined) {
      out = pseudonym(secret, kind, key);
      if (back[kind].has(out)) throw new Error('pseudonym collision'); // 2⁻¹²⁸ per pair: never, but never silently
      forward[kind].set(key, out);
      back[kind].set(out, key);
    }
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
      entities: s.entities.map((e) => (e.tags ? { key: p('entity', e.key), weight: e.weight, tags: tags(e.tags) } : { key: p('entity', e.key), weight: e.weight })),
    })),
    inspectors: input.inspectors.map((i) => (i.tags ? { key: p('inspector', i.key), group: i.group, tags: tags(i.tags) } : { key: p('inspector', i.key), group: i.group })),
    requiredGroups: input.requiredGroups.map((r) => ({ ...r, stratumKey: p('stratum', r.stratumKey) })),
    exclusions: input.exclusions.map((x) => ({ ...x, entityKey: p('entity', x.entityKey), inspectorKey: p('inspector', x.inspectorKey) })),
  };
  return { input: pseudonymous, keyMap };
}

export function packKeyMap(keyMap: KeyMap): Buffer {
  const entries = (m: Map<string, string>) => [...m];
  return gzipSync(JSON.stringify({ strata: entries(keyMap.strata), entities: entries(keyMap.entities), inspectors: entries(keyMap.inspectors), tags: entries(keyMap.tags) }), { level: 1 });
}

export function unpackKeyMap(gz: Buffer): KeyMap {
  const raw = JSON.parse(gunzipSync(gz).toString('utf8')) as Record<keyof KeyMap, [string, string][]>;
  return { strata: new Map(raw.strata), entities: new Map(raw.entities), inspectors: new Map(raw.inspectors), tags: new Map(raw.tags) };
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
