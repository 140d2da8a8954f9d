import type { EntityManager } from 'typeorm';
import { DEFAULT_RULES, RuleSetSchema, fromGlobalUuid, toGlobalId, type RuleViolation } from '@spotcheck/shared';
import { AppError, badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { RuleSetVersion } from './rule-set.entity';
import { RuleProposal, RuleProposalStatus } from './rule-proposal.entity';
import { boundsAbove, violationsOfBounds } from './rule-bounds.service';
import { refreshCreditStatuses } from '../credit/credit-status';
import { notify } from '../notifications/notification.service';
import { Tenant, TenantKind } from '../tenants/tenant.entity';

/** A new bureau starts from the platform's template (its latest version), or the built-in defaults. */
export async function copyTemplateRules(manager: EntityManager, tenantId: string, template: RuleSetVersion | null, createdBy: string | null): Promise<void> {
  const rules = RuleSetSchema.parse(template?.rules ?? DEFAULT_RULES);
  await manager.insert(RuleSetVersion, { tenantId, version: 1, rules, reason: '由平台模板复制', createdBy });
}

function latestVersion(m: EntityManager, tenantId: string): Promise<RuleSetVersion | null> {
  return m.findOne(RuleSetVersion, { where: { tenantId }, order: { version: 'DESC' } });
}

/** The rules in force: the latest approved version of the viewer's bureau. */
export function currentRuleSet(ctx: RequestContext): Promise<RuleSetVersion | null> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => latestVersion(m, viewer.tenantId));
}

export function ruleSetHistory(ctx: RequestContext): Promise<RuleSetVersion[]> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) => m.find(RuleSetVersion, { where: { tenantId: viewer.tenantId }, order: { version: 'DESC' }, take: 100 }));
}

export function ruleProposals(ctx: RequestContext, status: RuleProposalStatus | null): Promise<RuleProposal[]> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, (m) =>
    m.find(RuleProposal, { where: { tenantId: viewer.tenantId, ...(status ? { status } : {}) }, order: { proposedAt: 'DESC' }, take: 100 }),
  );
}

function refuse(violations: RuleViolation[], lead: string): never {
  throw new AppError('RULE_VIOLATION', `${lead}：${violations.map((v) => v.message).join('；')}`, { rule: violations[0]!.rule, violations });
}

/**
 * The office proposes a change of its bureau's rules with a reason. Nothing changes until a leader
 * approves it; one proposal waits at a time, so an approval never silently undoes another.
 */
export async function proposeRuleSet(ctx: RequestContext, rules: unknown, reason: string): Promise<RuleProposal> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('细则修改由领导小组办公室提出');
  if (!reason.trim()) throw badInput([{ field: 'reason', message: '请说明修改理由' }]);
  const parsed = RuleSetSchema.safeParse(rules);
  if (!parsed.success) {
    throw badInput(
      parsed.error.issues.map((i) => ({ field: ['rules', ...i.path].join('.'), message: i.message })),
      '细则不符合要求',
    );
  }
  return tenantTx(ctx, async (m) => {
    const own = await m.findOneBy(Tenant, { id: viewer.tenantId });
    if (!own || (own.kind !== TenantKind.CITY_BUREAU && own.kind !== TenantKind.COUNTY_BUREAU)) throw forbidden('抽查细则由市、县局制定');
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7262))`, [`rules:${viewer.tenantId}`]);
    const current = await latestVersion(m, viewer.tenantId);
    if (!current) throw ruleViolation('rules.missing', '本单位尚无细则');
    const violations = violationsOfBounds(parsed.data, await boundsAbove(m, viewer.tenantId));
    if (violations.length) refuse(violations, '细则超出上级规定的范围');
    if (await m.countBy(RuleProposal, { tenantId: viewer.tenantId, status: RuleProposalStatus.PENDING })) {
      throw ruleViolation('rules.pendingProposal', '已有一项细则修改等待领导审定，请待审定或退回后再提出');
    }
    const proposal = m.create(RuleProposal, {
      tenantId: viewer.tenantId,
      rules: parsed.data,
      reason: reason.trim(),
      baseVersion: current.version,
      proposedBy: viewer.userId,
    });
    const saved = await m.save(RuleProposal, proposal);
    await appendAudit(m, actorOf(ctx), {
      action: 'rules.propose',
      objectType: 'RuleProposal',
      objectId: toGlobalId('RuleProposal', saved.id),
      before: current.rules,
      after: { rules: parsed.data, reason: reason.trim(), baseVersion: current.version },
    });
    const leaders = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND id <> $2`, [viewer.tenantId, viewer.userId])) as {
      id: string;
    }[];
    await notify(m, {
      tenantId: viewer.tenantId,
      userIds: leaders.map((l) => l.id),
      kind: 'RULES_PROPOSED',
      title: '有一项细则修改等待审定',
      body: reason.trim(),
      link: '/rules',
    });
    return m.findOneByOrFail(RuleProposal, { tenantId: viewer.tenantId, id: saved.id });
  });
}

