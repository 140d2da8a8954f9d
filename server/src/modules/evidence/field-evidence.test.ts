import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { postFile, sample } from '../../test-support/evidence-files';
import { inTenant } from '../../db/tenancy';

const EVIDENCE = `query($id: ID!) { node(id: $id) { ... on Inspection { evidence { id fileName takenAt latitude longitude positionAccuracy } } } }`;
const SAVE = `mutation($id: ID!, $input: InspectionInput!, $key: String) { saveInspection(id: $id, input: $input, clientKey: $key) { id place siteConditions } }`;
const CONTENT = { inspectedOn: null, place: '舞钢市垭口工业园', siteConditions: '现场核查', findings: null, resultCategory: null, interviewNotes: null };

/** The inspector in the field: photos with their time and position, and queued uploads and saves done once however often sent. */
describe('field evidence: time and position of a photo, idempotent uploads and saves', () => {
  let t: TestApp;
  let record: string;
  let member: string;
  let office: string;
  const upload = (fields: Record<string, string>, bytes = sample.jpeg(4_000), token = member) =>
    postFile(`${t.url}/api/inspections/${record}/evidence`, bytes, '现场照片.jpg', { authorization: `Bearer ${token}` }, fields);
  const saves = async () =>
    (await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'inspection.save' AND object_id = $1`, [record]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    const { drawId } = await drawWugangTask(t);
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [fromGlobalUuid(drawId, 'Draw')]);
    const [user] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = $1`, [selection.inspector_ids[0]]);
    member = await t.login(user.username);
    office = await t.login('wugang.admin');
    record = (await t.gql(`mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }`, { d: drawId, s: selection.seq }, member)).data
      .openInspection.id;
  });
  afterAll(() => t.close());

  it('keeps a photo’s time taken and position and shows them on the record', async () => {
    const sent = await upload({
      takenAt: '2026-12-07T09:15:30.000Z',
      latitude: '33.2901',
      longitude: '113.5203',
      accuracy: '12.5',
      clientKey: 'photo-key-0001',
    });
    expect(sent.status).toBe(201);
    const listed = (await t.gql(EVIDENCE, { id: record }, office)).data.node.evidence;
    expect(listed.find((f: any) => f.id === sent.body.id)).toMatchObject({
      takenAt: '2026-12-07T09:15:30.000Z',
      latitude: 33.2901,
      longitude: 113.5203,
      positionAccuracy: 12.5,
    });
    // Without consent no position is sent, and none is kept.
    const plain = await upload({ takenAt: '2026-12-07T09:16:00.000Z', clientKey: 'photo-key-0002' });
    expect((await t.gql(EVIDENCE, { id: record }, office)).data.node.evidence.find((f: any) => f.id === plain.body.id)).toMatchObject({
      latitude: null,
      longitude: null,
    });
  });

  it('stores one photo when the same key is sent twice (the first answer lost), and the same row answers', async () => {
    const before = (await t.gql(EVIDENCE, { id: record }, member)).data.node.evidence.length;
    const first = await upload({ clientKey: 'retry-key-0001', takenAt: '2026-12-07T10:00:00.000Z' });
    const again = await upload({ clientKey: 'retry-key-0001', takenAt: '2026-12-07T10:00:00.000Z' });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM evidence_files WHERE client_key = 'retry-key-0001'`);
    expect(n).toBe(1);
    expect((await t.gql(EVIDENCE, { id: record }, member)).data.node.evidence).toHaveLength(before + 1);
    // Two retries at once: still one.
    const both = await Promise.all([upload({ clientKey: 'retry-key-0002' }), upload({ clientKey: 'retry-key-0002' })]);
    expect(both[0].body.id).toBe(both[1].body.id);
    expect((await t.sql(`SELECT count(*)::int AS n FROM evidence_files WHERE client_key = 'retry-key-0002'`))[0].n).toBe(1);
  });

  it('refuses a half position, a position off the globe and a photo from the future, and stores nothing', async () => {
    const count = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM evidence_files WHERE inspection_id = $1`, [fromGlobalUuid(record, 'Inspection')]))[0].n;
    const before = await count();
    const bad: Record<string, string>[] = [{ latitude: '33.1' }, { latitude: '91', longitude: '113' }, { takenAt: '2999-01-01T00:00:00Z' }, { clientKey: 'x' }];
    for (const fields of bad) {
      const refused = await upload(fields);
      expect({ fields, status: refused.status, code: refused.body.error?.code }).toEqual({ fields, status: 400, code: 'BAD_USER_INPUT' });
    }
    expect(await count()).toBe(before);
  });

  it('saves once when the same save key is sent twice: one save in the trail, the later content kept', async () => {
    const before = await saves();
    const first = await t.gql(SAVE, { id: record, input: CONTENT, key: 'save-key-0001' }, member);
    expect(first.errors).toBeUndefined();
    const retry = await t.gql(SAVE, { id: record, input: CONTENT, key: 'save-key-0001' }, member);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.saveInspection).toMatchObject({ place: CONTENT.place });
    expect(await saves()).toBe(before + 1);
    // A newer save with its own key is saved; a late retry of the first key does not overwrite it.
    await t.gql(SAVE, { id: record, input: { ...CONTENT, siteConditions: '补充：现场照片 2 张' }, key: 'save-key-0002' }, member);
    const late = await t.gql(SAVE, { id: record, input: CONTENT, key: 'save-key-0001' }, member);
    expect(late.data.saveInspection.siteConditions).toBe('补充：现场照片 2 张');
    expect(await saves()).toBe(before + 2);
  });

  it('shows another bureau neither the photos nor their positions, nor lets it use the keys', async () => {
    const stranger = await t.login('changde.admin');
    const read = await t.gql(EVIDENCE, { id: record }, stranger);
    expect(read.data?.node ?? null).toBeNull();
    const upload2 = await upload({ clientKey: 'photo-key-0001' }, sample.jpeg(2_000), stranger);
    expect([403, 404]).toContain(upload2.status);
    // Under the other bureau's scope the rows and keys are not there at all (RLS), as the app role sees them.
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM client_operations WHERE object_id = $1`, [fromGlobalUuid(record, 'Inspection')]);
    expect(n).toBe(2);
    const [{ tenant_id: other }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    const seen = await inTenant(t.app.services.db, other, (m) =>
      m.query(
        `SELECT (SELECT count(*) FROM client_operations WHERE object_id = $1)::int AS ops,
        (SELECT count(*) FROM evidence_files WHERE inspection_id = $1)::int AS files`,
        [fromGlobalUuid(record, 'Inspection')],
      ),
    );
    expect(seen).toEqual([{ ops: 0, files: 0 }]);
  });
});
