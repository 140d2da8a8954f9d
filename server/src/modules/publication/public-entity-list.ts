import { normalizeUscc, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { paginateByKey, type LazyCountConnection, type PageArgs } from '../../graphql/connection';
import { bigramProbe } from '../entities/name-search';
import type { PublicEntity } from './public.types';

interface Row {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
}

/**
 * A page of one active bureau's public directory in the order of the code shown (then id), by key: the
 * portal's lists stay index-backed at a million entities (public_entity_directory, migration ListIndexes).
 * A search is a name fragment (bigram index) or the start of the code; the count only when asked.
 */
export function listPublicEntities(
  app: AppServices,
  tenantId: string,
  rawSearch: string | null | undefined,
  page: PageArgs,
): Promise<LazyCountConnection<PublicEntity>> {
  const search = rawSearch?.trim() ?? '';
  if (search.length > 100) throw badInput([{ field: 'search', message: '查找内容不超过 100 字' }]);
  const params: unknown[] = [tenantId];
  const p = (value: unknown) => `$${params.push(value)}`;
  const branches: string[] = [];
  if (!search) branches.push('TRUE');
  else {
    const s = p(search);
    const probe = bigramProbe(search);
    branches.push(probe ? `name_bigrams(d.name) @> name_bigrams(${p(probe)}) AND strpos(d.name, ${s}) > 0` : `strpos(d.name, ${s}) > 0`);
    const prefix = normalizeUscc(search);
    if (/^[0-9A-Z]{1,18}$/.test(prefix)) branches.push(`starts_with(d.uscc, ${p(prefix)})`);
  }
  return paginateByKey(
    page,
    (e: PublicEntity & { key: string }) => e.key,
    async (after, limit) => {
      const values = [...params];
      const q = (value: unknown) => `$${values.push(value)}`;
      const [afterCode, afterId] = after === null ? [null, null] : keyOf(after);
      const afterKey = afterCode === null ? '' : ` AND (d.uscc, d.id) > (${q(afterCode)}, ${q(afterId)}::uuid)`;
      const n = q(limit);
      const union = branches
        .map(
          (branch) =>
            `(SELECT d.id, d.name, d.uscc, d.address FROM public_entity_directory d WHERE d.tenant_id = $1 AND ${branch}${afterKey} ORDER BY d.uscc, d.id LIMIT ${n})`,
        )
        .join(' UNION ');
      const rows = (await app.replicaReads.query(`SELECT * FROM (${union}) k ORDER BY k.uscc, k.id LIMIT ${n}`, values)) as Row[];
      return rows.map((r) => ({
        id: toGlobalId('MarketEntity', r.id),
        name: r.name,
        uscc: r.uscc,
        address: r.address ?? null,
        key: JSON.stringify([r.uscc, r.id]),
      }));
    },
    async () => {
      const [row] = (await app.replicaReads.query(
        `SELECT count(*)::int AS n FROM public_entity_directory d WHERE d.tenant_id = $1 AND (${branches.join(' OR ')})`,
        params,
      )) as { n: number }[];
      return row!.n;
    },
  );
}

function keyOf(after: string): [string, string] {
  try {
    const key = JSON.parse(after) as unknown;
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string' && /^[0-9a-f-]{36}$/.test(key[1])) {
      return [key[0], key[1]];
    }
  } catch {
    // refused below
  }
  throw badInput([{ field: 'after', message: '游标无效' }]);
}
