import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  NoFragmentCyclesRule,
  getNullableType,
  isListType,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { AppError } from './errors';
import { DEFAULT_PAGE_SIZE } from './connection';

export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 5000;
export const MAX_ALIASES = 30;
/**
 * Fields whose answer grows with the data, not with the request (a draw's whole record, megabytes):
 * each costs LARGE_FIELD_COST (its resolver says so) and a request holds at most MAX_LARGE_FIELDS
 * of them, however they are aliased, spread or paged.
 */
export const LARGE_ANSWERS: ReadonlySet<string> = new Set(['Draw.record', 'Draw.keyMap']);
export const LARGE_FIELD_COST = 1000;
export const MAX_LARGE_FIELDS = 1;
/** Longest text in a request (a variable or a literal): far beyond any form, far below the 1 MB body. */
export const MAX_TEXT = 100_000;
/** Longest list in a request. */
export const MAX_LIST = 10_000;
/** Deepest nesting of lists and objects in the variables (a JSON value would otherwise overflow a resolver's stack). */
export const MAX_NESTING = 64;

const depthLimitRule: ValidationRule = depthLimit(MAX_DEPTH);

/**
 * Nesting deeper than any screen needs is refused before execution. graphql-depth-limit follows
 * fragment spreads without remembering them, so a cycle would overflow its stack: a document with a
 * cycle is left to graphql-js's NoFragmentCyclesRule (among the specified rules), which refuses it.
 */
export const depthRule: ValidationRule = (context) =>
  validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]).length ? {} : depthLimitRule(context);

/**
 * The validation rules added to graphql-js's specified ones, on HTTP (Apollo) and on graphql-ws alike:
 * the depth limit, and introspection refused unless the configuration allows it.
 */
export function operationRules(options: { introspection: boolean }): ValidationRule[] {
  return [depthRule, ...(options.introspection ? [] : [noIntrospectionRule])];
}

/** One error per `__schema` or `__type` (graphql-js's rule would also name every field below them). */
const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError('内省查询已关闭（GRAPHQL_INTROSPECTION=false）', { nodes: [node] }));
    }
  },
});

/**
 * Complexity: each field costs 1 (__typename nothing), a list costs its requested page size (`first`) times its children,
 * so `first: 100` nested three deep is refused instead of executed; a field with a `complexity` of
 * its own costs that, and large answers (LARGE_ANSWERS) are counted. Aliases and the sizes of texts
 * and lists are capped as well. Over HTTP this runs once the operation is resolved; graphql-ws calls
 * `enforceLimits` itself.
 */
export function complexityPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          enforceLimits(schema, document, request.operationName ?? undefined, request.variables ?? {});
        },
      };
    },
  };
}

/** What a document was found to be, by operation name and variables: Apollo hands the same parsed document to every request that sends the same text. */
interface Measured {
  literals: string | null;
  aliases: number;
  complexity: Map<string, Cost>;
}

const measuredDocuments = new WeakMap<DocumentNode, Measured>();
/** Complexities kept per document: a list's page size is a variable, and a screen asks few sizes. */
const COMPLEXITIES_KEPT = 64;
const KEY_KEPT = 1000;

