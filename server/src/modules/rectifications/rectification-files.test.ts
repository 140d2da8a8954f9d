import { toGlobalId } from '@spotcheck/shared';
import { codes, startTestApp, type GqlResult, type TestApp } from '../../test-support/test-app';
import { getFile, postFile, sample, sha256 } from '../../test-support/evidence-files';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';

const OPEN = `mutation($i: ID!) { openRectification(inspectionId: $i, dueWorkingDays: 10, basis: "限期整改") { id } }`;
const ENTITY = `query($c: String!) { entityRectification(accessCode: $c) { status files { id fileName sha256 url } } }`;
const REPORT = `mutation($c: String!, $b: String!) { reportEntityRectification(accessCode: $c, body: $b) { status files { id } } }`;
const STAFF = `query($i: ID!) { inspectionRectifications(inspectionId: $i) { id reportFiles { id fileName sha256 url } } }`;
const EVIDENCE = `query($id: ID!) { node(id: $id) { ... on Inspection { evidence { id } } } }`;
const RECHECK = `mutation($id: ID!) { recordRectificationRecheck(id: $id, passed: true, result: "复查合格") { status } }`;

/** The entity's rectification report carries files too (the evidence upload's types and limits), through its access code only. */
describe('files of the entity’s rectification report', () => {
  let t: TestApp;
  const ok = (r: GqlResult) => {
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
  });
  afterAll(() => t.close());

  it('takes photos and documents by the access code, shows them to the entity and the staff, and stops at the re-check', async () => {
    const [wugang] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    const [record, other] = await t.sql(
      `SELECT i.id, i.access_code, i.team_ids FROM inspections i WHERE i.tenant_id = $1 AND i.status = 'PUBLISHED' AND i.corrected_by_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.tenant_id = i.tenant_id AND r.inspection_id = i.id) ORDER BY i.seq LIMIT 2`,
      [wugang.id],
    );
    const upload = (code: string, bytes: Buffer, name: string) =>
      postFile(`${t.url}/api/entity-records/rectification/files`, bytes, name, code ? { 'x-access-code': code } : {});
    const inspection = toGlobalId('Inspection', record.id);

    // Nothing to attach to before a rectification is open.
    expect((await upload(record.access_code, sample.png(), '整改前.png')).status).toBe(404);
    const office = await t.login('wugang.admin');
    const opened = ok(await t.gql(OPEN, { i: inspection }, office)).openRectification;

    const photo = sample.png(4096);
    const sent = await upload(record.access_code, photo, '整改后现场.png');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ fileName: '整改后现场.png', sha256: sha256(photo) });
    expect((await upload(record.access_code, sample.pdf(), '整改报告.pdf')).status).toBe(201);
    // The evidence upload's checks: what the bytes are, not the name.
    expect((await upload(record.access_code, sample.text(), '伪装.png')).status).toBe(415);
    // Another entity's code reaches nothing of it, and no code nothing at all.
    expect((await upload(other.access_code, sample.png(), 'x.png')).status).toBe(404);
    expect((await upload('', sample.png(), 'x.png')).status).toBeGreaterThanOrEqual(400);

    const entityFiles = ok(await t.gql(ENTITY, { c: record.access_code })).entityRectification.files;
    expect(entityFiles.map((f: { fileName: string }) => f.fileName)).toEqual(['整改后现场.png', '整改报告.pdf']);
    const download = await getFile(`${t.url}${entityFiles[0].url}`, { 'x-access-code': record.access_code });
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(sha256(photo));
    expect((await getFile(`${t.url}${entityFiles[0].url}`, { 'x-access-code': other.access_code })).status).toBe(404);

    // The staff see them with the rectification, not among the team's evidence; the report lists them.
    const staff = ok(await t.gql(STAFF, { i: inspection }, office)).inspectionRectifications[0];
    expect(staff.reportFiles.map((f: { sha256: string }) => f.sha256)).toEqual([sha256(photo), expect.any(String)]);
    expect((await getFile(`${t.url}${staff.reportFiles[0].url}`, { authorization: `Bearer ${office}` })).status).toBe(200);
    const changde = await t.login('changde.admin');
    expect((await getFile(`${t.url}${staff.reportFiles[0].url}`, { authorization: `Bearer ${changde}` })).status).toBe(404);
    expect(ok(await t.gql(EVIDENCE, { id: inspection }, office)).node.evidence.map((e: { id: string }) => e.id)).not.toContain(staff.reportFiles[0].id);
    const [row] = await t.sql(`SELECT report_files FROM rectifications WHERE inspection_id = $1`, [record.id]);
    expect(row.report_files.map((f: { fileName: string }) => f.fileName)).toEqual(['整改后现场.png', '整改报告.pdf']);
    // Sealed: the team cannot remove it.
    const [{ username: member }] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) LIMIT 1`, [
      record.team_ids,
    ]);
    const memberToken = await t.login(member);
    expect(codes(await t.gql(`mutation($id: ID!) { removeEvidence(id: $id) }`, { id: staff.reportFiles[0].id }, memberToken))).toEqual(['NOT_FOUND']);

    // After the re-check, no more files.
    ok(await t.gql(REPORT, { c: record.access_code, b: '已整改，见附件' }));
    ok(await t.gql(RECHECK, { id: opened.id }, memberToken));
    const late = await upload(record.access_code, sample.png(), '补充.png');
    expect(late.status).toBe(409);
    expect(ok(await t.gql(ENTITY, { c: record.access_code })).entityRectification.files).toHaveLength(2);
  });
});
