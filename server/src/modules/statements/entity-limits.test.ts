import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type GqlResult, type TestApp } from '../../test-support/test-app';
import { postFile, sample } from '../../test-support/evidence-files';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { createChangdeTask, holdCeremony } from '../../test-support/draw-ceremony';
import { approvedInspection } from '../../test-support/inspection-fixture';
import { accessCodeHash, newAccessCode } from '../inspections/access-code';

const DRAFT = `mutation($code: String!, $body: String) { saveEntityStatementDraft(accessCode: $code, kind: STATEMENT, body: $body) { id body } }`;
const SUBMIT = `mutation($code: String!, $body: String!) { submitEntityStatement(accessCode: $code, kind: OBJECTION, body: $body) { id attachments { id } } }`;

/** Small limits, so that each is reached in a few requests (the defaults are in config.ts and the README). */
const LIMITS = {
  TRUST_PROXY: '1', // the test speaks as the one proxy in front, naming each client's address
  ENTITY_STATEMENTS_PER_DAY: '3',
  ENTITY_STATEMENTS_PER_RECORD: '5',
  ENTITY_FILES_PER_DAY: '12',
  ENTITY_FILES_PER_RECORD: '15',
  ENTITY_WRITES_PER_MINUTE: '20',
  ENTITY_ADDRESS_WRITES_PER_MINUTE: '30',
};

interface CodedRecord {
  id: string;
  code: string;
}

