import { normalizeUscc } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { paginateByKey, type LazyCountConnection, type PageArgs } from '../../graphql/connection';
import { bigramProbe } from '../entities/name-search';
import { keyTime, publicResultOf, timeKeyOf } from './public-results';
import type { PublicResult } from './public-portal.types';

/** What a list of published results may be narrowed to; local ids, already checked. */
export interface PublicResultFilter {
  tenantId?: string | null;
  itemId?: string | null;
  planId?: string | null;
  taskId?: string | null;
  /** One entity's results (its profile): the whole code. */
  uscc?: string | null;
  /** A name fragment, or the start of a code. */
  search?: string | null;
}

type Keyed = PublicResult & { key: string };

/** public_result_list's columns as publicResultOf maps them (as RESULT_COLUMNS of public_results), and the key. */
const LIST_COLUMNS = `r.id, r.tenant_id, r.bureau_name, r.bureau_region, r.entity_name, r.entity_uscc, r.inspected_on::text AS inspected_on,
  r.result_category, r.custom_label, r.custom_problem, r.findings, r.published_at, r.corrects_id, r.corrected_by_id,
  r.correction_reason, r.draw_id, r.task_id, r.task_title, r.plan_id, r.items,
  r.handling_outcome, r.handling_basis, r.handling_deadline_workdays, r.handling_own_outcome, r.handling_own_label,
  ${keyTime('r.published_at')} AS published_key`;

/**
 * A page of published results, newest first by key (published_at, then id, both descending): the
 * portal's lists stay index-backed at a million records (public_result_list, migration
 * PortalResultIndexes). A search is a name fragment (bigram index) or the start of the code, each a
 * branch limited to the page; the count only when asked.
 */
export function listPublicResults(app: AppServices, filter: PublicResultFilter, page: PageArgs): Promise<LazyCountConnection<PublicResult>> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.tenantId) where.push(`r.tenant_id = ${p(filter.tenantId)}::uuid`);
  if (filter.itemId) where.push(`r.item_ids @> ARRAY[${p(filter.itemId)}::uuid]`);
  if (filter.planId) where.push(`r.plan_id = ${p(filter.planId)}::uuid`);
  if (filter.taskId) where.push(`r.task_id = ${p(filter.taskId)}::uuid`);
  if (filter.uscc) where.push(`r.entity_uscc = ${p(filter.uscc)}`);
  const branches = searchBranches(filter.search, p);
  const scope = where.length ? where.join(' AND ') : 'TRUE';

  return paginateByKey(
    page,
    (r: Keyed) => r.key,
    async (after, limit) => {
      const values = [...params];
      const q = (value: unknown) => `$${values.push(value)}`;
      const afterKey = after === null ? '' : (([at, id]) => ` AND (r.published_at, r.id) < (${q(at)}::timestamptz, ${q(id)}::uuid)`)(timeKeyOf(after));
      const n = q(limit);
      const union = branches
        .map(({ condition, fenced }) => {
          const matches = `SELECT r.tenant_id, r.id, r.published_at FROM public_result_list r WHERE ${scope} AND ${condition}${afterKey}`;
          // A fenced branch reads all its (few) matches through its own index, then sorts them.
          const source = fenced ? `(${matches} OFFSET 0) r` : `(${matches}) r`;
          return `(SELECT r.tenant_id, r.id, r.published_at FROM ${source} ORDER BY r.published_at DESC, r.id DESC LIMIT ${n})`;
        })
        .join(' UNION ');
      const rows = (await app.replicaReads.query(
        `SELECT ${LIST_COLUMNS}
           FROM (SELECT * FROM (${union}) u ORDER BY u.published_at DESC, u.id DESC LIMIT ${n}) k
           JOIN public_result_list r ON r.tenant_id = k.tenant_id AND r.id = k.id
          ORDER BY k.published_at DESC, k.id DESC`,
        values,
      )) as Record<string, any>[];
      return rows.map((r) => ({ ...publicResultOf(r), key: JSON.stringify([r.published_key, r.id]) }));
    },
    async () => {
      const [row] = (await app.replicaReads.query(
        `SELECT count(*)::int AS n FROM public_result_list r WHERE ${scope} AND (${branches.map((b) => b.condition).join(' OR ')})`,
        params,
      )) as { n: number }[];
      return row!.n;
    },
  );
}

interface Branch {
  condition: string;
  /** Planned apart (OFFSET 0): all its matches from its own index, then sorted by time. */
  fenced?: boolean;
}

/** A search's index-backed branches: a name holding it (bigrams, then strpos), a code starting with it. */
function searchBranches(rawSearch: string | null | undefined, p: (value: unknown) => string): Branch[] {
  const search = rawSearch?.trim() ?? '';
  if (search.length > 100) throw badInput([{ field: 'search', message: '查找内容不超过 100 字' }]);
  if (!search) return [{ condition: 'TRUE' }];
  const s = p(search);
  const probe = bigramProbe(search);
  const branches: Branch[] = [
    { condition: probe ? `name_bigrams(r.entity_name) @> name_bigrams(${p(probe)}) AND strpos(r.entity_name, ${s}) > 0` : `strpos(r.entity_name, ${s}) > 0` },
  ];
  const prefix = normalizeUscc(search);
  if (/^[0-9A-Z]{1,18}$/.test(prefix)) branches.push(codeBranch(prefix, p));
  return branches;
}

/** Beyond the type and region code (2 + 6 characters) a prefix narrows to a few of a bureau's codes. */
const NARROW_PREFIX = 10;

/**
 * A code prefix. A narrow one is a range of the code's index whose few records are sorted by time,
 * fenced so that the planner does not walk the newest-first index instead: it takes the codes as spread
 * over time, and when they are not (a block of codes published together) that walk reads every record
 * before them. A wide one, shared by most of a bureau's codes, is found soon on the newest-first walk.
 */
function codeBranch(prefix: string, p: (value: unknown) => string): Branch {
  if (prefix.length < NARROW_PREFIX) return { condition: `starts_with(r.entity_uscc, ${p(prefix)})` };
  return { condition: `r.entity_uscc >= ${p(prefix)} AND r.entity_uscc < ${p(nextPrefix(prefix))}`, fenced: true };
}

/** The first text after every text starting with `prefix` (C collation; the prefix is [0-9A-Z]). */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
