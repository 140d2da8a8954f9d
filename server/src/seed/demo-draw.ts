import crypto from 'node:crypto';
import { DRAW_VERSION, toGlobalId } from '@spotcheck/shared';
import { RequestContext, type AppServices } from '../graphql/context';
import { inTenant } from '../db/tenancy';
import { User } from '../modules/users/user.entity';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { AnnualPlan } from '../modules/plans/annual-plan.entity';
import { approveTask, saveTask } from '../modules/tasks/task.service';
import { addEntropy, commitDraw, performDraw } from '../modules/draws/draw.service';

/** A context acting as a demo account, for replaying the demo ceremony through the real services. */
export async function actingAs(services: AppServices, username: string): Promise<RequestContext> {
  const [{ tenant_id: tenantId }] = (await services.db.query('SELECT auth_tenant_of($1) AS tenant_id', [username])) as { tenant_id: string }[];
  const user = await inTenant(services.db, tenantId, (m) => m.findOneByOrFail(User, { username }));
  return new RequestContext(
    services,
    `demo-${crypto.randomUUID()}`,
    {
      userId: user.id,
      tenantId,
      username,
      roles: user.roles,
      departmentId: user.departmentId,
      sessionId: crypto.randomUUID(),
    },
    null,
    'demo seed',
  );
}

/**
 * 舞钢's 2023 draw over the four items of its plan, held through the same services a real ceremony
 * uses: the office freezes the pool, the leader witnesses, the office enters the announced number and
 * draws. The record is then public at /api/public/draws like any other.
 */
export async function seedDemoDraw(services: AppServices): Promise<void> {
  const office = await actingAs(services, 'wugang.admin');
  const witness = await actingAs(services, 'wugang.leader');
  const { items, plan } = await inTenant(services.db, office.viewer!.tenantId, async (m) => ({
    items: await m.find(InspectionItem, { order: { position: 'ASC' } }),
    plan: await m.findOneByOrFail(AnnualPlan, { year: 2023 }),
  }));
  const task = await saveTask(office, null, {
    planId: toGlobalId('AnnualPlan', plan.id),
    round: 1,
    title: '舞钢市自然资源和规划局2023年“双随机、一公开”随机抽查',
    purpose: '按照舞自然资〔2023〕116号实施方案，对随机抽查事项清单所列四个事项开展随机抽查',
    procedure: '封存名单并公布承诺值 → 见证人录入见证值、录入公告号码 → 摇号 → 公布结果和种子 → 实地核查 → 3个工作日内报告',
    divisionOfLabour: '规划股、测绘地理信息股、土地利用股、矿产资源与地质环境股按事项负责，检查组按摇号结果组成',
    confidentiality: '摇号前名单封存，检查结果公示前不得对外泄露',
    startsOn: '2023-06-05',
    endsOn: '2023-11-24',
    teamSize: 2,
    items: items.map((i) => ({ itemId: toGlobalId('InspectionItem', i.id), ratio: i.minRatio })),
    reason: '补录2023年度已实施的随机抽查（舞自然资〔2023〕116号）',
  });
  // Replayed years after its window, on the ceremony's own days: the leader's approval of the late task is in the
  // trail like any other, and records are dated after the draw and inside the window.
  await approveTask(witness, toGlobalId('Task', task.id), '同意补录2023年度抽查');
  // The 2023 draw was made before spotcheck-draw/2: it stays a /1 record, which still verifies. Its
  // announcement named the public number as free text, before a length was declared (null).
  const draw = await commitDraw(office, toGlobalId('Task', task.id), new Date('2023-06-02T10:00:00+08:00'), DRAW_VERSION, null);
  const drawId = toGlobalId('Draw', draw.id);
  await addEntropy(witness, drawId, 'WITNESS', '舞钢市纪检监察 见证值 2023-0605-0937');
  await addEntropy(office, drawId, 'PUBLIC_NUMBER', '中国福利彩票3D 2023150期 开奖号码 4 1 8');
  await performDraw(office, drawId, new Date('2023-06-05T09:37:00+08:00'));
}
