import type { EntityManager } from 'typeorm';
import { RuleBoundsSchema, boundViolations, toGlobalId, type BoundedRules, type RuleBounds, type RuleViolation } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { AppError, badInput, forbidden } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { Tenant, TenantKind } from '../tenants/tenant.entity';
import { RuleBoundsRow } from './rule-bounds.entity';

/** The bounds of one province above the viewer's bureau, as `rule_bounds_above()` answers across the wall. */
export interface BoundsAbove {
  tenantId: string;
  name: string;
  bounds: RuleBounds;
}

/** What a province may read of one bureau's current rules (`bureau_rule_limits()`): the bounded limits only. */
export interface BureauRuleLimits extends BoundedRules {
  tenantId: string;
  name: string;
  version: number;
}

/**
 * Serialises a bureau's approval with a change of any bounds above it: both take the lock of the
 * province whose bounds are at stake, so neither checks against what the other is about to change.
 */
export async function lockBoundsOf(m: EntityManager, tenantIds: string[]): Promise<void> {
  for (const id of [...tenantIds].sort()) await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7263))`, [`bounds:${id}`]);
}

/** Every province's bounds above the current bureau (in its transaction); locks them first. */
export async function boundsAbove(m: EntityManager, tenantId: string): Promise<BoundsAbove[]> {
  const own = await m.findOneByOrFail(Tenant, { id: tenantId });
  await lockBoundsOf(
    m,
    own.path.split('/').filter((id) => id && id !== tenantId),
  );
  const rows = (await m.query(`SELECT tenant_id, name, bounds FROM rule_bounds_above()`)) as { tenant_id: string; name: string; bounds: RuleBounds }[];
  return rows.map((r) => ({ tenantId: r.tenant_id, name: r.name, bounds: r.bounds }));
}

/** Every bound above the bureau that `rules` break, each naming the province that set it. */
export function violationsOfBounds(rules: BoundedRules, above: BoundsAbove[]): RuleViolation[] {
  return above.flatMap((a) => boundViolations(rules, a.bounds, a.name));
}

function requireProvince(ctx: RequestContext): void {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('PROVINCIAL_VIEWER') && !viewer.roles.includes('OFFICE')) throw forbidden('细则范围由省级主管部门设定');
}

async function provinceOf(m: EntityManager, tenantId: string): Promise<Tenant> {
  const own = await m.findOneBy(Tenant, { id: tenantId });
  if (!own || own.kind !== TenantKind.PROVINCIAL_DEPARTMENT) throw forbidden('细则范围仅由省级主管部门设定');
  return own;
}

export function ownRuleBounds(ctx: RequestContext): Promise<RuleBoundsRow | null> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => m.findOneBy(RuleBoundsRow, { tenantId: viewer.tenantId }));
}

/** The bureaus below the viewer's province with the limits of their current rules (nothing else of them). */
export async function bureauRuleLimits(ctx: RequestContext): Promise<BureauRuleLimits[]> {
  requireProvince(ctx);
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    await provinceOf(m, viewer.tenantId);
    return limitsBelow(m);
  });
}

async function limitsBelow(m: EntityManager): Promise<BureauRuleLimits[]> {
  const rows = (await m.query(`SELECT * FROM bureau_rule_limits() ORDER BY name`)) as {
    tenant_id: string;
    name: string;
    version: number;
    ratio_min: string;
    ratio_max: string;
    rounds_min: number;
    rounds_max: number;
    max_draws: number;
  }[];
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    name: r.name,
    version: r.version,
    ratio: { min: r.ratio_min, max: r.ratio_max },
    roundsPerYear: { min: r.rounds_min, max: r.rounds_max },
    maxDrawsPerEntityPerYear: r.max_draws,
  }));
}

/**
 * The province sets its bounds. Refused, naming the bureaus, when some bureau's current rules lie
 * outside them: the bureau changes its rules first (through its own proposal and approval).
 */
export async function setRuleBounds(ctx: RequestContext, input: unknown, reason: string): Promise<RuleBoundsRow> {
  requireProvince(ctx);
  const viewer = requireViewer(ctx);
  if (!reason.trim()) throw badInput([{ field: 'reason', message: '请说明设定理由' }]);
  const parsed = RuleBoundsSchema.safeParse(input);
  if (!parsed.success)
    throw badInput(
      parsed.error.issues.map((i) => ({ field: ['bounds', ...i.path].join('.'), message: i.message })),
      '范围不符合要求',
    );
  return tenantTx(ctx, async (m) => {
    await provinceOf(m, viewer.tenantId);
    await lockBoundsOf(m, [viewer.tenantId]);
    const broken = (await limitsBelow(m)).map((b) => ({ bureau: b, violations: boundViolations(b, parsed.data) })).filter((b) => b.violations.length > 0);
    if (broken.length) {
      throw new AppError(
        'RULE_VIOLATION',
        `以下单位的现行细则不在新范围内：${broken.map((b) => `${b.bureau.name}（${b.violations.map((v) => v.message).join('；')}）`).join('；')}`,
        {
          rule: broken[0]!.violations[0]!.rule,
          bureaus: broken.map((b) => ({ id: toGlobalId('Tenant', b.bureau.tenantId), name: b.bureau.name, rules: b.violations.map((v) => v.rule) })),
        },
      );
    }
    const before = await m.findOneBy(RuleBoundsRow, { tenantId: viewer.tenantId });
    const values = { bounds: parsed.data, reason: reason.trim(), updatedBy: viewer.userId, updatedAt: new Date() };
    if (before) await m.update(RuleBoundsRow, { tenantId: viewer.tenantId }, values);
    else await m.insert(RuleBoundsRow, { tenantId: viewer.tenantId, ...values });
    await appendAudit(m, actorOf(ctx), {
      action: 'rules.bounds',
      objectType: 'RuleBounds',
      objectId: toGlobalId('Tenant', viewer.tenantId),
      before: before?.bounds,
      after: { bounds: parsed.data, reason: reason.trim() },
    });
    return m.findOneByOrFail(RuleBoundsRow, { tenantId: viewer.tenantId });
  });
}

/** `boundsAbove` the viewer's bureau, in the request's reads. */
export function viewerBoundsAbove(ctx: RequestContext) {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, (m) => boundsAbove(m, tenantId));
}
