import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  PLAN_WORKFLOW,
  Ratio,
  asSubject,
  checkTransition,
  fromGlobalUuid,
  labelProblems,
  planViolations,
  toGlobalId,
  type FieldProblem,
  type PlanAction,
  type RuleViolation,
} from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { AppError, badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRefs } from '../../lib/resolve-ref';
import { InspectionItem, ItemStatus } from '../items/inspection-item.entity';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { AnnualPlan, PlanStatus, type PlanRound } from './annual-plan.entity';
import { AnnualPlanItem } from './annual-plan-item.entity';
import { assertPlanDuty } from './plan-duties';

export interface PlanInput {
  year: number;
  title: string;
  scope: string;
  inspectorRequirements?: string | null;
  rounds: number;
  schedule: PlanRound[];
  items: { itemId: string; ratio: string; rounds: number }[];
}

const EDITABLE_STATES = [PlanStatus.DRAFT, PlanStatus.RETURNED];
/** A version still on its way to publication: a year has at most one. */
const OPEN_STATES = [PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED];

/** The year's plan in force: its published version, or null. */
export async function publishedPlanOf(m: EntityManager, tenantId: string, year: number): Promise<AnnualPlan | null> {
  return m.findOneBy(AnnualPlan, { tenantId, year, status: PlanStatus.PUBLISHED });
}

/** Every version of a bureau's plan for a year, locked against a concurrent amendment or publication. */
async function versionsOf(m: EntityManager, tenantId: string, year: number): Promise<AnnualPlan[]> {
  await m.query('SELECT 1 FROM annual_plans WHERE tenant_id = $1 AND year = $2 FOR UPDATE', [tenantId, year]);
  return m.find(AnnualPlan, { where: { tenantId, year }, order: { version: 'ASC' } });
}

/** Drafts or revises a plan; it is saved only if it complies with the bureau's current rules. */
export async function savePlan(ctx: RequestContext, globalId: string | null, input: PlanInput): Promise<AnnualPlan> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('update', asSubject('Tenant', { id: viewer.tenantId }))) throw forbidden('年度计划由领导小组办公室编制');
  checkShape(input);
  return tenantTx(ctx, async (m) => {
    let plan: AnnualPlan | null = null;
    if (globalId) {
      plan = await load(m, globalId);
      if (!EDITABLE_STATES.includes(plan.status)) throw ruleViolation('PLAN_STATE', '只有草稿或已退回的计划可以修改');
      if (plan.version > 1 && input.year !== plan.year)
        throw ruleViolation('plan.onePerYear', `第 ${plan.version} 版是 ${plan.year} 年度计划的调整，不能改为其他年度`);
    }
    // Input that names things that do not exist is refused as such before any rule is weighed.
    const items = await resolveItems(m, input.items);
    const sameYear = (await versionsOf(m, viewer.tenantId, input.year)).filter((p) => p.id !== plan?.id);
    if (sameYear.length && (!plan || plan.year !== input.year)) {
      throw ruleViolation('plan.onePerYear', `${input.year} 年度已有抽查计划（第 ${sameYear.length} 版），每年只有一个计划；调整请对已公布的计划编制新版本`);
    }
    const rules = await currentRules(m);
    rejectViolations(violationsOf(input, items, rules.rules));
    const values = {
      year: input.year,
      title: input.title.trim(),
      scope: input.scope.trim(),
      inspectorRequirements: input.inspectorRequirements?.trim() || null,
      rounds: input.rounds,
      schedule: input.schedule,
      ruleVersion: rules.version,
    };
    const id = plan?.id ?? crypto.randomUUID();
    if (plan) await m.update(AnnualPlan, { tenantId: viewer.tenantId, id }, values);
    else await m.insert(AnnualPlan, { ...values, tenantId: viewer.tenantId, id, version: 1, status: PlanStatus.DRAFT, createdBy: viewer.userId } as never);
    await m.delete(AnnualPlanItem, { planId: id });
    await m.insert(
      AnnualPlanItem,
      input.items.map((i) => ({ tenantId: viewer.tenantId, planId: id, itemId: items.get(i.itemId)!.id, ratio: i.ratio, rounds: i.rounds })),
    );
    await appendAudit(m, actorOf(ctx), {
      action: plan ? 'plan.update' : 'plan.create',
      objectType: 'AnnualPlan',
      objectId: toGlobalId('AnnualPlan', id),
      after: input,
    });
    return m.findOneByOrFail(AnnualPlan, { tenantId: viewer.tenantId, id });
  });
}

