import type { EntityManager } from 'typeorm';
import { JointPunishmentSchema, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { Tenant, TenantKind } from '../tenants/tenant.entity';
import { JointPunishmentSetting } from './joint-punishment-setting.entity';
import type { JointPunishmentView } from './credit-list.types';

/**
 * 联合惩戒 in a bureau's draw: the entities of its directory (by id) that another bureau of a province
 * above it has on its blacklist, each with the province's weight. Read through the two narrow functions
 * only: the province's weight (`joint_punishment_weight()`), then which of the directory's USCCs are
 * blacklisted (`province_blacklisted_usccs`), nothing about who listed them or why.
 */
export async function jointPunishedEntities(m: EntityManager, tenantId: string): Promise<Map<string, number>> {
  const [{ weight }] = (await m.query(`SELECT joint_punishment_weight()::text AS weight`)) as { weight: string | null }[];
  if (weight === null) return new Map();
  const rows = (await m.query(
    `SELECT e.id FROM market_entities e
      WHERE e.tenant_id = $1
        AND e.uscc IN (SELECT uscc FROM province_blacklisted_usccs(ARRAY(SELECT uscc FROM market_entities WHERE tenant_id = $1)))`,
    [tenantId],
  )) as { id: string }[];
  return new Map(rows.map((r) => [r.id, Number(weight)]));
}

function viewOf(row: JointPunishmentSetting | null): JointPunishmentView {
  return { enabled: row?.enabled ?? false, weight: row ? Number(row.weight) : 1, reason: row?.reason ?? null, updatedAt: row?.updatedAt ?? null };
}

async function requireProvince(ctx: RequestContext, m: EntityManager): Promise<void> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('PROVINCIAL_VIEWER') && !viewer.roles.includes('OFFICE')) throw forbidden('联合惩戒由省级主管部门设定');
  const own = await m.findOneBy(Tenant, { id: viewer.tenantId });
  if (!own || own.kind !== TenantKind.PROVINCIAL_DEPARTMENT) throw forbidden('联合惩戒由省级主管部门设定');
}

/** The province's own setting (off when it never set one). */
export function ownJointPunishment(ctx: RequestContext): Promise<JointPunishmentView> {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, async (m) => viewOf(await m.findOneBy(JointPunishmentSetting, { tenantId })));
}

/** The province adopts (or drops) 联合惩戒 and sets its weight, with a reason; audited. */
export function setJointPunishment(ctx: RequestContext, input: unknown, reason: string): Promise<JointPunishmentView> {
  const viewer = requireViewer(ctx);
  const why = (reason ?? '').trim();
  if (!why) throw badInput([{ field: 'reason', message: '请说明设定理由' }]);
  const parsed = JointPunishmentSchema.safeParse(input);
  if (!parsed.success) {
    throw badInput(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message })),
      '联合惩戒设置不符合要求',
    );
  }
  return tenantTx(ctx, async (m) => {
    await requireProvince(ctx, m);
    const tenantId = viewer.tenantId;
    const before = await m.findOneBy(JointPunishmentSetting, { tenantId });
    const values = { enabled: parsed.data.enabled, weight: String(parsed.data.weight), reason: why, updatedBy: viewer.userId, updatedAt: new Date() };
    if (before) await m.update(JointPunishmentSetting, { tenantId }, values);
    else await m.insert(JointPunishmentSetting, { tenantId, ...values });
    await appendAudit(m, actorOf(ctx), {
      action: 'credit.jointPunishment',
      objectType: 'Tenant',
      objectId: toGlobalId('Tenant', tenantId),
      before: before ? { enabled: before.enabled, weight: Number(before.weight) } : undefined,
      after: { ...parsed.data, reason: why },
    });
    return viewOf(await m.findOneBy(JointPunishmentSetting, { tenantId }));
  });
}
