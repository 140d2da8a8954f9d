import { gunzipSync } from 'node:zlib';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';

export interface PublicDrawSummary {
  id: string;
  bureauId: string;
  taskTitle: string;
  startsOn: string;
  endsOn: string;
  status: string;
  algorithm: string;
  inputHash: string;
  commitment: string;
  ruleVersion: number;
  committedAt: string;
  drawnAt: string | null;
  recordUrl: string;
}

/** Draws of active bureaus, newest first, from the public view (no record bodies). */
export async function listPublicDraws(
  app: AppServices,
  bureauGlobalId: string | null,
  limit: number,
  offset: number,
): Promise<{ totalCount: number; draws: PublicDrawSummary[] }> {
  const bureau = bureauGlobalId ? fromGlobalUuid(bureauGlobalId, 'Tenant') : null;
  if (bureauGlobalId && !bureau) return { totalCount: 0, draws: [] };
  const where = bureau ? 'WHERE tenant_id = $1' : '';
  const params = bureau ? [bureau] : [];
  const [rows, [{ count }]] = (await Promise.all([
    app.replicaReads.query(
      `SELECT id, tenant_id, task_title, starts_on::text, ends_on::text, status, algorithm, input_hash, commitment, rule_version, committed_at, drawn_at
         FROM public_draws ${where} ORDER BY committed_at DESC, id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      params,
    ),
    app.replicaReads.query(`SELECT count(*)::int AS count FROM public_draws ${where}`, params),
  ])) as [Record<string, any>[], { count: number }[]];
  return {
    totalCount: count,
    draws: rows.map(publicDrawOf),
  };
}

/** One draw of an active bureau, or null (unknown, malformed or suspended alike). */
export async function findPublicDraw(app: AppServices, drawGlobalId: string): Promise<PublicDrawSummary | null> {
  const id = fromGlobalUuid(drawGlobalId, 'Draw');
  if (!id) return null;
  const [row] = (await app.replicaReads.query(
    `SELECT id, tenant_id, task_title, starts_on::text, ends_on::text, status, algorithm, input_hash, commitment, rule_version, committed_at, drawn_at
       FROM public_draws WHERE id = $1`,
    [id],
  )) as Record<string, any>[];
  return row ? publicDrawOf(row) : null;
}

/** A row of public_draws (dates as text) as the portal shows it. */
export function publicDrawOf(r: Record<string, any>): PublicDrawSummary {
  const id = toGlobalId('Draw', r.id);
  return {
    id,
    bureauId: toGlobalId('Tenant', r.tenant_id),
    taskTitle: r.task_title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    algorithm: r.algorithm,
    inputHash: r.input_hash,
    commitment: r.commitment,
    ruleVersion: r.rule_version,
    committedAt: new Date(r.committed_at).toISOString(),
    drawnAt: r.drawn_at ? new Date(r.drawn_at).toISOString() : null,
    recordUrl: publicDrawRecordUrl(id),
  };
}

export function publicDrawRecordUrl(drawGlobalId: string): string {
  return `/api/public/draws/${drawGlobalId}`;
}

/** The whole record gzipped as stored (before the draw: the frozen input and the commitment, no seed). */
export async function publicDrawRecordGz(app: AppServices, drawGlobalId: string): Promise<Buffer | null> {
  const id = fromGlobalUuid(drawGlobalId, 'Draw');
  if (!id) return null;
  const [row] = (await app.db.query(`SELECT record_gz FROM public_draws WHERE id = $1`, [id])) as { record_gz: Buffer }[];
  return row?.record_gz ?? null;
}

/** The whole record as JSON text: for the server's own uses (a notice's few fields), never sent whole over GraphQL. */
export async function publicDrawRecordJson(app: AppServices, drawGlobalId: string): Promise<string | null> {
  const gz = await publicDrawRecordGz(app, drawGlobalId);
  return gz ? gunzipSync(gz).toString('utf8') : null;
}

const SEEDS_KEPT = 1000;
/** Per app: draw id → its input hash and seed. Read once: a drawn record never changes again. */
const seedCaches = new WeakMap<AppServices, Map<string, Promise<{ inputHash: string; seed: string } | null>>>();

/**
 * The input hash and seed of a drawn record, for a notice's verification line: the whole record is
 * unpacked once per draw and app, not on every anonymous download of a notice.
 */
export function publicDrawSeed(app: AppServices, drawGlobalId: string): Promise<{ inputHash: string; seed: string } | null> {
  let cache = seedCaches.get(app);
  if (!cache) seedCaches.set(app, (cache = new Map()));
  const known = cache.get(drawGlobalId);
  if (known) return known;
  const pending = publicDrawRecordJson(app, drawGlobalId).then((json) => {
    const parsed = json ? (JSON.parse(json) as { inputHash?: string; seed?: string }) : null;
    return parsed?.inputHash && parsed.seed ? { inputHash: parsed.inputHash, seed: parsed.seed } : null;
  });
  cache.set(drawGlobalId, pending);
  if (cache.size > SEEDS_KEPT) cache.delete(cache.keys().next().value!);
  pending.then(
    (v) => {
      if (!v) cache.delete(drawGlobalId);
    },
    () => cache.delete(drawGlobalId),
  );
  return pending;
}
