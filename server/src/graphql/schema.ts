import { buildSchema, getMetadataStorage } from 'type-graphql';
import { assertValidSchema, type GraphQLSchema } from 'graphql';
import { MODULES } from '../modules';
import { guardRootFields } from './permissions';
import type { AppPubSub } from './pubsub';

export const RESOLVERS = MODULES.flatMap((m) => m.resolvers ?? []);

/** Builds the executable schema, every root field guarded; `pubSub` may be absent when only printing the schema. */
export async function buildAppSchema(pubSub?: AppPubSub): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: RESOLVERS as [Function, ...Function[]],
    orphanedTypes: MODULES.flatMap((m) => m.orphanedTypes ?? []),
    pubSub: pubSub ?? {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('no pubsub');
      },
    },
    validate: false,
    // type-graphql's own check runs the whole introspection query over the new schema (about 100 ms of
    // every start, and of every server test file); graphql-js's validation below finds the same faults.
    skipCheck: true,
  });
  assertValidSchema(schema);
  return guardRootFields(schema);
}

type FieldPipeline = { name: string; schemaName: string; middlewares?: unknown[]; roles?: unknown[] };

/** A `@Field` that reads the property of its own name with nothing (a middleware, a role) in between. */
function readsOwnProperty(field: FieldPipeline): boolean {
  return field.name === field.schemaName && !field.middlewares?.length && !field.roles?.length;
}

/**
 * A field that reads the property of its own name, with no middleware or role, answers through
 * graphql-js's default resolver: type-graphql's wrapper around it would only allocate, once per field
 * of every row (a page of 50 drawn entities resolves some 1,000). A field with a field resolver keeps
 * it: type-graphql looks for one before it reads this flag. `id` reads Node's `globalId` getter, so it
 * keeps the wrapper.
 */
function readPlainFieldsDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && readsOwnProperty(field)) field.simple = true;
  }
}
