import { toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import type { FeedEntry } from './feed';

/**
 * A bureau's feed also carries the published heads of its audit chain, so whoever keeps the feed keeps
 * the heads: `verifyAuditChain(heads:)` then catches a chain cut back below them, even if every copy in
 * the database went with it. Only in one bureau's feed: the all-bureaus feed lists publications.
 */
export async function auditHeadEntries(app: AppServices, tenantId: string, limit: number): Promise<FeedEntry[]> {
  const rows = (await app.replicaReads.query(
    `SELECT a.seq::int AS seq, a.hash, a.anchored_at, b.name AS bureau_name
       FROM public_audit_anchors a JOIN public_tenants b ON b.id = a.tenant_id
      WHERE a.tenant_id = $1 ORDER BY a.seq DESC LIMIT $2`,
    [tenantId, limit],
  )) as { seq: number; hash: string; anchored_at: Date; bureau_name: string }[];
  return rows.map((r) => ({
    kind: 'AUDIT_HEAD',
    id: toGlobalId('AuditHead', `${tenantId}:${r.seq}`),
    bureau: { id: toGlobalId('Tenant', tenantId), name: r.bureau_name },
    title: `审计链头：第 ${r.seq} 号事件`,
    text: `审计留痕链的链头：序号 ${r.seq}，哈希 ${r.hash}。请保存此链头；以后可用它核对该单位的审计链是否被截断。`,
    url: null,
    at: new Date(r.anchored_at),
    auditHead: { seq: r.seq, hash: r.hash },
  }));
}

/** Merges the heads into the publications, newest first, keeping `limit`. */
export function withAuditHeads(entries: FeedEntry[], heads: FeedEntry[], limit: number): FeedEntry[] {
  return [...entries, ...heads].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
