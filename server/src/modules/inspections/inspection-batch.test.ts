import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';

const BATCH = `mutation($ids: [ID!]!, $action: InspectionAction!, $comment: String) {
  transitionInspections(ids: $ids, action: $action, comment: $comment) { id ok code rule message inspection { id status } } }`;
const PROGRESS = 'query($id: ID!) { node(id: $id) { ... on Task { inspectionProgress { status count } } } }';

let nextSeq = 30_000;

/**
 * Records of a bureau at `status`, written straight into the database against its first drawn draw (or a
 * made-up draw id where it has none): the team's and the review's steps are tested elsewhere.
 */
async function records(t: TestApp, n: number, status: string, region = '410481'): Promise<string[]> {
  const rows = await t.sql(
    `WITH bureau AS (SELECT id FROM tenants WHERE region_code = $1),
          draw AS (SELECT d.id, d.task_id FROM draws d, bureau WHERE d.tenant_id = bureau.id AND d.status = 'DRAWN' ORDER BY d.drawn_at LIMIT 1)
     INSERT INTO inspections (tenant_id, draw_id, seq, task_id, entity_id, entity_uscc, entity_name, item_ids, team_ids, status, inspected_on, place,
                              site_conditions, result_category, content_hash, access_code, access_code_hash, submitted_at)
     SELECT bureau.id, COALESCE((SELECT id FROM draw), gen_random_uuid()), $2 + g, (SELECT task_id FROM draw), e.id, e.uscc, e.name,
            ARRAY(SELECT it.id FROM inspection_items it WHERE it.tenant_id = bureau.id ORDER BY it.position LIMIT 1), '{}', $3, '2023-06-20',
            '检查对象生产经营场所', '现场核查', 'NO_PROBLEM', 'test', 'TEST-CODE', md5(random()::text), now()
       FROM bureau, generate_series(0, $4 - 1) g,
            LATERAL (SELECT me.id, me.uscc, me.name FROM market_entities me WHERE me.tenant_id = bureau.id ORDER BY me.uscc OFFSET g % 20 LIMIT 1) e
     RETURNING id`,
    [region, nextSeq, status, n],
  );
  nextSeq += n;
  return rows.map((r) => toGlobalId('Inspection', r.id));
}

const statusOf = async (t: TestApp, ids: string[]) =>
  (await t.sql(`SELECT status FROM inspections WHERE id = ANY($1) ORDER BY array_position($1, id)`, [ids.map((id) => fromGlobalUuid(id, 'Inspection'))])).map(
    (r) => r.status,
  );

