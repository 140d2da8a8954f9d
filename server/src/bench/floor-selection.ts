import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The floor's whole "GraphQL execution": its hand-written code builds plain objects (each with its
 * `__typename`), and this keeps of them exactly the fields the operation selects, in its order, so
 * that the floor answers the same shape as the service. A selected field the floor did not build
 * stays `undefined` and is dropped by JSON, which the bench's comparison reports.
 */
export interface PreparedOperation {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

export function prepareOperation(document: DocumentNode): PreparedOperation {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation in the document');
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { operation, fragments };
}

export function selectFields(value: unknown, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => selectFields(v, set, fragments));
  const source = value as Record<string, unknown>;
  // Fields by response key, each with the selections of every place that asks it (fragments merge).
  const fields = new Map<string, { name: string; sets: SelectionSetNode[] }>();
  const collect = (selections: SelectionSetNode) => {
    for (const s of selections.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const entry = fields.get(key) ?? { name: s.name.value, sets: [] };
        if (s.selectionSet) entry.sets.push(s.selectionSet);
        fields.set(key, entry);
      } else {
        const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments.get(s.name.value)!;
        const on = fragment.typeCondition?.name.value;
        if (!on || on === source.__typename) collect(fragment.selectionSet);
      }
    }
  };
  collect(set);
  const out: Record<string, unknown> = {};
  for (const [key, { name, sets }] of fields) {
    const field = source[name];
    out[key] = sets.length ? selectFields(field, { kind: Kind.SELECTION_SET, selections: sets.flatMap((x) => x.selections) }, fragments) : field;
  }
  return out;
}
