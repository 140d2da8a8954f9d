import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * The names of the fields asked under `path` (field names, not aliases) below the field being
 * resolved, through fragments and every alias of each step. Directives are ignored: a field under
 * `@include(if: false)` counts as asked, which can only ask the database for more.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) level = level.flatMap((node) => fieldsOf(node.selectionSet, info.fragments).filter((child) => child.name.value === step));
  return new Set(level.flatMap((node) => fieldsOf(node.selectionSet, info.fragments).map((child) => child.name.value)));
}

function fieldsOf(selections: SelectionSetNode | undefined, fragments: GraphQLResolveInfo['fragments'], seen = new Set<string>()): FieldNode[] {
  if (!selections) return [];
  return selections.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsOf(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    return fieldsOf(fragments[name]?.selectionSet, fragments, seen);
  });
}

type FieldPipeline = { name: string; schemaName: string; middlewares?: unknown[]; roles?: unknown[] };

/** Whether type-graphql puts nothing of its own (a middleware, a role) between a field and its value. */
function bare(field: FieldPipeline): boolean {
  return !field.middlewares?.length && !field.roles?.length;
}

/** A `@Field` that reads the property of its own name with nothing in between: graphql-js's default resolver answers it alike. */
export function readsOwnProperty(field: FieldPipeline): boolean {
  return field.name === field.schemaName && bare(field);
}

const plainOf = new Map<Function, Map<string, string>>();

/**
 * The GraphQL fields of an entity type that read one column of the same name and nothing else: a
 * `@Field` on a column property, with no field resolver, middleware or role of its own, and `id`
 * (Node's global id, from the row's id). Keyed by GraphQL name, valued by the property read.
 */
export function plainColumnFields(entity: Function, columns: ReadonlySet<string>): ReadonlyMap<string, string> {
  let plain = plainOf.get(entity);
  if (plain) return plain;
  const storage = getMetadataStorage();
  const ownType = (type: Function | undefined) => !!type && (type === entity || entity.prototype instanceof type);
  // Node's `globalId` getter is one of them: it reads `id` (and the class), as its special case below says.
  const isGlobalId = (r: { schemaName: string; methodName: string }) => r.schemaName === 'id' && r.methodName === 'globalId';
  const resolved = new Set(
    storage.fieldResolvers.filter((r) => ownType(r.getObjectType?.()) && !isGlobalId(r)).flatMap((r) => [r.schemaName, r.methodName]),
  );
  const ownFields = storage.fields.filter((f) => ownType(f.target));
  plain = new Map([['__typename', 'id']]);
  for (const f of ownFields) {
    if (resolved.has(f.schemaName) || resolved.has(f.name)) continue;
    if (f.schemaName === 'id' && f.name === 'globalId' && bare(f) && columns.has('id')) plain.set('id', 'id');
    else if (readsOwnProperty(f) && columns.has(f.name)) plain.set(f.schemaName, f.name);
  }
  plainOf.set(entity, plain);
  return plain;
}

/**
 * The properties a selection of an entity needs when every field asked is plain (always with `id`
 * and `tenantId`, which a row of any tenant table has); null when some field needs the whole row.
 */
export function plainSelection(entity: Function, columns: ReadonlySet<string>, asked: ReadonlySet<string>): Set<string> | null {
  const plain = plainColumnFields(entity, columns);
  const needed = new Set(['id', 'tenantId'].filter((c) => columns.has(c)));
  for (const field of asked) {
    const property = plain.get(field);
    if (!property) return null;
    needed.add(property);
  }
  return needed;
}
