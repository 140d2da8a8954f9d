import { toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../graphql/context';
import { inTenant } from '../db/tenancy';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { Department } from '../modules/departments/department.entity';
import { Inspector } from '../modules/inspectors/inspector.entity';
import { approveTask, saveTask } from '../modules/tasks/task.service';
import { TaskKind } from '../modules/tasks/task.entity';
import { inviteParticipant, respondToInvitation, savePart } from '../modules/joint/joint.service';
import { addEntropy, commitDraw, performDraw } from '../modules/draws/draw.service';
import { actingAs } from './demo-draw';

/**
 * 舞钢's joint task with 平顶山 (市县联动), through the real services: 舞钢's 土地利用股 leads and invites
 * 平顶山's 执法监察支队, which accepts and brings its items and inspectors; the draw then puts one
 * inspector of each bureau in every team.
 */
export async function seedDemoJointTask(services: AppServices): Promise<void> {
  const office = await actingAs(services, 'wugang.admin');
  const witness = await actingAs(services, 'wugang.leader');
  const partner = await actingAs(services, 'pingdingshan.head');
  const lead = await inTenant(services.db, office.viewer!.tenantId, async (m) => ({
    items: await m.find(InspectionItem, {
      where: [{ name: '土地使用情况监督检查' }, { name: '矿山地质环境保护与土地复垦情况的监管' }],
      order: { position: 'ASC' },
    }),
    department: await m.findOneByOrFail(Department, { name: '土地利用股' }),
  }));
  // 舞钢's plan of 2026 is not in the demo: the joint task is a 专项检查 with the leader's approval.
  const task = await saveTask(office, null, {
    kind: TaskKind.SPECIAL,
    reason: '平顶山市局部署市县联动联合检查，土地使用和矿山复垦问题线索较多',
    title: '舞钢市、平顶山市自然资源领域2026年联合随机抽查',
    purpose: '市县联动，对土地使用和矿山地质环境保护、土地复垦情况开展联合抽查，“进一次门、查多项事”',
    procedure: '双方确定事项和检查人员 → 封存名单并公布承诺值 → 见证、录入公告号码 → 摇号 → 联合实地核查 → 各自记录、共同公示',
    divisionOfLabour: '舞钢市土地利用股牵头；平顶山市执法监察支队派员参加，每个检查组双方各至少一人',
    confidentiality: '摇号前名单封存，检查结果公示前不得对外泄露',
    startsOn: '2026-09-07',
    endsOn: '2026-10-30',
    teamSize: 2,
    joint: true,
    leadDepartmentId: toGlobalId('Department', lead.department.id),
    items: lead.items.map((i) => ({ itemId: toGlobalId('InspectionItem', i.id), ratio: '0.10' })),
  });
  await approveTask(witness, toGlobalId('Task', task.id), '同意开展市县联合专项检查');
  const mine = await inTenant(services.db, partner.viewer!.tenantId, async (m) => ({
    department: await m.findOneByOrFail(Department, { name: '执法监察支队' }),
    items: await m.find(InspectionItem, { order: { position: 'ASC' } }),
    inspectors: await m.find(Inspector, { order: { certificateNo: 'ASC' } }),
  }));
  const part = await inviteParticipant(office, toGlobalId('Task', task.id), toGlobalId('Department', mine.department.id), '请派员参加2026年市县联合抽查');
  const partId = toGlobalId('JointParticipation', part.id);
  await respondToInvitation(partner, partId, true, '同意参加，派执法监察支队人员');
  await savePart(partner, partId, {
    itemIds: mine.items.map((i) => toGlobalId('InspectionItem', i.id)),
    inspectorIds: mine.inspectors.map((i) => toGlobalId('Inspector', i.id)),
  });
  // Replayed as held, with the public number as its announcement wrote it (free text: no declared length).
  const draw = await commitDraw(office, toGlobalId('Task', task.id), new Date('2026-09-01T09:00:00+08:00'), undefined, null);
  const drawId = toGlobalId('Draw', draw.id);
  await addEntropy(witness, drawId, 'WITNESS', '舞钢市纪检监察 见证值 2026-0901-1015');
  await addEntropy(office, drawId, 'PUBLIC_NUMBER', '中国福利彩票3D 2026236期 开奖号码 2 7 5');
  await performDraw(office, drawId, new Date('2026-09-01T10:15:00+08:00'));
}