describe('what one access code may write: rate, statements and files per day and per record, files per record for everyone', () => {
  let t: TestApp;

  /** Anonymous GraphQL from a given client address (the app trusts X-Forwarded-For from loopback). */
  async function pub<T = any>(query: string, variables: Record<string, unknown>, ip: string): Promise<GqlResult<T>> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  const attach = (record: CodedRecord, statementId: string, ip: string) =>
    postFile(`${t.url}/api/entity-records/statements/${statementId}/attachments`, sample.png(), '现场照片.png', {
      'x-access-code': record.code,
      'x-forwarded-for': ip,
    });

  /** A record of the bureau in `region`, approved and waiting, with a code of its own. */
  async function codedRecord(region = '410481'): Promise<CodedRecord> {
    const [entity] = await t.sql(`SELECT e.uscc FROM market_entities e JOIN tenants n ON n.id = e.tenant_id WHERE n.region_code = $1 ORDER BY e.uscc LIMIT 1`, [
      region,
    ]);
    const id = await approvedInspection(t, entity.uscc, 'NO_PROBLEM', { tenantRegion: region });
    const code = newAccessCode();
    await t.sql(`UPDATE inspections SET access_code = $1, access_code_hash = $2 WHERE id = $3`, [code, accessCodeHash(code), fromGlobalUuid(id, 'Inspection')]);
    return { id, code };
  }

  const statementsOf = async (record: CodedRecord) =>
    (await t.sql(`SELECT count(*)::int AS n FROM inspection_statements WHERE inspection_id = $1`, [fromGlobalUuid(record.id, 'Inspection')]))[0].n as number;
  const filesOf = async (record: CodedRecord) =>
    (await t.sql(`SELECT count(*)::int AS n FROM evidence_files WHERE inspection_id = $1`, [fromGlobalUuid(record.id, 'Inspection')]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    await drawWugangTask(t);
    const changde = await t.login('changde.admin');
    await holdCeremony(t, await createChangdeTask(t, changde, '检查对象陈述申辩限额测试'), changde, await t.login('changde.supervisor'));
  });
  afterAll(() => t.close());
  // Each case counts from zero: the rate windows of the case before are forgotten.
  beforeEach(() => t.sql('DELETE FROM rate_limit_hits'));

  it('refuses a burst from one code, then from one address, with RATE_LIMITED; other codes and addresses go on', async () => {
    const [a, b] = [await codedRecord(), await codedRecord()];
    const answers = [];
    for (let i = 1; i <= 25; i++) answers.push(await pub(DRAFT, { code: a.code, body: `草稿 ${i}` }, '198.51.100.21'));
    expect(answers.slice(0, 20).map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    for (const refused of answers.slice(20)) {
      expect(codes(refused)).toEqual(['RATE_LIMITED']);
      expect(refused.errors![0]!.message).toMatch(/操作过于频繁，请 \d+ 秒后再试/);
      expect(refused.errors![0]!.extensions!.reason).toBe('TOO_FREQUENT');
      expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Nothing written by the refused ones: the draft holds the twentieth text.
    const [draft] = await t.sql(`SELECT body FROM inspection_statements WHERE inspection_id = $1`, [fromGlobalUuid(a.id, 'Inspection')]);
    expect(draft.body).toBe('草稿 20');
    // The code is held from any address, over HTTP too (429 with Retry-After).
    const upload = await attach(a, answers[0]!.data.saveEntityStatementDraft.id, '198.51.100.99');
    expect(upload.status).toBe(429);
    expect(upload.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(upload.body.error).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_FREQUENT' });
    expect(await filesOf(a)).toBe(0);

    // Another code from the same address: five more writes, then the address (30 a minute) is held.
    for (let i = 1; i <= 5; i++) expect((await pub(DRAFT, { code: b.code, body: `乙 ${i}` }, '198.51.100.21')).errors).toBeUndefined();
    expect(codes(await pub(DRAFT, { code: b.code, body: '乙 6' }, '198.51.100.21'))).toEqual(['RATE_LIMITED']);
    // The same code from another address, and another bureau's code, go on.
    expect((await pub(DRAFT, { code: b.code, body: '乙 7' }, '198.51.100.22')).errors).toBeUndefined();
    const changde = await codedRecord('430700');
    expect((await pub(SUBMIT, { code: changde.code, body: '常德的检查对象：陈述' }, '198.51.100.23')).errors).toBeUndefined();
  });

  it('caps the statements of a code per day and per record, writing nothing when refused; another code and another bureau go on', async () => {
    const daily = await codedRecord();
    for (let i = 1; i <= 3; i++) expect((await pub(SUBMIT, { code: daily.code, body: `陈述 ${i}` }, '198.51.100.31')).errors).toBeUndefined();
    const fourth = await pub(SUBMIT, { code: daily.code, body: '陈述 4' }, '198.51.100.31');
    expect(codes(fourth)).toEqual(['RULE_VIOLATION']);
    expect(fourth.errors![0]!.extensions!.rule).toBe('statement.dailyLimit');
    expect(fourth.errors![0]!.message).toBe('同一查阅码每天最多提交 3 份陈述申辩，请明天再提交');
    expect(await statementsOf(daily)).toBe(3);

    // Five submitted on earlier days fill the record: none more, whatever the day.
    const full = await codedRecord();
    const [row] = await t.sql(`SELECT tenant_id FROM inspections WHERE id = $1`, [fromGlobalUuid(full.id, 'Inspection')]);
    await t.sql(
      `INSERT INTO inspection_statements (tenant_id, id, inspection_id, kind, body, submitted_at)
       SELECT $1, gen_random_uuid(), $2, 'STATEMENT', '早前的陈述 ' || n, now() - make_interval(days => n) FROM generate_series(1, 5) n`,
      [row.tenant_id, fromGlobalUuid(full.id, 'Inspection')],
    );
    const sixth = await pub(SUBMIT, { code: full.code, body: '第六份' }, '198.51.100.32');
    expect(codes(sixth)).toEqual(['RULE_VIOLATION']);
    expect(sixth.errors![0]!.extensions!.rule).toBe('statement.recordLimit');
    expect(await statementsOf(full)).toBe(5);

    const other = await codedRecord();
    expect((await pub(SUBMIT, { code: other.code, body: '另一查阅码' }, '198.51.100.31')).errors).toBeUndefined();
    const changde = await codedRecord('430700');
    for (let i = 1; i <= 3; i++) expect((await pub(SUBMIT, { code: changde.code, body: `常德 ${i}` }, '198.51.100.31')).errors).toBeUndefined();
  });

  it('counts the entity’s attachments in the record’s 200 files: the case of 250 files on one record', async () => {
    const record = await codedRecord();
    const id = fromGlobalUuid(record.id, 'Inspection');
    const [row] = await t.sql(`SELECT tenant_id FROM inspections WHERE id = $1`, [id]);
    // The team's 190 files (rows only: the count is what matters here).
    await t.sql(
      `INSERT INTO evidence_files (tenant_id, inspection_id, file_name, content_type, size, sha256, storage_key)
       SELECT $1, $2, 'photo-' || n || '.png', 'image/png', 1, repeat('0', 64), 'evidence/none/' || n FROM generate_series(1, 190) n`,
      [row.tenant_id, id],
    );
    const ip = '198.51.100.41';
    const draft = (await pub(DRAFT, { code: record.code, body: '附现场照片' }, ip)).data.saveEntityStatementDraft.id;
    for (let i = 1; i <= 10; i++) expect((await attach(record, draft, ip)).status).toBe(201);
    expect((await pub(SUBMIT, { code: record.code, body: '附现场照片' }, ip)).errors).toBeUndefined();
    const next = (await pub(DRAFT, { code: record.code, body: '再补充照片' }, ip)).data.saveEntityStatementDraft.id;
    const refused = await attach(record, next, ip);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'evidence.count',
      message: '每份检查记录最多 200 个证据文件（含检查对象上传的附件）',
    });
    expect(await filesOf(record)).toBe(200);
  });

  it('caps the entity’s files per day and per record', async () => {
    const record = await codedRecord();
    const ip = '198.51.100.51';
    const first = (await pub(DRAFT, { code: record.code, body: '照片一组' }, ip)).data.saveEntityStatementDraft.id;
    for (let i = 1; i <= 10; i++) expect((await attach(record, first, ip)).status).toBe(201);
    expect((await pub(SUBMIT, { code: record.code, body: '照片一组' }, ip)).errors).toBeUndefined();
    const second = (await pub(DRAFT, { code: record.code, body: '照片二组' }, ip)).data.saveEntityStatementDraft.id;
    for (let i = 1; i <= 2; i++) expect((await attach(record, second, ip)).status).toBe(201);
    const thirteenth = await attach(record, second, ip);
    expect(thirteenth.status).toBe(409);
    expect(thirteenth.body.error).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'statement.dailyFiles',
      message: '同一查阅码每天最多上传 12 个附件，请明天再上传',
    });
    expect(await filesOf(record)).toBe(12);

    // Fifteen attached on earlier days fill the entity's share of the record.
    const full = await codedRecord();
    const id = fromGlobalUuid(full.id, 'Inspection');
    const [row] = await t.sql(`SELECT tenant_id FROM inspections WHERE id = $1`, [id]);
    await t.sql(
      `INSERT INTO evidence_files (tenant_id, inspection_id, file_name, content_type, size, sha256, storage_key, uploaded_by_entity, created_at)
       SELECT $1, $2, 'old-' || n || '.png', 'image/png', 1, repeat('0', 64), 'evidence/none/' || n, true, now() - interval '2 days' FROM generate_series(1, 15) n`,
      [row.tenant_id, id],
    );
    const draft = (await pub(DRAFT, { code: full.code, body: '再补充' }, '198.51.100.52')).data.saveEntityStatementDraft.id;
    const refused = await attach(full, draft, '198.51.100.52');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'statement.recordFiles' });
    expect(await filesOf(full)).toBe(15);
  });
});
