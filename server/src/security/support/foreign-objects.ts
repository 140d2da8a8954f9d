import { toGlobalId } from '@spotcheck/shared';
import type { TestApp } from '../../test-support/test-app';
import { inTenant } from '../../db/tenancy';
import { notify } from '../../modules/notifications/notification.service';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { postFile, sample } from '../../test-support/evidence-files';
import { approveLate, liftYearCaps } from '../../test-support/draw-fixture';

/** Every type a global id can name, with the table its rows live in. */
export const ID_TABLES: Record<string, string> = {
  Tenant: 'tenants',
  Department: 'departments',
  User: 'users',
  AuditEvent: 'audit_events',
  Session: 'sessions',
  InspectionItem: 'inspection_items',
  Inspector: 'inspectors',
  Recusal: 'recusals',
  MarketEntity: 'market_entities',
  AnnualPlan: 'annual_plans',
  Task: 'tasks',
  Draw: 'draws',
  ImportJob: 'import_jobs',
  JointParticipation: 'joint_participants',
  Inspection: 'inspections',
  Notification: 'notifications',
  EvidenceFile: 'evidence_files',
  InspectionStatement: 'inspection_statements',
  ListPublication: 'list_publications',
  RuleProposal: 'rule_proposals',
  RoleGrant: 'role_grants',
  CreditListEntry: 'credit_list_entries',
  CreditRepairRequest: 'credit_repair_requests',
  Referral: 'referrals',
  Rectification: 'rectifications',
  OwnHandlingOutcome: 'own_handling_outcomes',
};

/** Which row of a type to take when a bureau has several: one a mutation would still accept, if any. */
const PREFERRED: Partial<Record<string, string>> = {
  Task: `NOT EXISTS (SELECT 1 FROM draws d WHERE d.task_id = x.id)`,
  Draw: `x.status = 'COMMITTED'`,
  Inspection: `x.status = 'RETURNED'`,
  User: `x.username = 'wugang.head01'`,
  Department: `NOT x.is_office`,
  InspectionStatement: `x.submitted_at IS NOT NULL`,
  ListPublication: `x.status = 'SUBMITTED'`,
  RuleProposal: `x.status = 'PENDING'`,
  RoleGrant: `x.status = 'PENDING'`,
  CreditListEntry: `x.status = 'PENDING'`,
  CreditRepairRequest: `x.status = 'SUBMITTED'`,
  Referral: `x.status = 'SENT'`,
  OwnHandlingOutcome: `x.status = 'PENDING'`,
};

export interface ForeignBureau {
  tenantId: string;
  /** One global id per type, of the bureau's own rows (a joint participation it leads, for that type). */
  ids: Record<string, string>;
  /** Strings that only this bureau's data contains: names, USCCs, certificate numbers, usernames, row ids. */
  markers: string[];
}

/**
 * Makes 舞钢 hold at least one object of every type (the demo's draw, joint task with 平顶山 and
 * records, plus what the demo lacks: an open task, a committed draw, an import job, evidence, an
 * entity's statement, a recusal, a notification, a rule proposal and a role grant awaiting its leader), and answers
 * one global id of each.
 */
