import crypto from 'node:crypto';
import { completeUscc, toGlobalId } from '@spotcheck/shared';
import type { TestApp } from '../../test-support/test-app';
import type { ValueSamples } from './id-slots';

export const randomId = (type: string) => toGlobalId(type, crypto.randomUUID());

/**
 * 常德's own objects, one global id per type the samples need: a joint task of its own with a
 * participation of another of its departments, so that inputs naming several ids are valid but for
 * the one under test.
 */
export async function prepareChangde(t: TestApp, tokens: Record<string, string>): Promise<Record<string, string>> {
  const office = tokens['changde.admin']!;
  const gql = async (query: string, variables: Record<string, unknown> = {}, token = office) => {
    const result = await t.gql(query, variables, token);
    if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const first = async (list: string) => (await gql(`{ ${list}(first: 1) { edges { node { id } } } }`))[list].edges[0].node.id as string;
  const head = (await gql('{ me { department { id } } }', {}, tokens['changde.head01'])).me.department.id as string;
  const inspector = await gql('{ me { id tenant { id } } }', {}, tokens['changde.inspector01']);
  const [partner] = await t.sql(`SELECT u.username, d.id FROM users u JOIN departments d ON d.id = u.department_id WHERE u.username = 'changde.head02'`);
  const items = (await gql('{ items(status: PUBLISHED) { edges { node { id minRatio } } } }')).items.edges.map((e: any) => e.node);
  const plan = await first('plans');
  const task = (
    await gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', {
      input: {
        planId: plan,
        round: 1,
        title: '常德市联合抽查（跨单位测试）',
        purpose: '测试',
        procedure: '摇号、核查',
        divisionOfLabour: '牵头部门负责',
        confidentiality: '保密',
        startsOn: '2026-05-06',
        endsOn: '2026-06-26',
        teamSize: 2,
        joint: true,
        leadDepartmentId: head,
        reason: '测试：补办第一轮',
        items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
      },
    })
  ).createTask.id as string;
  const part = (
    await gql('mutation($t: ID!, $d: ID!) { inviteJointParticipant(taskId: $t, departmentId: $d) { id } }', {
      t: task,
      d: toGlobalId('Department', partner.id),
    })
  ).inviteJointParticipant.id as string;
  await gql('mutation($id: ID!) { respondJointInvitation(id: $id, accept: true) { id } }', { id: part }, await t.login(partner.username));
  return {
    Department: head,
    User: inspector.me.id,
    Tenant: inspector.me.tenant.id,
    InspectionItem: items[0].id,
    Inspector: await first('inspectors'),
    MarketEntity: await first('entities'),
    AnnualPlan: plan,
    Task: task,
    JointParticipation: part,
  };
}

/** Valid inputs of 常德: each call is refused for the one id under test, not for another mistake. */
export function changdeSamples(own: Record<string, string>, plan: any): ValueSamples {
  const inputs: ValueSamples['inputs'] = {
    ItemInput: {
      name: '测试事项',
      legalBasis: '《中华人民共和国土地管理法》',
      content: '土地使用情况',
      inspectingBody: '常德市自然资源和规划局',
      category: 'GENERAL',
      targetType: '企业',
      minRatio: '0.05',
      frequencyPerYear: 1,
      methods: ['实地核查'],
      departmentId: own.Department,
    },
    EntityInput: {
      name: '常德市测试建材有限公司',
      uscc: completeUscc('91430702MA4L0T00'.padEnd(17, '1')),
      registrationAuthority: '常德市市场监督管理局',
      legalRepresentative: '张三',
      address: '常德市武陵区人民路 1 号',
      regionCode: '430702',
      targetType: '企业',
      status: 'EXISTING',
      supervisingDepartmentId: own.Department,
    },
    InspectorInput: {
      name: '测试执法员',
      gender: 'MALE',
      post: '行政执法岗',
      enforcementCategories: ['土地'],
      certificateNo: '湘430700999001',
      certificateValidFrom: '2025-01-01',
      certificateValidTo: '2029-12-31',
      establishment: 'ADMINISTRATIVE',
      status: 'ACTIVE',
      departmentId: own.Department,
    },
    RecusalInput: { inspectorId: own.Inspector, entityId: own.MarketEntity, reason: '近亲属在该企业任职', validFrom: '2026-01-01' },
    PlanInput: {
      year: plan.year,
      title: plan.title,
      scope: plan.scope,
      rounds: plan.rounds,
      schedule: plan.schedule,
      items: plan.items.map((i: any) => ({ itemId: own.InspectionItem, ratio: i.ratio, rounds: i.rounds })).slice(0, 1),
    },
    TaskInput: {
      planId: own.AnnualPlan,
      round: 1,
      title: '常德市测试任务',
      purpose: '测试',
      procedure: '摇号、核查',
      divisionOfLabour: '分工',
      confidentiality: '保密',
      startsOn: '2026-05-06',
      endsOn: '2026-06-26',
      teamSize: 2,
      items: [{ itemId: own.InspectionItem, ratio: '0.05' }],
      joint: true,
      leadDepartmentId: own.Department,
    },
    JointPartInput: { itemIds: [own.InspectionItem], inspectorIds: [own.Inspector] },
    InspectionInput: { inspectedOn: '2026-05-20', place: '现场', siteConditions: '现场核查', resultCategory: 'NO_PROBLEM' },
    InviteUserInput: { username: 'changde.probe', displayName: '测试用户', roles: ['INSPECTOR'], departmentId: own.Department },
    UpdateUserInput: { displayName: '测试用户' },
    OnboardTenantInput: { name: '测试局', regionCode: '430702', parentId: own.Tenant, kind: 'COUNTY', adminUsername: 'probe.admin', adminDisplayName: '测试' },
    UpdateTenantInput: { name: '测试局' },
    DepartmentInput: { name: '测试科', headUserId: own.User },
  };
  const text: Record<string, string> = {
    reason: '跨单位测试',
    comment: '同意',
    message: '请派员参加',
    note: '同意',
    answer: '已核实',
    result: '复核无误',
    value: '见证值 1234',
    label: '测试类别',
    code: 'NO_PROBLEM',
  };
  return {
    inputs,
    scalar(type, name) {
      if (type === 'String') return text[name] ?? '测试';
      if (type === 'Int') return name === 'year' ? 2026 : 1;
      if (type === 'Float') return 1.5;
      if (type === 'Boolean') return name === 'accept';
      if (type === 'Date') return '2026-05-11';
      if (type === 'JSON') return {};
      if (type === 'ID') return randomId('Nothing');
      throw new Error(`no sample for ${type} ${name}`);
    },
  };
}
