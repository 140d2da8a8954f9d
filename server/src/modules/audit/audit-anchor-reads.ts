import { readTx, requireViewer, tenantTx, type AppServices, type RequestContext } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { toGlobalId } from '@spotcheck/shared';
import { provinceHeads, type AnchoringResult } from './audit-anchor.service';
import { actorOf, appendAudit } from './audit.service';

/** A public bureau's published chain heads, latest first; null when no such bureau is public. */
export async function publicAnchorsOf(app: AppServices, bureauId: string, limit: number) {
  const [bureau] = (await app.db.query(`SELECT id FROM public_tenants WHERE id = $1`, [bureauId])) as { id: string }[];
  if (!bureau) return null;
  const rows = (await app.db.query(`SELECT seq::int AS seq, hash, anchored_at FROM public_audit_anchors WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2`, [
    bureau.id,
    limit,
  ])) as {
    seq: number;
    hash: string;
    anchored_at: Date;
  }[];
  return rows.map((r) => ({ seq: r.seq, hash: r.hash, anchoredAt: r.anchored_at }));
}

/** The chain heads of the bureaus below the viewer's provincial department. */
export function viewerProvinceHeads(ctx: RequestContext) {
  const viewer = requireViewer(ctx);
  return readTx(ctx, async (m) => {
    const [own] = (await m.query(`SELECT kind FROM tenants WHERE id = $1`, [viewer.tenantId])) as { kind: string }[];
    if (own?.kind !== 'PROVINCIAL_DEPARTMENT') throw forbidden('下级单位的审计链头仅供省级主管部门查看');
    const rows = await provinceHeads(m, viewer.tenantId);
    return rows.map((r) => ({ bureauId: toGlobalId('Tenant', r.bureau_id), bureauName: r.bureau_name, seq: r.seq, hash: r.hash, anchoredAt: r.anchored_at }));
  });
}

/** Records in the operator's chain that an anchoring was run by hand. */
export async function auditAnchoringRun(ctx: RequestContext, result: AnchoringResult): Promise<void> {
  await tenantTx(ctx, (m) => appendAudit(m, actorOf(ctx), { action: 'audit.anchor', after: result }));
}