/** Moves a plan through 提交审批 → 批准/退回 → 公布; each step by its role, re-checked against the rules on submission. */
export async function transitionPlan(ctx: RequestContext, globalId: string, action: PlanAction, comment: string | null): Promise<AnnualPlan> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const plan = await load(m, globalId);
    const check = checkTransition(PLAN_WORKFLOW, plan.status, action, viewer.roles);
    if (!check.ok) throw check.reason === 'ROLE_REQUIRED' ? forbidden(check.message) : ruleViolation('PLAN_STATE', check.message);
    if (action === 'RETURN' && !comment?.trim()) throw badInput([{ field: 'comment', message: '退回须填写意见' }]);
    await assertPlanDuty(m, plan, viewer.userId, action);
    if (action === 'SUBMIT') {
      const rules = await currentRules(m);
      const rows = await m.findBy(AnnualPlanItem, { planId: plan.id });
      const input: PlanInput = { ...plan, items: rows.map((r) => ({ itemId: toGlobalId('InspectionItem', r.itemId), ratio: r.ratio, rounds: r.rounds })) };
      rejectViolations(violationsOf(input, await resolveItems(m, input.items), rules.rules));
      plan.ruleVersion = rules.version;
    }
    const changes: Partial<AnnualPlan> = { status: check.to as PlanStatus, ruleVersion: plan.ruleVersion };
    if (action === 'RETURN' || action === 'APPROVE') changes.reviewComment = comment?.trim() || null;
    if (action === 'APPROVE') Object.assign(changes, { approvedBy: viewer.userId, approvedAt: new Date() });
    if (action === 'PUBLISH') {
      changes.publishedAt = new Date();
      const earlier = (await versionsOf(m, plan.tenantId, plan.year)).filter((p) => p.status === PlanStatus.PUBLISHED);
      for (const old of earlier) {
        await m.update(AnnualPlan, { tenantId: old.tenantId, id: old.id }, { status: PlanStatus.SUPERSEDED, supersededAt: changes.publishedAt });
        await appendAudit(m, actorOf(ctx), {
          action: 'plan.supersede',
          objectType: 'AnnualPlan',
          objectId: toGlobalId('AnnualPlan', old.id),
          before: { status: old.status, version: old.version },
          after: { status: PlanStatus.SUPERSEDED, by: toGlobalId('AnnualPlan', plan.id), version: plan.version },
        });
      }
    }
    await m.update(AnnualPlan, { tenantId: plan.tenantId, id: plan.id }, changes);
    await appendAudit(m, actorOf(ctx), {
      action: `plan.${action.toLowerCase()}`,
      objectType: 'AnnualPlan',
      objectId: toGlobalId('AnnualPlan', plan.id),
      before: { status: plan.status },
      after: { status: check.to, comment },
    });
    return m.findOneByOrFail(AnnualPlan, { tenantId: plan.tenantId, id: plan.id });
  });
}

/**
 * 计划调整: a new draft version of the year's published plan, a copy to be revised and taken through the
 * same workflow; its publication supersedes the version in force, which stays kept and readable.
 */
