import type { EntityManager } from 'typeorm';
import { DEFAULT_RULES, RuleSetSchema, asSubject } from '@spotcheck/shared';
import { badInput, forbidden } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { RuleSetVersion } from './rule-set.entity';
import { refreshCreditStatuses } from '../credit/credit-status';

/** A new bureau starts from the platform's template (its latest version), or the built-in defaults. */
export async function copyTemplateRules(
  manager: EntityManager,
  tenantId: string,
  template: RuleSetVersion | null,
  createdBy: string | null,
): Promise<void> {
  const rules = RuleSetSchema.parse(template?.rules ?? DEFAULT_RULES);
  await manager.insert(RuleSetVersion, { tenantId, version: 1, rules, reason: '由平台模板复制', createdBy });
}

/** The current (latest) version of the viewer's bureau rules. */
export function currentRuleSet(ctx: RequestContext): Promise<RuleSetVersion | null> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => m.findOne(RuleSetVersion, { where: { tenantId: viewer.tenantId }, order: { version: 'DESC' } }));
}

/** The office saves a new version of its bureau's rules; the schema in `shared` decides what is valid. */
export async function updateRuleSet(ctx: RequestContext, rules: unknown, reason: string): Promise<RuleSetVersion> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('update', asSubject('Tenant', { id: viewer.tenantId }))) throw forbidden('只有领导小组办公室可以修改本单位细则');
  if (!reason.trim()) throw badInput([{ field: 'reason', message: '请说明修改理由' }]);
  const parsed = RuleSetSchema.safeParse(rules);
  if (!parsed.success) {
    throw badInput(parsed.error.issues.map((i) => ({ field: ['rules', ...i.path].join('.'), message: i.message })), '细则不符合要求');
  }
  return tenantTx(ctx, async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7262))`, [`rules:${viewer.tenantId}`]);
    const current = await m.findOne(RuleSetVersion, { where: { tenantId: viewer.tenantId }, order: { version: 'DESC' } });
    const version = m.create(RuleSetVersion, {
      tenantId: viewer.tenantId,
      version: (current?.version ?? 0) + 1,
      rules: parsed.data,
      reason: reason.trim(),
      createdBy: viewer.userId,
    });
    await m.insert(RuleSetVersion, version as never);
    await refreshCreditStatuses(m, parsed.data);
    await appendAudit(m, actorOf(ctx), {
      action: 'rules.update',
      objectType: 'RuleSetVersion',
      objectId: String(version.version),
      before: current?.rules,
      after: parsed.data,
    });
    return m.findOneByOrFail(RuleSetVersion, { tenantId: viewer.tenantId, version: version.version });
  });
}

export function ruleSetHistory(ctx: RequestContext): Promise<RuleSetVersion[]> {
  return tenantTx(ctx, (m) => m.find(RuleSetVersion, { order: { version: 'DESC' }, take: 100 }));
}
