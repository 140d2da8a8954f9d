import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { visit, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { AppError } from './errors';

export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 5000;
export const MAX_ALIASES = 30;

/** Nesting deeper than any screen needs is refused before execution. */
export const depthRule: ValidationRule = depthLimit(MAX_DEPTH);

/**
 * Complexity: each field costs 1, a list costs its requested page size (`first`) times its children,
 * so `first: 100` nested three deep is refused instead of executed.
 */
export function complexityPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = measure({
            schema,
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) =>
                typeof args.first === 'number' ? Math.max(1, args.first) * (childComplexity + 1) : undefined,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > MAX_COMPLEXITY) {
            throw new AppError('QUERY_TOO_COMPLEX', `查询过于复杂（${complexity}，上限 ${MAX_COMPLEXITY}）`, { complexity, max: MAX_COMPLEXITY, http: { status: 400 } });
          }
          const aliases = countAliases(document);
          if (aliases > MAX_ALIASES) {
            throw new AppError('QUERY_TOO_COMPLEX', `别名过多（${aliases}，上限 ${MAX_ALIASES}）`, { aliases, max: MAX_ALIASES, http: { status: 400 } });
          }
        },
      };
    },
  };
}

/** Complexity needs the variables; values that do not coerce are the client's input error. */
function measure(options: Parameters<typeof getComplexity>[0]): number {
  try {
    return getComplexity(options);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', error instanceof Error ? error.message : String(error), { http: { status: 400 } });
  }
}

function countAliases(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    Field(node) {
      if (node.alias) count += 1;
    },
  });
  return count;
}