export async function prepareWugang(t: TestApp): Promise<ForeignBureau> {
  const services = t.app.services;
  await seedDemoDraw(services);
  await seedDemoJointTask(services);
  await seedDemoInspections(services);
  const [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  const office = await t.login('wugang.admin');
  const gql = async (query: string, variables: Record<string, unknown>, token = office) => {
    const result = await t.gql(query, variables, token);
    if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  // An open task, and another one whose pool is frozen (a committed draw).
  const items = (await gql('{ items { edges { node { id minRatio } } } }', {})).items.edges.map((e: any) => e.node);
  const plan = (await gql('{ plans { edges { node { id } } } }', {})).plans.edges[0].node.id;
  const taskInput = (title: string) => ({
    planId: plan,
    round: 1,
    title,
    purpose: '跨单位测试',
    procedure: '摇号、核查',
    divisionOfLabour: '按事项分工',
    confidentiality: '保密',
    startsOn: '2023-06-05',
    endsOn: '2023-11-24',
    teamSize: 2,
    items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
    reason: '测试：补办',
  });
  // Two 2023 tasks over once-a-year items: the yearly caps are not what these objects are for.
  await liftYearCaps(t);
  await gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: taskInput('舞钢市测试任务（未封存）') });
  const frozen = (await gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: taskInput('舞钢市测试任务（已封存）') })).createTask
    .id;
  await approveLate(t, frozen, await t.login('wugang.leader'));
  await gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: frozen });

  // A recusal, declared by the office.
  const [inspector] = await t.sql(`SELECT id FROM inspectors WHERE tenant_id = $1 ORDER BY certificate_no LIMIT 1`, [tenantId]);
  const [entity] = await t.sql(`SELECT id FROM market_entities WHERE tenant_id = $1 ORDER BY uscc LIMIT 1`, [tenantId]);
  await gql('mutation($input: RecusalInput!) { declareRecusal(input: $input) { id } }', {
    input: {
      inspectorId: toGlobalId('Inspector', inspector.id),
      entityId: toGlobalId('MarketEntity', entity.id),
      reason: '近亲属在该企业任职',
      validFrom: '2026-01-01',
    },
  });

  // An import job (a file of one bad row: the directory stays as it is).
  const upload = await postFile(`${t.url}/api/imports/entities`, Buffer.from('名称,统一社会信用代码\n坏行,123\n'), 'bad.csv', {
    authorization: `Bearer ${office}`,
  });
  if (upload.status !== 202) throw new Error(`import upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  for (let i = 0; i < 100; i += 1) {
    const [job] = await t.sql(`SELECT status FROM import_jobs WHERE tenant_id = $1`, [tenantId]);
    if (job && !['QUEUED', 'RUNNING'].includes(job.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Evidence on a returned record, uploaded by its team; an entity's statement on it, by its code.
  const [record] = await t.sql(`SELECT id, access_code, team_ids FROM inspections WHERE tenant_id = $1 AND status = 'RETURNED' ORDER BY seq LIMIT 1`, [
    tenantId,
  ]);
  const [member] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username LIMIT 1`, [
    record.team_ids,
  ]);
  const evidence = await postFile(`${t.url}/api/inspections/${toGlobalId('Inspection', record.id)}/evidence`, sample.png(), '现场照片.png', {
    authorization: `Bearer ${await t.login(member.username)}`,
  });
  if (evidence.status !== 201) throw new Error(`evidence upload: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  await gql('mutation($code: String!) { submitEntityStatement(accessCode: $code, kind: STATEMENT, body: "我单位对检查结果有补充说明") { id } }', {
    code: record.access_code,
  });

  // The inspector directory submitted to the leader, waiting for the review.
  await gql('mutation { submitListPublication(kind: INSPECTORS) { id } }', {});

  // A notification of the office.
  const [admin] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
  await inTenant(services.db, tenantId, (m) =>
    notify(m, { tenantId, userIds: [admin.id], kind: 'TEST', title: '舞钢市测试通知', dedupeKey: 'cross-tenant-test' }),
  );

  // A change of its rules, proposed by the office and awaiting the leader's review.
  const rules = (await gql('{ ruleSet { rules } }', {})).ruleSet.rules;
  await gql('mutation($r: JSON!) { proposeRuleSet(rules: $r, reason: "舞钢市测试提议：每组三人") { id } }', {
    r: { ...rules, team: { ...rules.team, minSize: 3 } },
  });

  // A supervisor invited by the office: the role waits for the leader's approval (a pending role grant).
  await gql('mutation { inviteUser(input: { username: "wugang.supervisor2", displayName: "舞钢市测试纪检", roles: [SUPERVISOR] }) { user { id } } }', {});

  // 信用公示: an entry in force (with the entity's repair request by its code) and one awaiting the leader.
  const [listed] = await t.sql(`SELECT entity_id FROM inspections WHERE tenant_id = $1 AND id = $2`, [tenantId, record.id]);
  const propose = 'mutation($input: CreditEntryInput!) { proposeCreditEntry(input: $input) { id } }';
  const entryInput = (entityId: string, list: string) => ({
    entityId: toGlobalId('MarketEntity', entityId),
    list,
    reason: '舞钢市测试名单',
    legalBasis: '000 第十八条',
    validUntil: '2030-12-31',
  });
  const inForce = (await gql(propose, { input: entryInput(listed.entity_id, 'BLACKLIST') })).proposeCreditEntry.id;
  await gql('mutation($id: ID!) { reviewCreditEntry(id: $id, approve: true, comment: "同意") { id } }', { id: inForce }, await t.login('wugang.leader'));
  await gql('mutation($input: CreditEntryInput!) { proposeCreditEntry(input: $input) { id } }', { input: entryInput(listed.entity_id, 'WATCH') });
  await gql('mutation($c: String!, $e: ID!) { requestCreditRepair(accessCode: $c, entryId: $e, reasons: "已整改") { id } }', {
    c: record.access_code,
    e: inForce,
  });
  // A published record referred to one of its own departments, sent by its leader (a referral in 舞钢 and to 舞钢).
  const [referred] = await t.sql(
    `SELECT id FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' AND coalesce(findings, '') <> '' AND result_category <> 'NO_PROBLEM' ORDER BY seq LIMIT 1`,
    [tenantId],
  );
  const [landUse] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '土地利用股'`, [tenantId]);
  const referral = (
    await gql('mutation($i: ID!, $d: ID!) { proposeReferral(inspectionId: $i, target: { departmentId: $d }, reason: "舞钢市测试移送") { id } }', {
      i: toGlobalId('Inspection', referred.id),
      d: toGlobalId('Department', landUse.id),
    })
  ).proposeReferral.id;
  await gql('mutation($id: ID!) { approveReferral(id: $id) { id } }', { id: referral }, await t.login('wugang.leader'));
  // The same record ordered to rectify (整改), recorded by the office.
  await gql('mutation($i: ID!) { openRectification(inspectionId: $i, dueWorkingDays: 10, basis: "舞钢市测试整改") { id } }', {
    i: toGlobalId('Inspection', referred.id),
  });
  // One of its own handling outcomes, awaiting its leader.
  await gql('mutation { proposeOwnHandlingOutcome(code: "WUGANG_TALK", label: "舞钢市测试约谈", behavesAs: NO_PROBLEM, reason: "舞钢市测试") { id } }', {});

  const ids: Record<string, string> = {};
  for (const [type, table] of Object.entries(ID_TABLES)) {
    const own = table === 'tenants' ? 'x.id = $1' : table === 'joint_participants' ? 'x.lead_tenant_id = $1' : 'x.tenant_id = $1';
    const preferred = PREFERRED[type] ?? 'true';
    const [row] = await t.sql(`SELECT x.id FROM ${table} x WHERE ${own} ORDER BY CASE WHEN ${preferred} THEN 0 ELSE 1 END, x.id LIMIT 1`, [tenantId]);
    if (!row) throw new Error(`舞钢 has no ${type}`);
    ids[type] = toGlobalId(type, row.id);
  }
  return { tenantId, ids, markers: await markersOf(t, tenantId, '430700') };
}

/**
 * What would betray the bureau's data in an answer: its name, usernames, USCCs, certificate numbers and
 * the ids (local and global) of its rows; minus anything the viewer's own bureau also holds.
 */
async function markersOf(t: TestApp, tenantId: string, viewerRegion: string): Promise<string[]> {
  const [{ viewer }] = await t.sql(`SELECT id AS viewer FROM tenants WHERE region_code = $1`, [viewerRegion]);
  const values = async (sql: string, tenant: string) => (await t.sql<{ v: string }>(sql, [tenant])).map((r) => r.v);
  const own = new Set([
    ...(await values(`SELECT uscc AS v FROM market_entities WHERE tenant_id = $1`, viewer)),
    ...(await values(`SELECT certificate_no AS v FROM inspectors WHERE tenant_id = $1`, viewer)),
  ]);
  const markers = ['舞钢', 'wugang.'];
  markers.push(...(await values(`SELECT uscc AS v FROM market_entities WHERE tenant_id = $1`, tenantId)));
  markers.push(...(await values(`SELECT certificate_no AS v FROM inspectors WHERE tenant_id = $1`, tenantId)));
  for (const [type, table] of Object.entries(ID_TABLES)) {
    const own = table === 'tenants' ? 'id = $1' : table === 'joint_participants' ? 'lead_tenant_id = $1 OR tenant_id = $1' : 'tenant_id = $1';
    for (const id of await values(`SELECT id::text AS v FROM ${table} WHERE ${own}`, tenantId)) markers.push(id, toGlobalId(type, id));
  }
  return [...new Set(markers)].filter((m) => !own.has(m));
}
