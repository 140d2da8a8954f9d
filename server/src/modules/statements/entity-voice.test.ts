import { Client } from 'pg';
import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { getFile, postFile, sample, sha256 } from '../../test-support/evidence-files';
import { APP_ROLE } from '../../db/data-source';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';

const RECORD = `query($code: String!) { entityRecord(accessCode: $code) {
  status statusLabel bureau entityName entityUscc inspectedOn findings result { label } items team reportDueOn publishedAt correctionReason
  statements { id kind body afterReportDue afterPublication answer answeredBy recheckRequired recheckResult settled attachments { fileName sha256 sealed url } }
  draft { id attachments { id } } evidence { id } history { status findings publishedAt } } }`;
const DRAFT = `mutation($code: String!, $kind: StatementKind!, $body: String) { saveEntityStatementDraft(accessCode: $code, kind: $kind, body: $body) { id submittedAt attachments { id } } }`;
const SUBMIT = `mutation($code: String!, $kind: StatementKind!, $body: String!) { submitEntityStatement(accessCode: $code, kind: $kind, body: $body) {
  id kind submittedAt afterReportDue afterPublication settled attachments { id fileName sealed sha256 url } } }`;
const ANSWER = `mutation($id: ID!, $answer: String!, $recheck: Boolean) { answerEntityStatement(id: $id, answer: $answer, recheck: $recheck) { id answer answeredBy recheckRequired settled } }`;
const RECHECK = `mutation($id: ID!, $result: String!) { recordRecheck(id: $id, result: $result) { id recheckResult settled } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!) { transitionInspection(id: $id, action: $action) { status } }`;
const STATEMENTS = `query($id: ID!) { node(id: $id) { ... on Inspection { statements { id kind answer recheckResult settled inspection { id } attachments { fileName } } } } }`;
const OFFICE_LIST = `query($after: Boolean, $open: Boolean) { entityStatements(afterPublication: $after, open: $open) { totalCount edges { node { id kind afterPublication inspection { id status } } } } }`;

interface DemoRecord {
  id: string;
  code: string;
  team: string[];
  outsider: string;
  head: string;
}