describe('batch workflow steps: many records in one call, each with the single step’s rules and its own answer', () => {
  let t: TestApp;
  let leader: string;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    leader = await t.login('wugang.leader');
    office = await t.login('wugang.admin');
  });
  afterAll(() => t.close());

  it('approves 50 records in one call and answers for each', async () => {
    const ids = await records(t, 50, 'REVIEWED');
    const result = await t.gql(BATCH, { ids, action: 'APPROVE', comment: '同意' }, leader);
    expect(result.errors).toBeUndefined();
    const answers = result.data.transitionInspections;
    expect(answers.map((a: any) => a.id)).toEqual(ids);
    expect(answers.every((a: any) => a.ok && a.code === null && a.inspection.status === 'APPROVED')).toBe(true);
    expect(new Set(await statusOf(t, ids))).toEqual(new Set(['APPROVED']));
    const [steps] = await t.sql(
      `SELECT count(*)::int AS n, count(DISTINCT inspection_id)::int AS records FROM inspection_steps s JOIN users u ON u.id = s.user_id
        WHERE s.inspection_id = ANY($1) AND s.action = 'APPROVE' AND u.username = 'wugang.leader' AND s.comment = '同意'`,
      [ids.map((id) => fromGlobalUuid(id, 'Inspection'))],
    );
    expect(steps).toEqual({ n: 50, records: 50 });
    const [audit] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'inspection.approve' AND object_id = ANY($1)`, [ids]);
    expect(audit.n).toBe(50);
  });

  it('refuses the records the single step would refuse (wrong status, the viewer’s own other duty, the wrong role) and moves the rest', async () => {
    const [fine1, fine2, fine3] = await records(t, 3, 'REVIEWED');
    const [submitted] = await records(t, 1, 'SUBMITTED');
    const [reviewedByLeader] = await records(t, 1, 'REVIEWED');
    // The leader reviewed this one as a department head: approving it too would be a second duty of one record.
    await t.sql(
      `INSERT INTO inspection_steps (tenant_id, id, inspection_id, action, to_status, comment, user_id, user_name)
       SELECT i.tenant_id, gen_random_uuid(), i.id, 'PASS_REVIEW', 'REVIEWED', null, u.id, u.display_name
         FROM inspections i, users u WHERE i.id = $1 AND u.username = 'wugang.leader'`,
      [fromGlobalUuid(reviewedByLeader!, 'Inspection')],
    );
    const ids = [fine1!, submitted!, fine2!, reviewedByLeader!, fine3!];
    const answers = (await t.gql(BATCH, { ids, action: 'APPROVE' }, leader)).data.transitionInspections;
    expect(answers.map((a: any) => [a.ok, a.code, a.rule])).toEqual([
      [true, null, null],
      [false, 'RULE_VIOLATION', 'INSPECTION_STATE'],
      [true, null, null],
      [false, 'RULE_VIOLATION', 'duties.onePerRecord'],
      [true, null, null],
    ]);
    expect(answers[3].message).toContain('同一检查记录的填报、审核、审批、公示须由不同的人办理');
    expect(answers[1].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await statusOf(t, ids)).toEqual(['APPROVED', 'SUBMITTED', 'APPROVED', 'REVIEWED', 'APPROVED']);

    // The office does not approve: a leader's approval is the LEADER's, refused record by record.
    const [another] = await records(t, 1, 'REVIEWED');
    const byOffice = (await t.gql(BATCH, { ids: [another], action: 'APPROVE' }, office)).data.transitionInspections;
    expect(byOffice.map((a: any) => [a.ok, a.code])).toEqual([[false, 'FORBIDDEN']]);
    // A return without its comment is refused for each record, as the single step refuses it.
    const returned = (await t.gql(BATCH, { ids: [another], action: 'REJECT' }, leader)).data.transitionInspections;
    expect(returned.map((a: any) => [a.ok, a.code])).toEqual([[false, 'BAD_USER_INPUT']]);
    expect(await statusOf(t, [another!])).toEqual(['REVIEWED']);
    // The office publishes what the leader approved.
    const published = (await t.gql(BATCH, { ids: [fine1, fine2], action: 'PUBLISH' }, office)).data.transitionInspections;
    expect(published.map((a: any) => a.inspection?.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
  });

  it('refuses another bureau’s record as not found, tells nothing of it and leaves it alone', async () => {
    const [own] = await records(t, 1, 'REVIEWED');
    const [foreign] = await records(t, 1, 'REVIEWED', '410400');
    const answers = (await t.gql(BATCH, { ids: [foreign, own], action: 'APPROVE' }, leader)).data.transitionInspections;
    expect(answers.map((a: any) => [a.id, a.ok, a.code])).toEqual([
      [foreign, false, 'NOT_FOUND'],
      [own, true, null],
    ]);
    expect(answers[0].inspection).toBeNull();
    expect(answers[0].message).toBe('检查记录不存在或不可见');
    // Answered exactly as an id that exists nowhere.
    const nowhere = toGlobalId('Inspection', crypto.randomUUID());
    const unknown = (await t.gql(BATCH, { ids: [nowhere], action: 'APPROVE' }, leader)).data.transitionInspections;
    expect({ ...unknown[0], id: '<id>' }).toEqual({ ...answers[0], id: '<id>' });
    expect(await statusOf(t, [foreign!])).toEqual(['REVIEWED']);
    const [steps] = await t.sql(`SELECT count(*)::int AS n FROM inspection_steps WHERE inspection_id = $1`, [fromGlobalUuid(foreign!, 'Inspection')]);
    expect(steps.n).toBe(0);
  });

  it('caps a batch at 200 records with a clear error and moves none', async () => {
    const ids = await records(t, 201, 'REVIEWED');
    const result = await t.gql(BATCH, { ids, action: 'APPROVE' }, leader);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('一次最多办理 200 条检查记录');
    expect(new Set(await statusOf(t, ids))).toEqual(new Set(['REVIEWED']));
    expect(codes(await t.gql(BATCH, { ids: [], action: 'APPROVE' }, leader))).toEqual(['BAD_USER_INPUT']);
  });

  it('counts a task’s records by status for its own bureau only', async () => {
    const [task] = await t.sql(
      `SELECT d.task_id FROM draws d JOIN tenants n ON n.id = d.tenant_id WHERE n.region_code = '410481' AND d.status = 'DRAWN' LIMIT 1`,
    );
    const taskId = toGlobalId('Task', task.task_id);
    const progress = (await t.gql(PROGRESS, { id: taskId }, office)).data.node.inspectionProgress;
    const expected = await t.sql(`SELECT status, count(*)::int AS count FROM inspections WHERE task_id = $1 GROUP BY status`, [task.task_id]);
    expect(progress.filter((p: any) => p.count > 0).sort((a: any, b: any) => a.status.localeCompare(b.status))).toEqual(
      expected.sort((a: any, b: any) => a.status.localeCompare(b.status)),
    );
    expect(progress.map((p: any) => p.status)).toEqual(['DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'APPROVED', 'PUBLISHED']);
    // Another bureau reads neither the task nor its counts.
    const other = await t.login('pingdingshan.admin');
    const foreign = await t.gql(PROGRESS, { id: taskId }, other);
    expect(foreign.data?.node ?? null).toBeNull();
  });
});
