import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { dateCeremony, drawWugangTask, liftYearCaps } from '../../test-support/draw-fixture';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { Client } from 'pg';
import { inTenant } from '../../db/tenancy';
import { APP_ROLE } from '../../db/data-source';
import { workdaysLateFor } from '../calendar/workdays';
import { chainDue, todayInChina } from './inspection-deadlines';
import { proposeHandling } from '../../test-support/handling-fixture';

const FIELDS = `id status inspectedOn reportDueOn reviewDueOn approvalDueOn publicationDueOn reportOverdue reportedLateDays publishedLateDays availableActions`;
const OPEN = `mutation($draw: ID!, $seq: Int!) { openInspection(drawId: $draw, seq: $seq) { ${FIELDS} } }`;
const SAVE = `mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { ${FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmInspection(id: $id) { id } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $comment: String) { transitionInspection(id: $id, action: $action, comment: $comment) { ${FIELDS} } }`;
const content = (inspectedOn: string) => ({
  inspectedOn,
  place: '舞钢市垭口工业园',
  siteConditions: '现场核查用地范围与批准文件一致',
  findings: null,
  resultCategory: 'NO_PROBLEM',
  interviewNotes: '询问法定代表人',
});
const ruleOf = (r: any) => r.errors?.[0]?.extensions?.rule;

