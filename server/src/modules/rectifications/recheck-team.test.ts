import { drawRecheckTeam, toGlobalId, verifyRecheckDraw, type RecheckDraw } from '@spotcheck/shared';
import { codes, startTestApp, type GqlResult, type TestApp } from '../../test-support/test-app';
import { getFile, postFile, sample } from '../../test-support/evidence-files';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { approveRules } from '../../test-support/draw-ceremony';

const OPEN = `mutation($i: ID!, $d: Int!, $b: String!) { openRectification(inspectionId: $i, dueWorkingDays: $d, basis: $b) { id recheckTeam recheckDraw } }`;
const REPORT = `mutation($c: String!, $b: String!) { reportEntityRectification(accessCode: $c, body: $b) { status } }`;
const RECHECK = `mutation($id: ID!, $p: Boolean!, $r: String!) { recordRectificationRecheck(id: $id, passed: $p, result: $r) { status } }`;

/** 整改复查: the re-check team is the record's own or drawn at random, as the bureau's rules say when the rectification opens. */
describe('the re-check team of a rectification', () => {
  let t: TestApp;
  let wugang: string;
  let published: { id: string; team_ids: string[]; access_code: string }[];
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;
  const ok = (r: GqlResult) => {
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const usernameOf = async (inspectorId: string) =>
    (await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = $1`, [inspectorId]))[0].username as string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    // Published records without a rectification yet.
    published = await t.sql(
      `SELECT i.id, i.team_ids, i.access_code FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'PUBLISHED' AND i.corrected_by_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.tenant_id = i.tenant_id AND r.inspection_id = i.id) ORDER BY i.seq`,
      [wugang],
    );
    expect(published.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => t.close());

  it('is the record’s own team under the default rules', async () => {
    const record = published[0]!;
    const opened = ok(await t.gql(OPEN, { i: toGlobalId('Inspection', record.id), d: 10, b: '限期整改' }, await as('wugang.admin'))).openRectification;
    expect(opened.recheckDraw).toBeNull();
    const [row] = await t.sql(`SELECT recheck_team_ids, recheck_draw FROM rectifications WHERE inspection_id = $1`, [record.id]);
    expect(row).toEqual({ recheck_team_ids: record.team_ids, recheck_draw: null });
    expect(opened.recheckTeam).toHaveLength(record.team_ids.length);
  });

  it('is drawn at random from the bureau’s other inspectors once the leader approves the rule, recorded so that anyone can draw it again', async () => {
    // The office proposes the rule, a leader approves it: only then does it apply.
    const current = ok(await t.gql(`query { ruleSet { rules } }`, {}, await as('wugang.admin'))).ruleSet.rules;
    await approveRules(t, await as('wugang.admin'), { ...current, rectification: { recheckTeam: 'RANDOM' } }, '整改复查随机抽取复查组');

    const record = published[1]!;
    const opened = ok(await t.gql(OPEN, { i: toGlobalId('Inspection', record.id), d: 10, b: '限期整改' }, await as('wugang.admin'))).openRectification;
    const [row] = await t.sql(
      `SELECT id, recheck_team_ids, recheck_draw, opened_on::text AS opened_on, due_on::text AS due_on FROM rectifications WHERE inspection_id = $1`,
      [record.id],
    );
    const draw = row.recheck_draw as RecheckDraw;
    expect(opened.recheckDraw).toEqual(draw);
    // The pool: the bureau's active inspectors with an active account and a certificate valid over the period, other than the record's team.
    const pool = (
      await t.sql(
        `SELECT p.id FROM inspectors p JOIN users u ON u.id = p.user_id WHERE p.tenant_id = $1 AND p.status = 'ACTIVE' AND u.status = 'ACTIVE'
            AND p.certificate_valid_from <= $2 AND p.certificate_valid_to >= $3 AND NOT (p.id = ANY ($4)) ORDER BY p.id`,
        [wugang, row.opened_on, row.due_on, record.team_ids],
      )
    ).map((r) => r.id);
    const [{ min_size: size }] = await t.sql(
      `SELECT (rules -> 'team' ->> 'minSize')::int AS min_size FROM rule_sets WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [wugang],
    );
    expect(pool.length).toBeGreaterThanOrEqual(size);
    expect(draw).toMatchObject({
      algorithm: 'spotcheck-recheck/1',
      tenantId: wugang,
      inspectionId: record.id,
      ordinal: 0,
      openedOn: row.opened_on,
      size,
      pool,
    });
    expect(row.recheck_team_ids).toEqual(draw.team);
    expect(draw.team.some((id) => record.team_ids.includes(id))).toBe(false);
    // Anyone can draw it again from the record, and a changed record does not verify.
    expect(verifyRecheckDraw(draw)).toBe(true);
    expect(drawRecheckTeam(draw).team).toEqual(draw.team);
    expect(verifyRecheckDraw({ ...draw, team: [...draw.team].reverse() })).toBe(false);
    const [audit] = await t.sql(
      `SELECT after -> 'recheckDraw' ->> 'seedHex' AS seed FROM audit_events WHERE action = 'rectification.open' AND object_id = $1`,
      [opened.id],
    );
    expect(audit.seed).toBe(draw.seedHex);

    // The drawn team reads the entity's files and re-checks, not the record's own; other inspectors read nothing.
    const uploaded = await postFile(`${t.url}/api/entity-records/rectification/files`, sample.png(), '整改后.png', { 'x-access-code': record.access_code });
    expect(uploaded.status).toBe(201);
    ok(await t.gql(REPORT, { c: record.access_code, b: '已整改完毕' }));
    const fileUrl = `${t.url}/api/evidence/${uploaded.body.id}`;
    const drawnToken = await as(await usernameOf(draw.team[0]!));
    expect((await getFile(fileUrl, { authorization: `Bearer ${drawnToken}` })).status).toBe(200);
    const [bystander] = await t.sql(
      `SELECT u.username FROM inspectors p JOIN users u ON u.id = p.user_id WHERE p.tenant_id = $1 AND NOT (p.id = ANY ($2)) AND NOT (p.id = ANY ($3))
          AND NOT ('OFFICE' = ANY (u.roles) OR 'LEADER' = ANY (u.roles) OR 'SUPERVISOR' = ANY (u.roles) OR 'DEPARTMENT_HEAD' = ANY (u.roles)) LIMIT 1`,
      [wugang, record.team_ids, draw.team],
    );
    expect(bystander).toBeDefined();
    expect((await getFile(fileUrl, { authorization: `Bearer ${await as(bystander.username)}` })).status).toBe(403);
    const original = await as(await usernameOf(record.team_ids[0]!));
    expect(codes(await t.gql(RECHECK, { id: opened.id, p: true, r: '复查合格' }, original))).toEqual(['FORBIDDEN']);
    const drawn = await as(await usernameOf(draw.team[0]!));
    expect(ok(await t.gql(RECHECK, { id: opened.id, p: true, r: '复查合格' }, drawn)).recordRectificationRecheck.status).toBe('RECHECKED');
  });
});