export type RuleReview = 'APPROVE' | 'RETURN';

/**
 * 领导小组审定: a leader — never the one who proposed — approves a proposal, which becomes the next
 * version and is in force from now on (plans, tasks and draws keep the version they used), or returns
 * it with a comment.
 */
export async function reviewRuleProposal(ctx: RequestContext, globalId: string, decision: RuleReview, comment: string | null): Promise<RuleProposal> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('细则修改须由分管领导（领导小组）审定');
  if (decision === 'RETURN' && !comment?.trim()) throw badInput([{ field: 'comment', message: '退回须填写意见' }]);
  const id = fromGlobalUuid(globalId, 'RuleProposal');
  return tenantTx(ctx, async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7262))`, [`rules:${viewer.tenantId}`]);
    const proposal = id ? await m.findOneBy(RuleProposal, { tenantId: viewer.tenantId, id }) : null;
    if (!proposal) throw notFound('细则修改提议');
    if (proposal.proposedBy === viewer.userId) throw forbidden('不能审定本人提出的细则修改');
    if (proposal.status !== RuleProposalStatus.PENDING) throw ruleViolation('rules.proposalState', '该提议已审定或已退回');
    const current = await latestVersion(m, viewer.tenantId);
    const reviewed = { reviewedBy: viewer.userId, reviewedAt: new Date(), reviewComment: comment?.trim() || null };
    if (decision === 'RETURN') {
      await m.update(RuleProposal, { tenantId: viewer.tenantId, id: proposal.id }, { ...reviewed, status: RuleProposalStatus.RETURNED });
    } else {
      // The province may have narrowed its bounds since the proposal was made.
      const violations = violationsOfBounds(proposal.rules, await boundsAbove(m, viewer.tenantId));
      if (violations.length) refuse(violations, '细则超出上级规定的范围，请退回');
      const version = (current?.version ?? 0) + 1;
      await m.insert(RuleSetVersion, {
        tenantId: viewer.tenantId,
        version,
        rules: proposal.rules,
        reason: proposal.reason,
        createdBy: proposal.proposedBy,
        approvedBy: viewer.userId,
        approvedAt: reviewed.reviewedAt,
        proposalId: proposal.id,
      });
      await m.update(
        RuleProposal,
        { tenantId: viewer.tenantId, id: proposal.id },
        { ...reviewed, status: RuleProposalStatus.APPROVED, approvedVersion: version },
      );
      await refreshCreditStatuses(m, proposal.rules);
    }
    await notify(m, {
      tenantId: viewer.tenantId,
      userIds: [proposal.proposedBy],
      kind: decision === 'APPROVE' ? 'RULES_APPROVED' : 'RULES_RETURNED',
      title: decision === 'APPROVE' ? `细则修改已审定，第 ${(current?.version ?? 0) + 1} 版生效` : '细则修改已退回',
      body: comment?.trim() || null,
      link: '/rules',
    });
    await appendAudit(m, actorOf(ctx), {
      action: decision === 'APPROVE' ? 'rules.approve' : 'rules.return',
      objectType: 'RuleProposal',
      objectId: toGlobalId('RuleProposal', proposal.id),
      before: decision === 'APPROVE' ? { version: current?.version, rules: current?.rules } : { status: proposal.status },
      after:
        decision === 'APPROVE' ? { version: (current?.version ?? 0) + 1, rules: proposal.rules, comment } : { status: RuleProposalStatus.RETURNED, comment },
    });
    return m.findOneByOrFail(RuleProposal, { tenantId: viewer.tenantId, id: proposal.id });
  });
}
