import type { EntityManager } from 'typeorm';
import { checkIdNumber, normalizeUscc } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginateByKey, type LazyCountConnection, type PageArgs } from '../../graphql/connection';
import { bigramProbe } from './name-search';
import { CreditClass, EntityKind, EntityStatus, INCOMPLETE_ENTITY_SQL, MarketEntity, RiskLevel } from './market-entity.entity';

export interface EntityListFilter extends PageArgs {
  search?: string | null;
  status?: EntityStatus | null;
  creditClass?: CreditClass | null;
  riskLevel?: RiskLevel | null;
  regionCode?: string | null;
  incomplete?: boolean | null;
  kind?: EntityKind | null;
}

/**
 * The bureau's directory, searchable within the session's bureau only (migration ListIndexes): the
 * owner-rights view through which the name's bigram index can serve a search. Under RLS it cannot, as
 * the array operator is not leakproof.
 */
const DIRECTORY = 'entity_directory_search';

/**
 * A page of the bureau's directory in USCC order, by key (a deep page is an index range, not an
 * OFFSET); the exact count only when asked. A search is a name fragment (bigram index), a USCC prefix
 * (the USCC index) or a natural person's whole ID number (its key): each is its own limited, index-
 * backed branch, and the page is their first keys.
 */
export function listEntities(ctx: RequestContext, filter: EntityListFilter): Promise<LazyCountConnection<MarketEntity>> {
  const tenantId = requireViewer(ctx).tenantId;
  const params: Record<string, unknown> = { tenantId };
  const common = commonConditions(filter, params);
  const branches = searchBranches(ctx, filter.search, params);
  return paginateByKey(
    filter,
    (e) => e.uscc,
    (after, limit) =>
      tenantTx(ctx, (m) => {
        const keyed = { ...params, after, limit };
        const afterKey = after === null ? '' : ' AND d.uscc > :after';
        const keys = branches
          .map((branch) => `(SELECT d.uscc FROM ${DIRECTORY} d WHERE ${common} AND ${branch}${afterKey} ORDER BY d.uscc LIMIT :limit)`)
          .join(' UNION ');
        return m
          .createQueryBuilder(MarketEntity, 'e')
          .where('e.tenant_id = :tenantId')
          .andWhere(`e.uscc IN (SELECT k.uscc FROM (${keys}) k ORDER BY k.uscc LIMIT :limit)`)
          .orderBy('e.uscc', 'ASC')
          .setParameters(keyed)
          .getMany();
      }),
    () => tenantTx(ctx, (m) => countEntities(m, `${common} AND (${branches.join(' OR ')})`, params)),
  );
}

async function countEntities(m: EntityManager, where: string, params: Record<string, unknown>): Promise<number> {
  const row = await m.createQueryBuilder().select('count(*)::int', 'n').from(DIRECTORY, 'd').where(where).setParameters(params).getRawOne<{ n: number }>();
  return row!.n;
}

function commonConditions(filter: EntityListFilter, params: Record<string, unknown>): string {
  const where = ['d.tenant_id = :tenantId'];
  const equal = (column: string, name: string, value: unknown) => {
    if (value == null || value === '') return;
    params[name] = value;
    where.push(`d.${column} = :${name}`);
  };
  equal('status', 'status', filter.status);
  equal('credit_class', 'creditClass', filter.creditClass);
  equal('risk_level', 'riskLevel', filter.riskLevel);
  equal('region_code', 'regionCode', filter.regionCode);
  equal('kind', 'kind', filter.kind);
  if (filter.incomplete != null) where.push(filter.incomplete ? INCOMPLETE_ENTITY_SQL('d') : `NOT ${INCOMPLETE_ENTITY_SQL('d')}`);
  return where.join(' AND ');
}

function searchBranches(ctx: RequestContext, raw: string | null | undefined, params: Record<string, unknown>): string[] {
  const search = raw?.trim();
  if (!search) return ['TRUE'];
  params.search = search;
  // The bigrams narrow through the index; strpos keeps the exact meaning (a name containing the text).
  const probe = bigramProbe(search);
  if (probe) params.probe = probe;
  const branches = [probe ? 'name_bigrams(d.name) @> name_bigrams(:probe) AND strpos(d.name, :search) > 0' : 'strpos(d.name, :search) > 0'];
  const prefix = normalizeUscc(search);
  if (/^[0-9A-Z]{1,18}$/.test(prefix)) {
    params.usccPrefix = prefix;
    branches.push('starts_with(d.uscc, :usccPrefix)');
  }
  // A natural person is found by the whole ID number, through its key (the number is not stored).
  const id = checkIdNumber(search);
  if (!id.problem) {
    params.personKey = ctx.app.personKeys.keyOf(id.normalized);
    branches.push('d.uscc = :personKey');
  }
  return branches;
}