/** Throws QUERY_TOO_COMPLEX or BAD_USER_INPUT (with HTTP 400) when an operation is over a limit. */
export function enforceLimits(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): void {
  let measured = measuredDocuments.get(document);
  if (!measured) {
    measured = { literals: largestLiteral(document), aliases: countAliases(document), complexity: new Map() };
    measuredDocuments.set(document, measured);
  }
  const oversized = measured.literals ?? largestText(variables);
  if (oversized) {
    throw new AppError('BAD_USER_INPUT', oversized, { maxText: MAX_TEXT, maxList: MAX_LIST, maxNesting: MAX_NESTING, http: { status: 400 } });
  }
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
  let cost = measured.complexity.get(key);
  if (cost === undefined) {
    cost = complexityOf(schema, document, operationName, variables);
    // Long variables (a form's texts) are not kept: the lists whose page sizes count send short ones.
    if (key.length <= KEY_KEPT) {
      if (measured.complexity.size >= COMPLEXITIES_KEPT) measured.complexity.clear();
      measured.complexity.set(key, cost);
    }
  }
  const { complexity, largeFields } = cost;
  if (largeFields > MAX_LARGE_FIELDS) {
    throw new AppError('QUERY_TOO_COMPLEX', `一次请求最多取 ${MAX_LARGE_FIELDS} 份完整记录（本次 ${largeFields} 份）`, {
      largeFields,
      max: MAX_LARGE_FIELDS,
      http: { status: 400 },
    });
  }
  if (complexity > MAX_COMPLEXITY) {
    throw new AppError('QUERY_TOO_COMPLEX', `查询过于复杂（${complexity}，上限 ${MAX_COMPLEXITY}）`, {
      complexity,
      max: MAX_COMPLEXITY,
      http: { status: 400 },
    });
  }
  if (measured.aliases > MAX_ALIASES) {
    throw new AppError('QUERY_TOO_COMPLEX', `别名过多（${measured.aliases}，上限 ${MAX_ALIASES}）`, {
      aliases: measured.aliases,
      max: MAX_ALIASES,
      http: { status: 400 },
    });
  }
}

interface Cost {
  complexity: number;
  /** How many LARGE_ANSWERS the operation asks for. */
  largeFields: number;
}

function complexityOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): Cost {
  const options = { schema, operationName, query: document, variables };
  const complexity = measure({
    ...options,
    estimators: [
      // Apollo Client asks __typename in every selection: it is answered without a resolver and costs nothing.
      ({ field }) => (field.name === '__typename' ? 0 : undefined),
      fieldExtensionsEstimator(),
      ({ args, childComplexity }) => (typeof args.first === 'number' ? Math.max(1, args.first) * (childComplexity + 1) : undefined),
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
  return { complexity, largeFields: measure({ ...options, estimators: [largeAnswers] }) };
}

/**
 * How many large answers an operation may return: each of LARGE_ANSWERS counts 1, times the page size of
 * every connection above it (`first`, or the default page when absent). Any other list above it
 * (not a connection's `edges`) may be long, so it counts as over the limit.
 */
const largeAnswers: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (LARGE_ANSWERS.has(`${type.name}.${field.name}`)) return 1;
  if (childComplexity === 0) return 0;
  if (field.args.some((a) => a.name === 'first')) return (typeof args.first === 'number' ? Math.max(1, args.first) : DEFAULT_PAGE_SIZE) * childComplexity;
  if (isListType(getNullableType(field.type)) && field.name !== 'edges') return (MAX_LARGE_FIELDS + 1) * childComplexity;
  return childComplexity;
};

/** What is too long or too deep in a value (the variables), as a message; null when nothing is. */
function largestText(root: unknown): string | null {
  // Iterative: a JSON variable may nest deeper than the call stack.
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT) return `文本过长（${value.length} 字，上限 ${MAX_TEXT}）`;
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_NESTING) return `嵌套过深（上限 ${MAX_NESTING} 层）`;
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) return `列表过长（${value.length} 项，上限 ${MAX_LIST}）`;
      for (const item of value) stack.push([item, depth + 1]);
    } else {
      for (const item of Object.values(value)) stack.push([item, depth + 1]);
    }
  }
  return null;
}

/** What is too long or too deep in the document's literals, as a message; null when nothing is. */
function largestLiteral(document: DocumentNode): string | null {
  let found: string | null = null;
  let nesting = 0;
  const deeper = () => {
    nesting += 1;
    if (nesting > MAX_NESTING) found ??= `嵌套过深（上限 ${MAX_NESTING} 层）`;
  };
  const shallower = () => {
    nesting -= 1;
  };
  visit(document, {
    StringValue(node) {
      found ??= largestText(node.value);
    },
    ListValue: {
      enter(node) {
        deeper();
        if (node.values.length > MAX_LIST) found ??= `列表过长（${node.values.length} 项，上限 ${MAX_LIST}）`;
      },
      leave: shallower,
    },
    ObjectValue: { enter: deeper, leave: shallower },
  });
  return found;
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
