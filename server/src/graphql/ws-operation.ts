import { GraphQLError, getOperationAST, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { RequestContext } from './context';
import { enforceLimits } from './limits';
import { checkRootPermission } from './permissions';
import { guardDocument } from '../security/document-guard';

/**
 * Turns a graphql-ws message into execution arguments, or into errors sent back at once: the same
 * validation (`rules`, as given to Apollo) and limits as over HTTP, with the codes Apollo gives them,
 * and the root-field permission checked before a subscription is registered (the resolver-level guard
 * would only run when the first event arrives). Errors are formatted by the caller, as over HTTP.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  payload: SubscribePayload,
  contextValue: RequestContext,
): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = guardDocument(payload.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [error.extensions.code ? error : withCode(error, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  if (errors.length) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, payload.operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return [new GraphQLError('Unknown operation', { extensions: { code: 'BAD_USER_INPUT' } })];
  try {
    enforceLimits(schema, document, payload.operationName ?? undefined, (payload.variables ?? {}) as Record<string, unknown>);
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind === 'Field' && !selection.name.value.startsWith('__')) checkRootPermission(root, selection.name.value, contextValue);
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [error];
  }
  return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