describe('the entity’s voice: its record by access code, statements and objections, the team’s answers and re-checks', () => {
  let t: TestApp;
  let office: string;
  let stranger: string;
  let published: DemoRecord;
  let returned: DemoRecord;
  let underReview: DemoRecord;
  let otherReturned: DemoRecord;
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;

  /** Anonymous GraphQL from a given client address (the app trusts X-Forwarded-For from loopback). */
  async function pub<T = any>(query: string, variables: Record<string, unknown>, ip = '198.51.100.1'): Promise<GqlResult<T>> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  async function demoRecord(status: string, offset = 0): Promise<DemoRecord> {
    const [row] = await t.sql(`SELECT id, access_code, team_ids, item_ids FROM inspections WHERE status = $1 ORDER BY seq OFFSET $2 LIMIT 1`, [status, offset]);
    const team = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [row.team_ids]);
    const [outsider] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = (SELECT tenant_id FROM inspections WHERE id = $1) AND NOT (i.id = ANY($2)) ORDER BY u.username LIMIT 1`,
      [row.id, row.team_ids],
    );
    const [head] = await t.sql(
      `SELECT u.username FROM inspection_items it JOIN departments d ON d.id = it.department_id JOIN users u ON u.id = d.head_user_id WHERE it.id = $1`,
      [row.item_ids[0]],
    );
    return {
      id: toGlobalId('Inspection', row.id),
      code: row.access_code,
      team: await Promise.all(team.map((r) => as(r.username))),
      outsider: await as(outsider.username),
      head: await as(head.username),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '1' }); // the test speaks as the one proxy in front, naming each client's address
    // 舞钢's 2023 results as the demo has them: published, under review and returned records.
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    office = await as('wugang.admin');
    stranger = await as('changde.admin');
    published = await demoRecord('PUBLISHED', 3);
    returned = await demoRecord('RETURNED');
    otherReturned = await demoRecord('RETURNED', 1);
    underReview = await demoRecord('SUBMITTED');
  });
  afterAll(() => t.close());

  it('lets the entity read its record by the code alone, typed loosely, without an account', async () => {
    const loose = published.code.toLowerCase().replace(/-/g, ' ');
    const read = await pub(RECORD, { code: loose });
    expect(read.errors).toBeUndefined();
    const record = read.data.entityRecord;
    expect(record).toMatchObject({ status: 'PUBLISHED', statusLabel: '已公示', statements: [], draft: null, evidence: [], history: [] });
    expect(record.bureau).toMatch(/舞钢/);
    expect(record.result.label).toBeTruthy();
    expect(record.items.length).toBeGreaterThan(0);
    expect(record.team).toHaveLength(2);
    expect(record.publishedAt).toBeTruthy();
  });

  it('answers a wrong code with NOT_FOUND and no hint, and stops an address after ten wrong codes', async () => {
    const ip = '203.0.113.7';
    const unknown = await pub(RECORD, { code: '2345-6789-ABCD' }, ip);
    const malformed = await pub(RECORD, { code: 'hello' }, ip);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(malformed.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(unknown.data).toBeNull();
    for (let i = 3; i <= 9; i++) expect(codes(await pub(RECORD, { code: `2345-6789-ABC${'DEFGHJK'[i - 3]}` }, ip))).toEqual(['NOT_FOUND']);
    const tenth = await pub(RECORD, { code: '2345-6789-ABCZ' }, ip);
    expect(tenth.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(tenth.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
    // Even the right code waits now, from that address (over GraphQL and HTTP); others are not affected.
    expect(codes(await pub(RECORD, { code: published.code }, ip))).toEqual(['RATE_LIMITED']);
    const http = await postFile(`${t.url}/api/entity-records/statements/x/attachments`, sample.png(), 'a.png', {
      'x-access-code': published.code,
      'x-forwarded-for': ip,
    });
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await pub(RECORD, { code: published.code }, '203.0.113.8')).errors).toBeUndefined();
  });

  it('accepts an objection after the report was due and after publication, flagged for the office, on to a correction', async () => {
    const sent = await pub(SUBMIT, { code: published.code, kind: 'OBJECTION', body: '我单位已于检查前补报复垦方案，检查结果与事实不符，请予复核。' });
    expect(sent.errors).toBeUndefined();
    const objection = sent.data.submitEntityStatement;
    expect(objection).toMatchObject({ kind: 'OBJECTION', afterReportDue: true, afterPublication: true, settled: false, attachments: [] });
    const flagged = (await t.gql(OFFICE_LIST, { after: true, open: true }, office)).data.entityStatements;
    expect(flagged.edges.map((e: any) => e.node)).toEqual([
      { id: objection.id, kind: 'OBJECTION', afterPublication: true, inspection: { id: published.id, status: 'PUBLISHED' } },
    ]);
    expect(codes(await t.gql(OFFICE_LIST, {}, published.team[0]))).toEqual(['FORBIDDEN']);
    const [audit] = await t.sql(`SELECT actor_user_id, after FROM audit_events WHERE action = 'statement.submit' ORDER BY seq DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor_user_id: null, after: { by: 'entity', kind: 'OBJECTION', afterPublication: true } });

    // The office opens a correction: the entity now sees it, with the published original as history.
    const corrected = await t.gql(
      `mutation($id: ID!) { correctInspection(id: $id, reason: "检查对象异议成立，更正检查结果") { id } }`,
      { id: published.id },
      office,
    );
    const correction = corrected.data.correctInspection.id;
    const seen = (await pub(RECORD, { code: published.code })).data.entityRecord;
    expect(seen).toMatchObject({ status: 'DRAFT', correctionReason: '检查对象异议成立，更正检查结果', history: [{ status: 'PUBLISHED' }] });
    expect(seen.statements.map((s: any) => s.id)).toEqual([objection.id]);
    // The correction is part of the same report: its statements include the objection, which must be answered first.
    expect((await t.gql(STATEMENTS, { id: correction }, office)).data.node.statements.map((s: any) => [s.id, s.inspection.id])).toEqual([
      [objection.id, published.id],
    ]);
    for (const member of published.team) await t.gql(`mutation($id: ID!) { confirmInspection(id: $id) { id } }`, { id: correction }, member);
    const blocked = await t.gql(MOVE, { id: correction, action: 'SUBMIT' }, published.team[0]);
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'inspection.objections', statements: [objection.id] });
    expect(
      (await t.gql(ANSWER, { id: objection.id, answer: '经核实，异议成立，已更正检查结果。' }, published.team[1])).data.answerEntityStatement,
    ).toMatchObject({ settled: true, recheckRequired: false });
    expect((await t.gql(MOVE, { id: correction, action: 'SUBMIT' }, published.team[0])).data.transitionInspection.status).toBe('SUBMITTED');
  });

  it('takes a statement with attachments: a draft collects them, submission seals them', async () => {
    const draft = (await pub(DRAFT, { code: returned.code, kind: 'OBJECTION', body: '' })).data.saveEntityStatementDraft;
    expect(draft.submittedAt).toBeNull();
    // The same draft comes back until it is submitted.
    expect((await pub(DRAFT, { code: returned.code, kind: 'OBJECTION', body: '草稿' })).data.saveEntityStatementDraft.id).toBe(draft.id);
    const url = `${t.url}/api/entity-records/statements/${draft.id}/attachments`;
    const photo = sample.jpeg(50_000);
    const attached = await postFile(url, photo, '补报回执.jpg', { 'x-access-code': returned.code });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ fileName: '补报回执.jpg', contentType: 'image/jpeg', sha256: sha256(photo), sealed: false, byEntity: true });
    expect((await postFile(url, sample.text(), 'a.pdf', { 'x-access-code': returned.code })).status).toBe(415);
    expect((await postFile(url, photo, 'a.jpg', { 'x-access-code': published.code })).status).toBe(404); // another record's code
    expect((await postFile(url, photo, 'a.jpg')).status).toBe(404);
    // Staff do not see a draft's attachment.
    expect((await getFile(`${t.url}/api/evidence/${attached.body.id}`, { authorization: `Bearer ${office}` })).status).toBe(404);

    const sent = (await pub(SUBMIT, { code: returned.code, kind: 'OBJECTION', body: '现场检查时复垦方案已报备，附报备回执。' })).data.submitEntityStatement;
    expect(sent).toMatchObject({
      id: draft.id,
      afterReportDue: true,
      afterPublication: false,
      attachments: [{ fileName: '补报回执.jpg', sealed: true, sha256: sha256(photo) }],
    });
    const late = await postFile(url, photo, 'b.jpg', { 'x-access-code': returned.code });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'statement.submitted' });
    await expect(t.sql(`UPDATE inspection_statements SET body = '改写' WHERE body LIKE '现场检查时%'`)).rejects.toThrow(/never changes/);
    await expect(t.sql(`DELETE FROM evidence_files WHERE statement_id IS NOT NULL`)).rejects.toThrow(/sealed evidence/);
  });

  it('holds the record’s submission until the team has answered the objection and recorded its re-check', async () => {
    const [objection] = (await t.gql(STATEMENTS, { id: returned.id }, office)).data.node.statements;
    expect((await t.gql(STATEMENTS, { id: returned.id }, returned.outsider)).data.node.statements).toBeNull();
    const refused = await t.gql(MOVE, { id: returned.id, action: 'SUBMIT' }, returned.team[0]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'inspection.objections' });
    expect(codes(await t.gql(ANSWER, { id: objection.id, answer: '不是本组' }, returned.outsider))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECHECK, { id: objection.id, result: '太早' }, returned.team[0]))).toEqual(['RULE_VIOLATION']);
    const answered = (await t.gql(ANSWER, { id: objection.id, answer: '收到回执，将到现场复核。', recheck: true }, returned.team[0])).data
      .answerEntityStatement;
    expect(answered).toMatchObject({ recheckRequired: true, settled: false, answeredBy: expect.any(String) });
    expect(codes(await t.gql(ANSWER, { id: objection.id, answer: '再答一次' }, returned.team[0]))).toEqual(['CONFLICT']);
    expect((await t.gql(MOVE, { id: returned.id, action: 'SUBMIT' }, returned.team[0])).errors?.[0]?.message).toMatch(/复核/);
    const rechecked = (await t.gql(RECHECK, { id: objection.id, result: '复核确认复垦方案已按期报备，问题不成立。' }, returned.team[1])).data.recordRecheck;
    expect(rechecked).toMatchObject({ settled: true });
    expect((await t.gql(MOVE, { id: returned.id, action: 'SUBMIT' }, returned.team[0])).data.transitionInspection.status).toBe('SUBMITTED');
    // The entity reads the answer and the re-check with its record.
    const seen = (await pub(RECORD, { code: returned.code })).data.entityRecord;
    expect(seen.statements).toEqual([
      expect.objectContaining({
        answer: '收到回执，将到现场复核。',
        recheckRequired: true,
        recheckResult: '复核确认复垦方案已按期报备，问题不成立。',
        settled: true,
      }),
    ]);
  });

  it('holds review too, for an objection made while the record waits for it', async () => {
    await pub(SUBMIT, { code: underReview.code, kind: 'OBJECTION', body: '对检查结果有异议。' });
    const refused = await t.gql(MOVE, { id: underReview.id, action: 'PASS_REVIEW' }, underReview.head);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'inspection.objections' });
    const [objection] = (await t.gql(STATEMENTS, { id: underReview.id }, underReview.head)).data.node.statements;
    await t.gql(ANSWER, { id: objection.id, answer: '经核实，检查结果无误。' }, underReview.team[0]);
    expect((await t.gql(MOVE, { id: underReview.id, action: 'PASS_REVIEW' }, underReview.head)).data.transitionInspection.status).toBe('REVIEWED');
    // A statement (not an objection) never holds the record.
    await pub(SUBMIT, { code: underReview.code, kind: 'STATEMENT', body: '补充说明经营情况。' });
    expect((await t.gql(MOVE, { id: underReview.id, action: 'APPROVE' }, await as('wugang.leader'))).data.transitionInspection.status).toBe('APPROVED');
  });

  it('serves an attachment only within the bureau or by the code; the team’s evidence by code only once published', async () => {
    const seen = (await pub(RECORD, { code: returned.code })).data.entityRecord;
    const attachment = seen.statements[0].attachments[0];
    expect(attachment.url).toMatch(/^\/api\/entity-records\/evidence\//);
    const id = attachment.url.split('/').pop();
    const byCode = await getFile(`${t.url}${attachment.url}`, { 'x-access-code': returned.code });
    expect(byCode.status).toBe(200);
    expect(sha256(byCode.bytes)).toBe(attachment.sha256);
    expect(byCode.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect((await getFile(`${t.url}${attachment.url}`, { 'x-access-code': otherReturned.code })).status).toBe(404);
    expect((await getFile(`${t.url}/api/evidence/${id}`, { authorization: `Bearer ${office}` })).status).toBe(200);
    expect((await getFile(`${t.url}/api/evidence/${id}`, { authorization: `Bearer ${returned.outsider}` })).status).toBe(403);
    expect((await getFile(`${t.url}/api/evidence/${id}`, { authorization: `Bearer ${stranger}` })).status).toBe(404);

    const teamFile = await postFile(`${t.url}/api/inspections/${otherReturned.id}/evidence`, sample.png(), '现场.png', {
      authorization: `Bearer ${otherReturned.team[0]}`,
    });
    expect(teamFile.status).toBe(201);
    expect((await getFile(`${t.url}/api/entity-records/evidence/${teamFile.body.id}`, { 'x-access-code': otherReturned.code })).status).toBe(404);
    expect((await pub(RECORD, { code: otherReturned.code })).data.entityRecord.evidence).toEqual([]);
  });

  it('keeps another bureau’s staff away from the statements at both walls', async () => {
    const [objection] = (await t.gql(STATEMENTS, { id: returned.id }, office)).data.node.statements;
    expect(codes(await t.gql(STATEMENTS, { id: returned.id }, stranger))).toEqual(['NOT_FOUND']);
    expect((await t.gql(OFFICE_LIST, {}, stranger)).data.entityStatements.totalCount).toBe(0);
    expect((await t.gql(OFFICE_LIST, {}, office)).data.entityStatements.totalCount).toBe(4);
    expect(codes(await t.gql(ANSWER, { id: objection.id, answer: 'x' }, await as('changde.inspector01')))).toEqual(['NOT_FOUND']);
    const [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      for (const table of ['inspection_statements', 'evidence_files']) {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [changde]);
        const { rows } = await app.query(`SELECT * FROM ${table}`);
        await app.query('ROLLBACK');
        expect({ table, rows }).toEqual({ table, rows: [] });
      }
      // The failure count and the code lookup's table stay closed to the app role.
      await expect(app.query('SELECT * FROM access_code_failures')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
