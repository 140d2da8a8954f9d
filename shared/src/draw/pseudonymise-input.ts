import { pseudonymOf } from './pseudonym';
import type { DrawInput } from './record';

/**
 * The `spotcheck-draw/2` input of a `/1` input: every stratum key, entity key, inspector key and tag
 * replaced by its pseudonym under the draw secret (exclusions and required groups follow their keys).
 * For tests, vectors and small inputs; the server does the same with Node's native HMAC.
 */
export function pseudonymiseInput(input: DrawInput, drawSecretHex: string): DrawInput {
  const memo = new Map<string, string>();
  const p = (kind: 'entity' | 'inspector' | 'tag' | 'stratum', key: string): string => {
    const id = `${kind}\u0000${key}`;
    let out = memo.get(id);
    if (out === undefined) memo.set(id, (out = pseudonymOf(drawSecretHex, kind, key)));
    return out;
  };
  const tags = (list: string[] | undefined) => (list ? list.map((t) => p('tag', t)) : undefined);
  return {
    ...input,
    strata: input.strata.map((s) => ({
      ...s,
      key: p('stratum', s.key),
      entities: s.entities.map((e) => ({ ...e, key: p('entity', e.key), ...(e.tags ? { tags: tags(e.tags) } : {}) })),
    })),
    inspectors: input.inspectors.map((i) => ({ ...i, key: p('inspector', i.key), ...(i.tags ? { tags: tags(i.tags) } : {}) })),
    requiredGroups: input.requiredGroups.map((r) => ({ ...r, stratumKey: p('stratum', r.stratumKey) })),
    exclusions: input.exclusions.map((x) => ({ ...x, entityKey: p('entity', x.entityKey), inspectorKey: p('inspector', x.inspectorKey) })),
  };
}
