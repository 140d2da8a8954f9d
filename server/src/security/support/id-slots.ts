import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { LARGE_ANSWERS } from '../../graphql/limits';

export type RootName = 'Query' | 'Mutation' | 'Subscription';

/** One place where an operation takes an ID: an argument, or a field of an input object below it. */
export interface IdSlot {
  root: RootName;
  field: string;
  /** Argument name, then input fields: `['input', 'items', 'itemId']`. */
  path: string[];
  /** `Mutation.createTask(input.items.itemId)` */
  key: string;
}

/** Every ID-typed argument and input field of every root field, found by walking the schema. */
export function idSlots(schema: GraphQLSchema): IdSlot[] {
  return argSlots(schema, (type) => getNamedType(type).name === 'ID');
}

/** Every argument and input field, at any depth of input objects, whose type `matches`. */
export function argSlots(schema: GraphQLSchema, matches: (type: GraphQLInputType) => boolean): IdSlot[] {
  const slots: IdSlot[] = [];
  for (const root of ['Query', 'Mutation', 'Subscription'] as const) {
    const type = schema.getType(root);
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        for (const path of matchingPaths(arg.type, [arg.name], new Set(), matches)) {
          slots.push({ root, field: field.name, path, key: `${root}.${field.name}(${path.join('.')})` });
        }
      }
    }
  }
  return slots;
}

function matchingPaths(type: GraphQLInputType, path: string[], seen: Set<string>, matches: (type: GraphQLInputType) => boolean): string[][] {
  const here = matches(type) ? [path] : [];
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return here;
  const next = new Set(seen).add(named.name);
  return [...here, ...Object.values(named.getFields()).flatMap((f) => matchingPaths(f.type, [...path, f.name], next, matches))];
}

/** An argument value filled in everywhere the type requires one, with `sample` per input type and scalar. */
export function sampleValue(type: GraphQLInputType, samples: ValueSamples, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, samples, name);
  if (isListType(type)) return [sampleValue(type.ofType, samples, name)];
  if (isInputObjectType(type)) {
    const given = samples.inputs[type.name];
    if (given) return structuredClone(given);
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = sampleValue(f.type, samples, f.name);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  return samples.scalar(type.name, name);
}

export interface ValueSamples {
  /** Valid values of whole input objects, by type name. */
  inputs: Record<string, Record<string, unknown>>;
  /** A value for a scalar, given its type and the argument's or field's name. */
  scalar(typeName: string, name: string): unknown;
}

/**
 * Puts `value` at `path` inside `args`, creating what is missing on the way; where the path passes a
 * list of input objects, every element gets it (one element is created when the list is empty).
 */
export function setAtPath(args: Record<string, unknown>, path: string[], value: unknown, listLeaf: boolean): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    args[head!] = listLeaf ? [value] : value;
    return;
  }
  const current = args[head!];
  if (Array.isArray(current)) {
    if (current.length === 0) current.push({});
    for (const element of current) setAtPath(element as Record<string, unknown>, rest, value, listLeaf);
    return;
  }
  const child = (current && typeof current === 'object' ? current : {}) as Record<string, unknown>;
  args[head!] = child;
  setAtPath(child, rest, value, listLeaf);
}

/** Whether the ID at the end of `path` is itself a list (`ids: [ID!]!`). */
export function isListSlot(field: GraphQLField<unknown, unknown>, path: string[]): boolean {
  let type: GraphQLInputType | undefined = field.args.find((a) => a.name === path[0])?.type;
  for (const name of path.slice(1)) {
    const named = type && getNamedType(type);
    type = named && isInputObjectType(named) ? named.getFields()[name]?.type : undefined;
  }
  return !!type && isListType(getNullableType(type));
}

/**
 * A selection of everything a caller could read from a type without arguments, `depth` object levels
 * down (connections count their edges and node as levels of their own): the widest net for data that
 * should not be there. A large answer (a draw's whole record: one per request, graphql/limits.ts) is
 * selected at the first level only, the first of the type's; below, the objects around it show what is visible.
 */
export function selectionOf(schema: GraphQLSchema, type: GraphQLOutputType, depth = 3, concrete?: string, large = true): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (depth <= 0) return isObjectType(named) && named.getFields().id ? '{ __typename id }' : '{ __typename }';
  if (isInterfaceType(named) || isUnionType(named)) {
    // Fragments on several types may not select one name with two types: the caller names the type it expects.
    const possible = schema.getPossibleTypes(named).filter((p) => !concrete || p.name === concrete);
    if (possible.length !== 1) return isInterfaceType(named) && named.getFields().id ? '{ __typename id }' : '{ __typename }';
    return `{ __typename ... on ${possible[0]!.name} ${selectionOf(schema, possible[0]!, depth, undefined, large)} }`;
  }
  if (!isObjectType(named)) return '';
  const parts = ['__typename'];
  let largeTaken = false;
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (LARGE_ANSWERS.has(`${named.name}.${f.name}`)) {
      // One per request: the first (Draw.record); Draw.keyMap's walls: draws/draw-disclosure.test.ts.
      if (!large || largeTaken) continue;
      largeTaken = true;
    }
    const inner = getNamedType(f.type);
    if (isScalarType(inner) || isEnumType(inner)) parts.push(f.name);
    else parts.push(`${f.name} ${selectionOf(schema, f.type, depth - 1, undefined, false)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** `mutation($a: T!, …) { field(a: $a, …) { … } }` for one root field, every argument a variable. */
export function operationFor(schema: GraphQLSchema, root: RootName, fieldName: string, depth = 3, concrete?: string): string {
  const field = rootField(schema, root, fieldName);
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const keyword = root === 'Query' ? 'query' : root === 'Mutation' ? 'mutation' : 'subscription';
  return `${keyword}${vars ? `(${vars})` : ''} { ${fieldName}${args ? `(${args})` : ''} ${selectionOf(schema, field.type, depth, concrete)} }`;
}

export function rootField(schema: GraphQLSchema, root: RootName, fieldName: string): GraphQLField<unknown, unknown> {
  const type = schema.getType(root);
  const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) throw new Error(`no field ${root}.${fieldName}`);
  return field;
}