describe('dates that hold: the inspection date, the chain of deadlines and the late marks', () => {
  let t: TestApp;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    // Two tests here each draw a 2023 舞钢 task over the same items: the yearly 频次 would refuse the second.
    await liftYearCaps(t);
  });
  afterAll(() => t.close());

  /** The first drawn entity of a draw, its team's tokens, and a head who reviews it. */
  async function firstSelection(drawId: string) {
    const [s] = await t.sql(`SELECT seq, inspector_ids, item_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [
      fromGlobalUuid(drawId, 'Draw'),
    ]);
    const team = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [
      s.inspector_ids,
    ]);
    const [head] = await t.sql(
      `SELECT u.username FROM users u JOIN inspection_items it ON it.department_id = u.department_id WHERE it.id = $1 AND 'DEPARTMENT_HEAD' = ANY(u.roles)`,
      [s.item_ids[0]],
    );
    return { seq: s.seq as number, members: await Promise.all(team.map((r) => t.login(r.username))), head: await t.login(head.username) };
  }

  it('refuses a date outside the task window or before the draw, on save and on submit (seen: 08-15 for a 09-01–11-30 task drawn on 12-07)', async () => {
    const { drawId } = await drawWugangTask(t, { startsOn: '2023-09-01', endsOn: '2023-11-30', title: '舞钢市2023年秋季抽查（测试）' });
    const drawUuid = fromGlobalUuid(drawId, 'Draw')!;
    await dateCeremony(t, drawUuid, '2023-12-07');
    const { seq, members } = await firstSelection(drawId);
    const record = (await t.gql(OPEN, { draw: drawId, seq }, members[0])).data.openInspection;

    const before = await t.gql(SAVE, { id: record.id, input: content('2023-08-15') }, members[0]);
    expect(codes(before)).toEqual(['RULE_VIOLATION']);
    expect(ruleOf(before)).toBe('inspection.dateInWindow');
    expect(before.errors?.[0]?.message).toContain('2023-09-01 至 2023-11-30');
    const early = await t.gql(SAVE, { id: record.id, input: content('2023-11-20') }, members[0]);
    expect(codes(early)).toEqual(['RULE_VIOLATION']);
    expect(ruleOf(early)).toBe('inspection.dateAfterDraw');
    // Nothing was written.
    const [stored] = await t.sql(`SELECT inspected_on, report_due_on, place FROM inspections WHERE id = $1`, [fromGlobalUuid(record.id, 'Inspection')]);
    expect(stored).toEqual({ inspected_on: null, report_due_on: null, place: null });

    // Held on 09-01 instead, the same record takes a date inside the window.
    await dateCeremony(t, drawUuid, '2023-09-01');
    const saved = await t.gql(SAVE, { id: record.id, input: content('2023-09-15') }, members[0]);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveInspection.inspectedOn).toBe('2023-09-15');
    await proposeHandling(t, record.id, members[0]!);

    // A date that got in some other way (an older version, a changed window) does not pass the submission.
    for (const member of members) expect((await t.gql(CONFIRM, { id: record.id }, member)).errors).toBeUndefined();
    await dateCeremony(t, drawUuid, '2023-09-20');
    const submitted = await t.gql(MOVE, { id: record.id, action: 'SUBMIT' }, members[0]);
    expect(codes(submitted)).toEqual(['RULE_VIOLATION']);
    expect(ruleOf(submitted)).toBe('inspection.dateAfterDraw');
    const [after] = await t.sql(`SELECT status, submitted_at FROM inspections WHERE id = $1`, [fromGlobalUuid(record.id, 'Inspection')]);
    expect(after).toEqual({ status: 'DRAFT', submitted_at: null });
  });

  it('holds a joint task’s participant to the lead’s window and draw day', async () => {
    await seedDemoJointTask(t.app.services);
    const [part] = await t.sql(
      `SELECT p.id, p.tenant_id FROM joint_participants p JOIN tenants n ON n.id = p.tenant_id WHERE n.region_code = '410400' AND p.status = 'ACCEPTED'`,
    );
    const [drawn] = await t.sql(
      `SELECT s.seq, s.inspector_ids FROM draw_selections s JOIN draws d ON d.id = s.draw_id
        WHERE d.task_id = (SELECT task_id FROM joint_participants WHERE id = $1) ORDER BY s.seq LIMIT 1`,
      [part.id],
    );
    const [member] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) AND i.tenant_id = $2 LIMIT 1`, [
      drawn.inspector_ids,
      part.tenant_id,
    ]);
    const token = await t.login(member.username);
    const opened = await t.gql(
      `mutation($p: ID!, $s: Int!) { openJointInspection(participationId: $p, seq: $s) { id } }`,
      { p: toGlobalId('JointParticipation', part.id), s: drawn.seq },
      token,
    );
    expect(opened.errors).toBeUndefined();
    const id = opened.data.openJointInspection.id;
    // The demo's joint task: window 2026-09-07–10-30, drawn 2026-09-01.
    const outside = await t.gql(SAVE, { id, input: content('2026-11-02') }, token);
    expect(codes(outside)).toEqual(['RULE_VIOLATION']);
    expect(ruleOf(outside)).toBe('inspection.dateInWindow');
    expect((await t.gql(SAVE, { id, input: content('2026-09-15') }, token)).errors).toBeUndefined();
    // The dates' view shows a joint task to its two parties only.
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      const view = async (region: string) => {
        await app.query('BEGIN');
        try {
          const [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [region]);
          await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
          return (await app.query('SELECT participation_id, drawn_on FROM joint_part_dates')).rows;
        } finally {
          await app.query('ROLLBACK');
        }
      };
      expect(await view('410400')).toEqual([{ participation_id: part.id, drawn_on: '2026-09-01' }]);
      expect(await view('410481')).toEqual([{ participation_id: part.id, drawn_on: '2026-09-01' }]);
      expect(await view('430700')).toEqual([]);
      expect(await view('410000')).toEqual([]);
    } finally {
      await app.end();
    }
  });

  it('counts the chain from the report on the bureau’s calendar, across the 2023 National Day holidays', async () => {
    const { review, approval, publication } = await inTenant(t.app.services.db, wugang, (m) => chainDue(m, wugang, '2023-09-27'));
    // 09-29 – 10-06 off, Saturday 10-07 and Sunday 10-08 worked.
    expect([review.date, approval.date, publication.date]).toEqual(['2023-10-08', '2023-10-11', '2023-10-17']);
    expect(await inTenant(t.app.services.db, wugang, (m) => workdaysLateFor(m, wugang, '2023-09-28', '2023-10-09'))).toBe(3);
    expect(await inTenant(t.app.services.db, wugang, (m) => workdaysLateFor(m, wugang, '2023-10-09', '2023-10-09'))).toBe(0);
  });

  it('marks a late report and a late publication for good (seen: a report two months late read reportOverdue: false afterwards)', async () => {
    const { drawId } = await drawWugangTask(t, { title: '舞钢市2023年抽查（逾期测试）' });
    const { seq, members, head } = await firstSelection(drawId);
    const leader = await t.login('wugang.leader');
    const office = await t.login('wugang.admin');
    const record = (await t.gql(OPEN, { draw: drawId, seq }, members[0])).data.openInspection;
    const saved = (await t.gql(SAVE, { id: record.id, input: content('2023-06-20') }, members[0])).data.saveInspection;
    expect(saved).toMatchObject({ reportDueOn: '2023-06-26', reportOverdue: true, reportedLateDays: null });
    await proposeHandling(t, record.id, members[0]!);
    for (const member of members) await t.gql(CONFIRM, { id: record.id }, member);

    const today = todayInChina();
    const late = await inTenant(t.app.services.db, wugang, (m) => workdaysLateFor(m, wugang, '2023-06-26', today));
    const chain = await inTenant(t.app.services.db, wugang, (m) => chainDue(m, wugang, today));
    expect(late).toBeGreaterThan(40);
    const submitted = (await t.gql(MOVE, { id: record.id, action: 'SUBMIT' }, members[0])).data.transitionInspection;
    // No longer overdue now, but late for good; and review, approval and publication are due from the report.
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      reportOverdue: false,
      reportedLateDays: late,
      reviewDueOn: chain.review.date,
      approvalDueOn: chain.approval.date,
      publicationDueOn: chain.publication.date,
    });

    // Sent back and handed in again: the mark stays as it was first set.
    await t.gql(MOVE, { id: record.id, action: 'RETURN', comment: '请补充询问笔录' }, head);
    expect((await t.gql(MOVE, { id: record.id, action: 'SUBMIT' }, members[0])).data.transitionInspection.reportedLateDays).toBe(late);
    expect((await t.gql(MOVE, { id: record.id, action: 'PASS_REVIEW' }, head)).errors).toBeUndefined();
    expect((await t.gql(MOVE, { id: record.id, action: 'APPROVE' }, leader)).data.transitionInspection.publicationDueOn).toBe(chain.publication.date);

    // Publication two working days after a due date the office let pass.
    const due = await inTenant(t.app.services.db, wugang, async (m) => {
      let day = today;
      for (let back = 0; (await workdaysLateFor(m, wugang, day, today)) < 2; back += 1)
        day = new Date(Date.parse(`${today}T00:00:00Z`) - (back + 1) * 86_400_000).toISOString().slice(0, 10);
      return day;
    });
    await t.sql(`UPDATE inspections SET publication_due_on = $2 WHERE id = $1`, [fromGlobalUuid(record.id, 'Inspection'), due]);
    const published = (await t.gql(MOVE, { id: record.id, action: 'PUBLISH' }, office)).data.transitionInspection;
    expect(published).toMatchObject({ status: 'PUBLISHED', reportedLateDays: late, publishedLateDays: 2 });
  });
});
