import { GraphQLError, getOperationAST, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { RequestContext } from './context';
import { depthRule, enforceLimits } from './limits';
import { checkRootPermission } from './permissions';
import { guardDocument } from '../security/document-guard';

/**
 * Turns a graphql-ws message into execution arguments, or into errors sent back at once: the same
 * validation and limits as over HTTP, and the root-field permission checked before a subscription is registered
 * (the resolver-level guard would only run when the first event arrives).
 */
export function prepareOperation(schema: GraphQLSchema, payload: SubscribePayload, contextValue: RequestContext): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = guardDocument(payload.query);
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const errors = validate(schema, document, [...specifiedRules, depthRule]);
  if (errors.length) return errors;
  const operation = getOperationAST(document, payload.operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return [new GraphQLError('Unknown operation', { extensions: { code: 'BAD_USER_INPUT' } })];
  try {
    enforceLimits(schema, document, payload.operationName ?? undefined, (payload.variables ?? {}) as Record<string, unknown>);
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind === 'Field' && !selection.name.value.startsWith('__')) checkRootPermission(root, selection.name.value, contextValue);
    }
  } catch (error) {
    return [error as GraphQLError];
  }
  return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
}
