import type { EntityManager } from 'typeorm';
import { DEFAULT_RULES, RuleSetSchema } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { RuleSetVersion } from './rule-set.entity';

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