export async function amendPlan(ctx: RequestContext, globalId: string): Promise<AnnualPlan> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('update', asSubject('Tenant', { id: viewer.tenantId }))) throw forbidden('年度计划由领导小组办公室编制');
  return tenantTx(ctx, async (m) => {
    const plan = await load(m, globalId);
    const versions = await versionsOf(m, viewer.tenantId, plan.year);
    if (plan.status !== PlanStatus.PUBLISHED) throw ruleViolation('plan.amend', '只能对已公布、正在执行的计划编制调整版本');
    const open = versions.find((v) => OPEN_STATES.includes(v.status));
    if (open) throw ruleViolation('plan.amend', `${plan.year} 年度计划已有尚未公布的第 ${open.version} 版，请继续办理该版本`);
    const id = crypto.randomUUID();
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    await m.insert(AnnualPlan, {
      tenantId: viewer.tenantId,
      id,
      year: plan.year,
      version,
      title: plan.title,
      scope: plan.scope,
      inspectorRequirements: plan.inspectorRequirements,
      rounds: plan.rounds,
      schedule: plan.schedule,
      ruleVersion: plan.ruleVersion,
      status: PlanStatus.DRAFT,
      createdBy: viewer.userId,
    } as never);
    const items = await m.findBy(AnnualPlanItem, { tenantId: viewer.tenantId, planId: plan.id });
    await m.insert(
      AnnualPlanItem,
      items.map((i) => ({ tenantId: viewer.tenantId, planId: id, itemId: i.itemId, ratio: i.ratio, rounds: i.rounds })),
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'plan.amend',
      objectType: 'AnnualPlan',
      objectId: toGlobalId('AnnualPlan', id),
      before: { version: plan.version },
      after: { version },
    });
    return m.findOneByOrFail(AnnualPlan, { tenantId: viewer.tenantId, id });
  });
}

function violationsOf(input: PlanInput, items: Map<string, InspectionItem>, rules: RuleSetVersion['rules']): RuleViolation[] {
  return planViolations(
    {
      year: input.year,
      rounds: input.rounds,
      schedule: input.schedule,
      items: input.items.map((i) => {
        const item = items.get(i.itemId)!;
        return {
          itemName: item.name,
          ratio: i.ratio,
          rounds: i.rounds,
          itemMinRatio: item.minRatio,
          itemFrequencyPerYear: item.frequencyPerYear,
          itemPublished: item.status === ItemStatus.PUBLISHED,
        };
      }),
    },
    rules,
  );
}

function rejectViolations(violations: RuleViolation[]): void {
  if (!violations.length) return;
  throw new AppError('RULE_VIOLATION', `计划不符合本单位细则：${violations.map((v) => v.message).join('；')}`, {
    rule: violations[0]!.rule,
    violations,
  });
}

function checkShape(input: PlanInput): void {
  const problems: FieldProblem[] = [...labelProblems(input.title, 'title', 200), ...labelProblems(input.scope, 'scope', 2000)];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push({ field: 'year', message: '年度无效' });
  if (!Number.isInteger(input.rounds) || input.rounds < 1 || input.rounds > 12) problems.push({ field: 'rounds', message: '轮次须为 1 到 12 的整数' });
  input.schedule.forEach((r, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.from) || !/^\d{4}-\d{2}-\d{2}$/.test(r.to)) problems.push({ field: `schedule.${i}`, message: '日期须为 YYYY-MM-DD' });
  });
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!Ratio.safeParse(item.ratio).success || ratioZero(item.ratio))
      problems.push({ field: `items.${i}.ratio`, message: '比例须为大于 0、最多 4 位小数的数，如 0.10' });
    if (!Number.isInteger(item.rounds)) problems.push({ field: `items.${i}.rounds`, message: '轮次须为整数' });
    if (seen.has(item.itemId)) problems.push({ field: `items.${i}.itemId`, message: '同一事项重复列入' });
    seen.add(item.itemId);
  });
  if (problems.length) throw badInput(problems);
}

function ratioZero(ratio: string): boolean {
  return Number(ratio) === 0;
}

function resolveItems(m: EntityManager, wanted: PlanInput['items']): Promise<Map<string, InspectionItem>> {
  return resolveRefs(
    m,
    InspectionItem,
    'InspectionItem',
    wanted.map((w) => w.itemId),
    'items',
    '抽查事项不存在',
  );
}

async function currentRules(m: EntityManager): Promise<RuleSetVersion> {
  const rules = await m.findOne(RuleSetVersion, { where: {}, order: { version: 'DESC' } });
  if (!rules) throw ruleViolation('NO_RULES', '本单位尚未制定细则');
  return rules;
}

async function load(m: EntityManager, globalId: string): Promise<AnnualPlan> {
  const id = fromGlobalUuid(globalId, 'AnnualPlan');
  const plan = id ? await m.findOneBy(AnnualPlan, { id }) : null;
  if (!plan) throw notFound('年度计划');
  return plan;
}
