import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { badInput } from '../graphql/errors';

/**
 * Resolves a global id given in an input to the local id of a row visible in the current RLS scope.
 * Empty stays null; a malformed, unknown or other tenant's id is the input's fault (BAD_USER_INPUT on `field`).
 */
export async function resolveRef<T extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  globalId: string | null | undefined,
  field: string,
  message: string,
): Promise<string | null> {
  if (!globalId) return null;
  const id = fromGlobalUuid(globalId, typeName);
  const row = id ? await m.findOneBy(entity, { id } as never) : null;
  if (!row) throw badInput([{ field, message }]);
  return row.id;
}

/** Resolves a list of global ids to visible rows, keyed by the given id; problems name `field.i.key`. */
export async function resolveRefs<T extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  globalIds: string[],
  field: string,
  message: string,
): Promise<Map<string, T>> {
  const ids = globalIds.map((g) => fromGlobalUuid(g, typeName));
  const rows = await m.findBy(entity, { id: In(ids.filter((id): id is string => !!id)) } as never);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, T>();
  const problems = globalIds.flatMap((g, i) => {
    const row = ids[i] ? byId.get(ids[i]!) : undefined;
    if (row) out.set(g, row);
    return row ? [] : [{ field: `${field}.${i}`, message }];
  });
  if (problems.length) throw badInput(problems);
  return out;
}
