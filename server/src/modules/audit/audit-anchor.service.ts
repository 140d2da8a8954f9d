import type { EntityManager } from 'typeorm';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';

/** A published head of an audit chain, and who holds it. */
export type AuditHeadSource = 'BUREAU' | 'PROVINCE' | 'GIVEN';
export interface AuditHead {
  seq: number;
  hash: string;
  source: AuditHeadSource;
}

export interface AnchoringResult {
  tenants: number;
  /** New heads recorded (a chain without new events since its last anchor adds none). */
  anchored: number;
  /** Heads copied into a province's own record. */
  copied: number;
  /** Chains that no longer hold their last anchored head: nothing is recorded over them. */
  truncated: number;
  failures: number;
}

interface Head {
  seq: number;
  hash: string;
  anchoredAt: Date;
}

/**
 * One pass over every active tenant: records the chain's head (seq, hash, now) when it moved since the
 * tenant's last anchor, then copies every bureau's current head into the province above it. Each
 * tenant is its own transaction under its own RLS scope. A chain that has lost its last anchored head
 * is logged and left alone, so a new head never covers the loss.
 */
export async function runAuditAnchoring(services: AppServices, now = new Date()): Promise<AnchoringResult> {
  const result: AnchoringResult = { tenants: 0, anchored: 0, copied: 0, truncated: 0, failures: 0 };
  const tenants = (await services.db.query('SELECT active_tenant_ids() AS id')) as { id: string }[];
  result.tenants = tenants.length;
  const heads = new Map<string, Head>();
  const provinces: string[] = [];
  for (const { id: tenantId } of tenants) {
    try {
      await inTenant(services.db, tenantId, async (m) => {
        const [own] = (await m.query(`SELECT kind FROM tenants WHERE id = $1`, [tenantId])) as { kind: string }[];
        if (own?.kind === 'PROVINCIAL_DEPARTMENT') provinces.push(tenantId);
        const outcome = await anchorTenant(m, tenantId, now);
        if (outcome.kind === 'truncated') {
          result.truncated += 1;
          services.log.error({ tenantId, anchorSeq: outcome.anchorSeq }, 'audit chain no longer holds its anchored head');
          return;
        }
        if (outcome.kind === 'anchored') result.anchored += 1;
        if (outcome.head) heads.set(tenantId, outcome.head);
      });
    } catch (error) {
      result.failures += 1;
      services.log.error({ err: error, tenantId }, 'audit anchoring failed');
    }
  }
  for (const provinceId of provinces) {
    try {
      result.copied += await inTenant(services.db, provinceId, (m) => copyIntoProvince(m, provinceId, heads));
    } catch (error) {
      result.failures += 1;
      services.log.error({ err: error, tenantId: provinceId }, 'audit anchor copy failed');
    }
  }
  if (result.failures) throw new Error(`audit anchoring: ${result.failures} tenant run(s) failed`);
  return result;
}

type AnchorOutcome = { kind: 'anchored' | 'unchanged'; head: Head | null } | { kind: 'truncated'; anchorSeq: number };

async function anchorTenant(m: EntityManager, tenantId: string, now: Date): Promise<AnchorOutcome> {
  const [last] = (await m.query(`SELECT seq::int AS seq, hash, anchored_at FROM audit_anchors WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [tenantId])) as {
    seq: number;
    hash: string;
    anchored_at: Date;
  }[];
  if (last) {
    const [held] = (await m.query(`SELECT hash FROM audit_events WHERE tenant_id = $1 AND seq = $2`, [tenantId, last.seq])) as { hash: string }[];
    if (held?.hash !== last.hash) return { kind: 'truncated', anchorSeq: last.seq };
  }
  const [head] = (await m.query(`SELECT seq::int AS seq, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [tenantId])) as {
    seq: number;
    hash: string;
  }[];
  if (!head) return { kind: 'unchanged', head: null };
  if (last && last.seq === head.seq) return { kind: 'unchanged', head: { seq: last.seq, hash: last.hash, anchoredAt: last.anchored_at } };
  await m.query(`INSERT INTO audit_anchors (tenant_id, seq, hash, anchored_at) VALUES ($1, $2, $3, $4)`, [tenantId, head.seq, head.hash, now]);
  return { kind: 'anchored', head: { ...head, anchoredAt: now } };
}

/** The province sees its own subtree of `tenants` (RLS), so only heads of bureaus below it are copied. */
async function copyIntoProvince(m: EntityManager, provinceId: string, heads: Map<string, Head>): Promise<number> {
  const below = (await m.query(`SELECT id FROM tenants WHERE kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND position('/' || $1::text || '/' IN path) > 0`, [
    provinceId,
  ])) as { id: string }[];
  let copied = 0;
  for (const { id } of below) {
    const head = heads.get(id);
    if (!head) continue;
    const rows = (await m.query(
      `INSERT INTO audit_anchor_copies (tenant_id, bureau_id, seq, hash, anchored_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING seq`,
      [provinceId, id, head.seq, head.hash, head.anchoredAt],
    )) as unknown[];
    copied += rows.length;
  }
  return copied;
}

/** Every head known of the tenant's chain: its own anchors and the copies the provinces above it keep. */
export async function publishedHeads(m: EntityManager, tenantId: string): Promise<AuditHead[]> {
  const own = (await m.query(`SELECT seq::int AS seq, hash FROM audit_anchors WHERE tenant_id = $1`, [tenantId])) as { seq: number; hash: string }[];
  const kept = (await m.query(`SELECT seq::int AS seq, hash FROM kept_audit_heads()`)) as { seq: number; hash: string }[];
  return [...own.map((h) => ({ ...h, source: 'BUREAU' as const })), ...kept.map((h) => ({ ...h, source: 'PROVINCE' as const }))];
}

/** The province's copies of its bureaus' heads, newest first (in the province's own transaction). */
export async function provinceHeads(m: EntityManager, provinceId: string, limit = 500) {
  return (await m.query(
    `SELECT c.bureau_id, t.name AS bureau_name, c.seq::int AS seq, c.hash, c.anchored_at
       FROM audit_anchor_copies c JOIN tenants t ON t.id = c.bureau_id
      WHERE c.tenant_id = $1 ORDER BY c.anchored_at DESC, t.region_code, c.seq DESC LIMIT $2`,
    [provinceId, limit],
  )) as { bureau_id: string; bureau_name: string; seq: number; hash: string; anchored_at: Date }[];
}
