import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Metrics } from './metrics';
import { noteOperation } from './request-scope';

/**
 * Counts and times GraphQL operations by type and root field, and counts the errors sent by code.
 * The root field is a name from the schema (the operation was validated), so the label set is bounded;
 * a client's own operation name is never used.
 */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ operation }) {
          if (operation) noteOperation(operation.operation, rootFieldOf(operation));
        },
        async willSendResponse({ operation, response }) {
          const type = operation?.operation ?? 'unknown';
          const name = operation ? rootFieldOf(operation) : '(invalid)';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.graphqlOperations.inc({ type, outcome: errors.length ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ type, operation: name }, Number(process.hrtime.bigint() - started) / 1e9);
          for (const error of errors) metrics.graphqlErrors.inc({ code: codeLabel(error.extensions?.code), operation: name });
        },
      };
    },
  };
}

/** The operation's root field, or "(multiple)" when it selects several. */
export function rootFieldOf(operation: OperationDefinitionNode): string {
  const fields = new Set(operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '(fragment)')));
  fields.delete('__typename');
  return fields.size === 1 ? [...fields][0]! : fields.size === 0 ? '__typename' : '(multiple)';
}

function codeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER';
}
