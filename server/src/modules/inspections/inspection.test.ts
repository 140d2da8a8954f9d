import { Client } from 'pg';
import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { APP_ROLE } from '../../db/data-source';
import { proposeHandling } from '../../test-support/handling-fixture';

const FIELDS = `id status inspectedOn reportDueOn reportDueProvisional publicationDueOn accessCode allConfirmed availableActions
  resultCategory { code label } team { id name } confirmations { current } steps { action comment userName } corrects { id } correctedBy { id }`;
const OPEN = `mutation($draw: ID!, $seq: Int!) { openInspection(drawId: $draw, seq: $seq) { ${FIELDS} } }`;
const SAVE = `mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { ${FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmInspection(id: $id) { id } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $comment: String) { transitionInspection(id: $id, action: $action, comment: $comment) { ${FIELDS} } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Inspection { ${FIELDS} } } }`;

const CONTENT = {
  inspectedOn: '2023-06-20',
  place: '舞钢市垭口工业园',
  siteConditions: '现场核查用地范围与批准文件一致',
  findings: null,
  resultCategory: 'NO_PROBLEM',
  interviewNotes: '询问法定代表人，陈述与资料一致',
};

describe('inspection records: the team records and confirms, the department reviews, the leader approves, the office publishes', () => {
  let t: TestApp;
  let app: Client;
  let office: string;
  let leader: string;
  let drawId: string;
  let seq: number;
  let members: string[];
  let outsider: string;
  let head: string;
  let headName: string;
  let recordId: string;
  let rightDept: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    ({ drawId } = await drawWugangTask(t));
    office = await t.login('wugang.admin');
    leader = await t.login('wugang.leader');
    // The first drawn entity and its team's accounts; an inspector outside the team; a head of the item's department.
    const [selection] = await t.sql(`SELECT s.seq, s.inspector_ids, s.item_ids FROM draw_selections s WHERE s.draw_id = $1 ORDER BY s.seq LIMIT 1`, [
      fromGlobalUuid(drawId, 'Draw'),
    ]);
    seq = selection.seq;
    const team = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [
      selection.inspector_ids,
    ]);
    members = await Promise.all(team.map((r) => t.login(r.username)));
    const [other] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = (SELECT tenant_id FROM inspectors WHERE id = $1) AND NOT (i.id = ANY($2)) ORDER BY u.username LIMIT 1`,
      [selection.inspector_ids[0], selection.inspector_ids],
    );
    outsider = await t.login(other.username);
    const [item] = await t.sql(`SELECT department_id FROM inspection_items WHERE id = $1`, [selection.item_ids[0]]);
    const [wrongDept] = await t.sql(
      `SELECT id FROM departments WHERE tenant_id = (SELECT tenant_id FROM inspection_items WHERE id = $1) AND id <> $2 AND NOT is_office LIMIT 1`,
      [selection.item_ids[0], item.department_id],
    );
    // The head is an inspector outside the team: nobody reviews a record of their own team (duties.onePerRecord).
    const [headUser] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = (SELECT tenant_id FROM inspectors WHERE id = $1) AND NOT (i.id = ANY($2)) ORDER BY u.username DESC LIMIT 1`,
      [selection.inspector_ids[0], selection.inspector_ids],
    );
    headName = headUser.username;
    await t.sql(`UPDATE users SET roles = '{DEPARTMENT_HEAD}', department_id = $1 WHERE username = $2`, [wrongDept.id, headName]);
    head = await t.login(headName);
    rightDept = item.department_id;
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('opens one record per drawn entity, for the team, with an access code for the entity', async () => {
    expect(codes(await t.gql(OPEN, { draw: drawId, seq }, outsider))).toEqual(['FORBIDDEN']);
    const opened = await t.gql(OPEN, { draw: drawId, seq }, members[0]);
    expect(opened.errors).toBeUndefined();
    const record = opened.data.openInspection;
    expect(record).toMatchObject({ status: 'DRAFT', availableActions: ['SUBMIT'], allConfirmed: false });
    expect(record.accessCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    recordId = record.id;
    expect((await t.gql(OPEN, { draw: drawId, seq }, office)).data.openInspection.id).toBe(recordId);
    // The leader reads it but is not shown the entity's access code.
    expect((await t.gql(READ, { id: recordId }, leader)).data.node.accessCode).toBeNull();
  });

  it('keeps another bureau’s inspectors out at both walls', async () => {
    const stranger = await t.login('changde.inspector01');
    expect(codes(await t.gql(READ, { id: recordId }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(CONFIRM, { id: recordId }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(SAVE, { id: recordId, input: CONTENT }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(OPEN, { draw: drawId, seq }, stranger))).toEqual(['NOT_FOUND']);
    expect((await t.gql('{ inspections { totalCount } }', {}, stranger)).data.inspections.totalCount).toBe(0);
    const [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    for (const table of ['inspections', 'inspection_confirmations', 'inspection_steps', 'result_categories']) {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [changde]);
      const { rows } = await app.query(`SELECT * FROM ${table}`);
      await app.query('ROLLBACK');
      expect({ table, rows }).toEqual({ table, rows: [] });
    }
  });

  it('computes the report deadline on the official calendar (端午 2023: 22–24 June off, Sunday 25 June a working day)', async () => {
    expect(codes(await t.gql(SAVE, { id: recordId, input: { ...CONTENT, inspectedOn: '2099-01-01' } }, members[0]))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(SAVE, { id: recordId, input: { ...CONTENT, resultCategory: 'NOPE' } }, members[0]))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(SAVE, { id: recordId, input: CONTENT }, outsider))).toEqual(['FORBIDDEN']);
    const saved = await t.gql(SAVE, { id: recordId, input: CONTENT }, members[0]);
    expect(saved.errors).toBeUndefined();
    await proposeHandling(t, recordId, members[0]!);
    expect(saved.data.saveInspection).toMatchObject({
      inspectedOn: '2023-06-20',
      reportDueOn: '2023-06-26',
      reportDueProvisional: false,
      resultCategory: { label: '未发现问题' },
    });
  });

  it('submits only when every member has confirmed the content as it now reads', async () => {
    const refused = await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, members[0]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'inspection.confirmations' });
    for (const member of members) expect((await t.gql(CONFIRM, { id: recordId }, member)).errors).toBeUndefined();
    expect((await t.gql(READ, { id: recordId }, office)).data.node.allConfirmed).toBe(true);
    // A change after confirming asks everybody again.
    const changed = await t.gql(SAVE, { id: recordId, input: { ...CONTENT, findings: '复垦方案未按期报备', resultCategory: 'CORRECTED' } }, members[1]);
    expect(changed.data.saveInspection).toMatchObject({ allConfirmed: false, confirmations: [] });
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, members[0]))).toEqual(['RULE_VIOLATION']);
    for (const member of members) await t.gql(CONFIRM, { id: recordId }, member);
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, outsider))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'APPROVE' }, leader))).toEqual(['RULE_VIOLATION']);
    const submitted = await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, members[0]);
    expect(submitted.data.transitionInspection.status).toBe('SUBMITTED');
    expect(codes(await t.gql(SAVE, { id: recordId, input: CONTENT }, members[0]))).toEqual(['RULE_VIOLATION']);
  });

  it('goes through review with comments, approval with a publication deadline, and publication, each by its role', async () => {
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'PASS_REVIEW' }, head))).toEqual(['FORBIDDEN']); // another department's head
    await t.sql(`UPDATE users SET department_id = $1 WHERE username = $2`, [rightDept, headName]);
    head = await t.login(headName);
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'RETURN' }, head))).toEqual(['BAD_USER_INPUT']);
    const returned = await t.gql(MOVE, { id: recordId, action: 'RETURN', comment: '请补充复垦方案报备情况的证据' }, head);
    expect(returned.data.transitionInspection.status).toBe('RETURNED');
    await t.gql(SAVE, { id: recordId, input: { ...CONTENT, findings: '复垦方案未按期报备，已责令改正', resultCategory: 'CORRECTED' } }, members[0]);
    for (const member of members) await t.gql(CONFIRM, { id: recordId }, member);
    await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, members[0]);
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'PASS_REVIEW' }, office))).toEqual(['FORBIDDEN']);
    expect((await t.gql(MOVE, { id: recordId, action: 'PASS_REVIEW' }, head)).data.transitionInspection.status).toBe('REVIEWED');
    const approved = await t.gql(MOVE, { id: recordId, action: 'APPROVE' }, leader);
    expect(approved.data.transitionInspection.status).toBe('APPROVED');
    expect(approved.data.transitionInspection.publicationDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(codes(await t.gql(MOVE, { id: recordId, action: 'PUBLISH' }, leader))).toEqual(['FORBIDDEN']);
    const published = await t.gql(MOVE, { id: recordId, action: 'PUBLISH' }, office);
    expect(published.data.transitionInspection.status).toBe('PUBLISHED');
    expect(published.data.transitionInspection.steps.map((s: any) => [s.action, s.comment])).toEqual([
      ['SUBMIT', null],
      ['RETURN', '请补充复垦方案报备情况的证据'],
      ['SUBMIT', null],
      ['PASS_REVIEW', null],
      ['APPROVE', null],
      ['PUBLISH', null],
    ]);
  });

  it('never edits a published result: a correction is a new, linked publication', async () => {
    await expect(t.sql(`UPDATE inspections SET findings = '改写' WHERE id = $1`, [fromGlobalUuid(recordId, 'Inspection')])).rejects.toThrow(/never changes/);
    await expect(t.sql(`DELETE FROM inspections WHERE id = $1`, [fromGlobalUuid(recordId, 'Inspection')])).rejects.toThrow(/never deleted/);
    expect(codes(await t.gql(`mutation($id: ID!) { correctInspection(id: $id, reason: "x") { id } }`, { id: recordId }, leader))).toEqual(['FORBIDDEN']);
    const corrected = await t.gql(`mutation($id: ID!) { correctInspection(id: $id, reason: "检查日期记录有误") { ${FIELDS} } }`, { id: recordId }, office);
    expect(corrected.errors).toBeUndefined();
    const correction = corrected.data.correctInspection;
    expect(correction).toMatchObject({ status: 'DRAFT', corrects: { id: recordId }, inspectedOn: '2023-06-20' });
    expect(codes(await t.gql(`mutation($id: ID!) { correctInspection(id: $id, reason: "再次") { id } }`, { id: recordId }, office))).toEqual([
      'RULE_VIOLATION',
    ]);
    await t.gql(
      SAVE,
      { id: correction.id, input: { ...CONTENT, inspectedOn: '2023-06-21', findings: '复垦方案未按期报备，已责令改正', resultCategory: 'CORRECTED' } },
      members[0],
    );
    for (const member of members) await t.gql(CONFIRM, { id: correction.id }, member);
    await t.gql(MOVE, { id: correction.id, action: 'SUBMIT' }, members[0]);
    await t.gql(MOVE, { id: correction.id, action: 'PASS_REVIEW' }, head);
    await t.gql(MOVE, { id: correction.id, action: 'APPROVE' }, leader);
    await t.gql(MOVE, { id: correction.id, action: 'PUBLISH' }, office);
    const original = (await t.gql(READ, { id: recordId }, office)).data.node;
    expect(original).toMatchObject({ status: 'PUBLISHED', inspectedOn: '2023-06-20', correctedBy: { id: correction.id } });
    // Once linked, the original is frozen again.
    await expect(t.sql(`UPDATE inspections SET corrected_by_id = NULL WHERE id = $1`, [fromGlobalUuid(recordId, 'Inspection')])).rejects.toThrow(
      /never changes/,
    );
  });

  it('lets the office add its own result categories next to the standard list', async () => {
    const added = await t.gql('mutation { addResultCategory(label: "未按规定履行复垦义务", problem: true) { code label standard } }', {}, office);
    expect(added.data.addResultCategory).toMatchObject({ label: '未按规定履行复垦义务', standard: false });
    expect(codes(await t.gql('mutation { addResultCategory(label: "未发现问题", problem: false) { code } }', {}, office))).toEqual(['CONFLICT']);
    expect(codes(await t.gql('mutation { addResultCategory(label: "x", problem: false) { code } }', {}, leader))).toEqual(['FORBIDDEN']);
    const list = (await t.gql('{ resultCategories { code label } }', {}, members[0])).data.resultCategories;
    expect(list).toHaveLength(11);
    const stranger = await t.login('changde.admin');
    expect((await t.gql('{ resultCategories { code } }', {}, stranger)).data.resultCategories).toHaveLength(10);
  });
});
