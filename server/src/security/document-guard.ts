import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../graphql/errors';

/** Far beyond the largest operation of the web app (about 1,000 tokens, 220 selections with introspection). */
export const MAX_TOKENS = 20_000;
export const MAX_SELECTIONS = 2_000;

/**
 * Parses a document with a token cap and refuses it when its selections, with every fragment spread
 * expanded, are too many. This runs before GraphQL validation, whose rule on overlapping fields is
 * quadratic in repeated fields (20,000 of them took 7 s), and before the depth rule, which expands
 * fragments without memory (24 nested pairs took 2 s). Both came from one anonymous request.
 */
export function guardDocument(source: string): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: MAX_TOKENS });
  } catch (error) {
    if (error instanceof GraphQLError && /tokens/.test(error.message)) {
      throw new AppError('QUERY_TOO_COMPLEX', `查询过长（上限 ${MAX_TOKENS} 个词法单元）`, { maxTokens: MAX_TOKENS, http: { status: 400 } });
    }
    throw error;
  }
  const selections = expandedSelections(document);
  if (selections > MAX_SELECTIONS) {
    throw new AppError('QUERY_TOO_COMPLEX', `查询字段过多（上限 ${MAX_SELECTIONS}）`, { maxSelections: MAX_SELECTIONS, http: { status: 400 } });
  }
  return document;
}

/** Selections of the largest operation, fragments expanded (each counted once per spread, computed once). */
export function expandedSelections(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const sizes = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += 1 + (s.selectionSet ? count(s.selectionSet) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet);
      else n += fragmentSize(s.name.value);
    }
    return n;
  };
  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    sizes.set(name, 0); // a cycle counts nothing here; validation refuses it
    const fragment = fragments.get(name);
    const size = fragment ? count(fragment.selectionSet) : 0;
    sizes.set(name, size);
    return size;
  };
  let largest = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) largest = Math.max(largest, count(d.selectionSet));
  return largest;
}

/** Documents that passed, as their text: a screen sends the same few again and again. */
const passed = new Set<string>();
const PASSED_KEPT = 500;
const PASSED_LONGEST = 20_000;

function remember(source: string): void {
  if (source.length > PASSED_LONGEST) return;
  if (passed.size >= PASSED_KEPT) passed.clear();
  passed.add(source);
}

/**
 * Express middleware in front of Apollo on /graphql: a document over the limits is answered 400 in
 * GraphQL's error shape before Apollo parses and validates it. Malformed bodies are left to Apollo.
 */
export function documentGuard(req: Request, res: Response, next: NextFunction): void {
  const body = req.body as { query?: unknown } | undefined;
  const source = req.method === 'GET' ? req.query.query : body && !Array.isArray(body) ? body.query : undefined;
  if (typeof source !== 'string' || passed.has(source)) return next();
  try {
    guardDocument(source);
    remember(source);
    next();
  } catch (error) {
    if (!(error instanceof AppError)) return next();
    const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
    res.status(400).json({ errors: [{ message: error.message, extensions }] });
  }
}
