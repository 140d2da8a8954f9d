import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { getFile, postFile, sample, sha256 } from '../../test-support/evidence-files';
import { APP_ROLE } from '../../db/data-source';
import { proposeHandling } from '../../test-support/handling-fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('@20minutes/s3rver');

const CONTENT = {
  inspectedOn: '2023-06-20',
  place: '舞钢市垭口工业园',
  siteConditions: '现场核查用地范围与批准文件一致',
  findings: null,
  resultCategory: 'NO_PROBLEM',
  interviewNotes: null,
};
const EVIDENCE = `query($id: ID!) { node(id: $id) { ... on Inspection { status evidence { id fileName contentType size sha256 sealed byEntity url } } } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $comment: String) { transitionInspection(id: $id, action: $action, comment: $comment) { status } }`;
const REMOVE = `mutation($id: ID!) { removeEvidence(id: $id) }`;
const VERIFY = `mutation($id: ID!) { verifyInspectionEvidence(inspectionId: $id) { ok files { status actualSha256 file { id fileName sha256 } } } }`;

/** A record of the first drawn entity, written and confirmed by its team, ready to submit. */
async function openRecord(t: TestApp) {
  const { drawId } = await drawWugangTask(t);
  const [selection] = await t.sql(`SELECT seq, inspector_ids, item_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [
    fromGlobalUuid(drawId, 'Draw'),
  ]);
  const team = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [
    selection.inspector_ids,
  ]);
  const members = await Promise.all(team.map((r) => t.login(r.username)));
  const opened = await t.gql(`mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }`, { d: drawId, s: selection.seq }, members[0]);
  const id = opened.data.openInspection.id as string;
  await t.gql(`mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }`, { id, input: CONTENT }, members[0]);
  await proposeHandling(t, id, members[0]!);
  for (const member of members) await t.gql(`mutation($id: ID!) { confirmInspection(id: $id) { id } }`, { id }, member);
  const [other] = await t.sql(
    `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = (SELECT tenant_id FROM inspectors WHERE id = $1) AND NOT (i.id = ANY($2)) ORDER BY u.username LIMIT 1`,
    [selection.inspector_ids[0], selection.inspector_ids],
  );
  const [item] = await t.sql(
    `SELECT d.head_user_id, u.username FROM inspection_items i JOIN departments d ON d.id = i.department_id JOIN users u ON u.id = d.head_user_id WHERE i.id = $1`,
    [selection.item_ids[0]],
  );
  return { id, members, outsider: await t.login(other.username), head: await t.login(item.username) };
}

describe('evidence: uploaded by the team, typed by its bytes, sealed on submission, re-hashed on demand', () => {
  let t: TestApp;
  let record: string;
  let members: string[];
  let outsider: string;
  let head: string;
  let office: string;
  let leader: string;
  let stranger: string;
  let tenantId: string;
  const png = sample.png(40_000);
  const pdf = sample.pdf(5_000);
  let pngId: string;
  let pdfId: string;
  const upload = (bytes: Buffer, name: string, token?: string, id = record) =>
    postFile(`${t.url}/api/inspections/${id}/evidence`, bytes, name, token ? { authorization: `Bearer ${token}` } : {});
  const download = (id: string, token?: string) => getFile(`${t.url}/api/evidence/${id}`, token ? { authorization: `Bearer ${token}` } : {});
  const objectsDir = () => path.join(t.app.services.config.dataDir, 'objects', 'evidence', tenantId);
  const storedFiles = () => (fs.existsSync(objectsDir()) ? fs.readdirSync(objectsDir()) : []);

  beforeAll(async () => {
    t = await startTestApp({ EVIDENCE_MAX_FILE_MB: '1' });
    ({ id: record, members, outsider, head } = await openRecord(t));
    office = await t.login('wugang.admin');
    leader = await t.login('wugang.leader');
    stranger = await t.login('changde.admin');
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM inspections WHERE id = $1`, [fromGlobalUuid(record, 'Inspection')]);
  });
  afterAll(() => t.close());

  it('takes the team’s photos and documents, hashed as received, and lists them on the record', async () => {
    const photo = await upload(png, '现场照片 1.png', members[0]);
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({
      fileName: '现场照片 1.png',
      contentType: 'image/png',
      size: png.length,
      sha256: sha256(png),
      sealed: false,
      byEntity: false,
    });
    pngId = photo.body.id;
    // The type comes from the bytes: a PDF named .jpg is stored as a PDF.
    const doc = await upload(pdf, '询问笔录.jpg', members[1]);
    expect(doc.body).toMatchObject({ contentType: 'application/pdf', sha256: sha256(pdf) });
    pdfId = doc.body.id;
    const listed = (await t.gql(EVIDENCE, { id: record }, office)).data.node.evidence;
    expect(listed.map((f: any) => f.fileName)).toEqual(['现场照片 1.png', '询问笔录.jpg']);
    expect(listed[0].url).toBe(`/api/evidence/${pngId}`);
    expect(storedFiles()).toHaveLength(2);
  });

  it('serves them with their type, inline for images, with an RFC 5987 file name', async () => {
    const image = await download(pngId, head);
    expect(image.status).toBe(200);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toBe(`inline; filename="_____1.png"; filename*=UTF-8''${encodeURIComponent('现场照片 1.png')}`);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    const document = await download(pdfId, leader);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    expect(document.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence\.pdf"; filename\*=UTF-8''/);
    // Inspectors outside the team are refused; the record's evidence list is not shown to them.
    expect((await download(pngId, outsider)).status).toBe(403);
    expect((await t.gql(EVIDENCE, { id: record }, outsider)).data.node.evidence).toBeNull();
    expect((await download(pngId)).status).toBe(401);
  });

  it('refuses the wrong kind (415), the oversized (413) and anyone outside the team, leaving nothing behind', async () => {
    const before = storedFiles().length;
    const text = await upload(sample.text(), '现场照片.jpg', members[0]);
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TYPE' });
    expect(text.body.error.message).toMatch(/不支持的文件类型/);
    const big = await upload(sample.jpeg(1024 * 1024 + 10), '大图.jpg', members[0]);
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', limitBytes: 1024 * 1024, message: '文件超过 1 MB 的上限' });
    expect((await upload(png, 'x.png', outsider)).status).toBe(403);
    expect((await upload(png, 'x.png', office)).status).toBe(403);
    expect((await upload(png, 'x.png')).status).toBe(401);
    expect(storedFiles()).toHaveLength(before);
    expect(await t.sql(`SELECT count(*)::int AS n FROM evidence_files`)).toEqual([{ n: before }]);
  });

  it('keeps another bureau out at both walls', async () => {
    expect((await upload(png, 'x.png', stranger)).status).toBe(404);
    expect((await download(pngId, stranger)).status).toBe(404);
    expect(codes(await t.gql(EVIDENCE, { id: record }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REMOVE, { id: pngId }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(VERIFY, { id: record }, stranger))).toEqual(['NOT_FOUND']);
    const [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [changde]);
    expect((await app.query('SELECT * FROM evidence_files')).rows).toEqual([]);
    await app.query('ROLLBACK');
    await app.end();
  });

  it('lets the team remove an unsealed file; seals the rest on submission, for good', async () => {
    const extra = await upload(sample.docx(), '现场检查表.docx', members[0]);
    expect(extra.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(codes(await t.gql(REMOVE, { id: extra.body.id }, outsider))).toEqual(['FORBIDDEN']);
    expect((await t.gql(REMOVE, { id: extra.body.id }, members[1])).data.removeEvidence).toBe(true);
    expect(storedFiles()).toHaveLength(2);

    expect((await t.gql(MOVE, { id: record, action: 'SUBMIT' }, members[0])).data.transitionInspection.status).toBe('SUBMITTED');
    const sealed = (await t.gql(EVIDENCE, { id: record }, members[0])).data.node.evidence;
    expect(sealed.map((f: any) => f.sealed)).toEqual([true, true]);
    expect((await t.gql(REMOVE, { id: pngId }, members[0])).errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'evidence.sealed' });
    const late = await upload(png, '补充.png', members[0]);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'evidence.sealed' });
    // Not even SQL changes a sealed row.
    await expect(t.sql(`UPDATE evidence_files SET sha256 = 'x' WHERE id = $1`, [fromGlobalUuid(pngId, 'EvidenceFile')])).rejects.toThrow(
      /sealed evidence never changes/,
    );
    await expect(t.sql(`DELETE FROM evidence_files WHERE id = $1`, [fromGlobalUuid(pngId, 'EvidenceFile')])).rejects.toThrow(/sealed evidence never changes/);
  });

  it('takes new files on a returned record; the sealed ones stay', async () => {
    expect((await t.gql(MOVE, { id: record, action: 'RETURN', comment: '请补充现场照片' }, head)).data.transitionInspection.status).toBe('RETURNED');
    const added = await upload(sample.jpeg(), '补充照片.jpg', members[0]);
    expect(added.status).toBe(201);
    expect(codes(await t.gql(REMOVE, { id: pngId }, members[0]))).toEqual(['RULE_VIOLATION']);
    const listed = (await t.gql(EVIDENCE, { id: record }, office)).data.node.evidence;
    expect(listed.map((f: any) => [f.fileName, f.sealed])).toEqual([
      ['现场照片 1.png', true],
      ['询问笔录.jpg', true],
      ['补充照片.jpg', false],
    ]);
  });

  it('re-hashes the stored files: a tampered file is reported by name and in the audit log', async () => {
    expect(codes(await t.gql(VERIFY, { id: record }, members[0]))).toEqual(['FORBIDDEN']);
    const clean = await t.gql(VERIFY, { id: record }, leader);
    expect(clean.data.verifyInspectionEvidence.ok).toBe(true);

    const file = path.join(objectsDir(), fromGlobalUuid(pngId, 'EvidenceFile')!);
    fs.chmodSync(file, 0o600);
    const bytes = fs.readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    fs.rmSync(path.join(objectsDir(), fromGlobalUuid(pdfId, 'EvidenceFile')!), { force: true });

    const report = (await t.gql(VERIFY, { id: record }, office)).data.verifyInspectionEvidence;
    expect(report.ok).toBe(false);
    expect(report.files.map((f: any) => [f.file.fileName, f.status])).toEqual([
      ['现场照片 1.png', 'MISMATCH'],
      ['询问笔录.jpg', 'MISSING'],
      ['补充照片.jpg', 'OK'],
    ]);
    expect(report.files[0].actualSha256).toBe(sha256(bytes));
    const [event] = await t.sql(`SELECT after FROM audit_events WHERE action = 'evidence.verification_failed' ORDER BY seq DESC LIMIT 1`);
    expect(event.after.failed).toEqual([
      { file: pngId, fileName: '现场照片 1.png', status: 'MISMATCH', expected: sha256(png), actual: sha256(bytes) },
      { file: pdfId, fileName: '询问笔录.jpg', status: 'MISSING', expected: sha256(pdf), actual: null },
    ]);
    expect((await download(pdfId, office)).status).toBe(404);
  });
});

describe('evidence in an S3-compatible store (s3rver in this process)', () => {
  let t: TestApp;
  let s3: { close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'spotcheck' }] });
    const { port } = (await server.run()) as AddressInfo;
    s3 = server;
    t = await startTestApp({
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'spotcheck',
      S3_PREFIX: 'test/',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores, serves and verifies a file there', async () => {
    const { id, members } = await openRecord(t);
    const photo = sample.jpeg(300_000);
    const uploaded = await postFile(`${t.url}/api/inspections/${id}/evidence`, photo, '现场.jpg', { authorization: `Bearer ${members[0]}` });
    expect(uploaded.status).toBe(201);
    expect(fs.existsSync(path.join(t.app.services.config.dataDir, 'objects'))).toBe(false);
    const got = await getFile(`${t.url}${uploaded.body.url}`, { authorization: `Bearer ${members[1]}` });
    expect(got.bytes.equals(photo)).toBe(true);
    const office = await t.login('wugang.admin');
    const report = (await t.gql(VERIFY, { id }, office)).data.verifyInspectionEvidence;
    expect(report).toMatchObject({ ok: true, files: [{ status: 'OK', actualSha256: sha256(photo) }] });
  });
});
