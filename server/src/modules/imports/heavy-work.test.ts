import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toGlobalId } from '@spotcheck/shared';
import { codes, startTestApp, type TestApp } from '../../test-support/test-app';
import { testUscc, upload, utf8Csv, waitForJob } from '../../test-support/import-fixtures';

const WUGANG = '410481';
const HEADER = '名称,统一社会信用代码,行政区划代码,登记机关,法定代表人,地址\n';

/** A valid entity CSV of `rows` rows, numbered from `first` so that files do not collide; 常德's unless told. */
function entityCsv(rows: number, first: number, region = '430702'): Buffer {
  let text = HEADER;
  for (let n = first; n < first + rows; n += 1) text += `公司${n},${testUscc(n, region)},${region},市场监督管理局,张三,人民路${n}号\n`;
  return Buffer.from(text, 'utf8');
}

const jobStatus = async (t: TestApp, id: string, token: string) =>
  (await t.gql('query($id: ID!) { importJob(id: $id) { status } }', { id }, token)).data.importJob.status as string;

describe('each bureau’s budget of heavy work', () => {
  let t: TestApp;
  let changde: string;
  let wugang: string;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false', HEAVY_JOBS_PER_TENANT: '2', IMPORT_WORKERS: '2' });
    changde = await t.login('changde.admin');
    wugang = await t.login('wugang.admin');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-heavy-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a flooding bureau beyond its budget, in Chinese, while another bureau’s import starts and finishes at once', async () => {
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, entityCsv(200_000, 1));
    const first = await upload(t.url, 'entities', changde, big, 'big-1.csv');
    const second = await upload(
      t.url,
      'inspectors',
      changde,
      utf8Csv([
        ['姓名', '执法证号'],
        ['张三', 'A001'],
      ]),
      'second.csv',
    );
    expect([first.status, second.status]).toEqual([202, 202]);

    // The bureau's two slots are taken (one import running, one queued behind it): more is refused at once.
    const third = await upload(t.url, 'entities', changde, entityCsv(10, 900_000), 'third.csv');
    expect(third.status).toBe(429);
    expect(third.body.error).toEqual({ code: 'RATE_LIMITED', message: '本单位同时进行的导入、导出和摇号已达 2 项的上限，请等其中一项完成后再试' });
    const exported = await fetch(`${t.url}/api/exports/entities.csv`, { headers: { authorization: `Bearer ${changde}` } });
    expect(exported.status).toBe(429);
    expect(((await exported.json()) as any).error.code).toBe('RATE_LIMITED');

    // Another bureau is served throughout: its export, and its import on the worker the flooder may not take.
    const started = Date.now();
    const theirs = await fetch(`${t.url}/api/exports/entities.csv`, { headers: { authorization: `Bearer ${wugang}` } });
    expect(theirs.status).toBe(200);
    await theirs.arrayBuffer();
    const other = await upload(t.url, 'entities', wugang, entityCsv(3, 800_000, WUGANG), 'wugang.csv');
    expect(other.status).toBe(202);
    const job = await waitForJob(t, other.body.jobId, wugang);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 3, failureReason: null, errors: { totalCount: 0 } });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await jobStatus(t, first.body.jobId, changde)).toBe('RUNNING');
    expect(await jobStatus(t, second.body.jobId, changde)).toBe('QUEUED');

    // The flooder's own work goes on, in order; its slots come back when it ends.
    expect((await waitForJob(t, first.body.jobId, changde)).status).toBe('SUCCEEDED');
    expect(['SUCCEEDED', 'FAILED']).toContain((await waitForJob(t, second.body.jobId, changde)).status);
    const again = await upload(t.url, 'entities', changde, entityCsv(1, 700_000), 'again.csv');
    expect(again.status).toBe(202);
    expect((await waitForJob(t, again.body.jobId, changde)).status).toBe('SUCCEEDED');
  }, 300_000);

  it('counts draws in the same budget: a bureau whose slots are taken is refused a draw, another is not', async () => {
    const [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    const slots = [t.app.services.heavyWork.tryAcquire(tenantId), t.app.services.heavyWork.tryAcquire(tenantId)];
    try {
      const draw = 'mutation($id: ID!) { performDraw(drawId: $id) { id } }';
      const refused = await t.gql(draw, { id: toGlobalId('Draw', crypto.randomUUID()) }, changde);
      expect(codes(refused)).toEqual(['RATE_LIMITED']);
      expect(refused.errors![0]!.message).toBe('本单位同时进行的导入、导出和摇号已达 2 项的上限，请等其中一项完成后再试');
      const commit = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: toGlobalId('Task', crypto.randomUUID()) }, changde);
      expect(codes(commit)).toEqual(['RATE_LIMITED']);
      // Who may not draw at all hears that first, whatever the budget.
      expect(codes(await t.gql(draw, { id: toGlobalId('Draw', crypto.randomUUID()) }, await t.login('changde.inspector01')))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(draw, { id: toGlobalId('Draw', crypto.randomUUID()) }, wugang))).toEqual(['NOT_FOUND']);
    } finally {
      for (const release of slots) release?.();
    }
    expect(codes(await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { id } }', { id: toGlobalId('Draw', crypto.randomUUID()) }, changde))).toEqual([
      'NOT_FOUND',
    ]);
  });
});

describe('each bureau’s daily upload quota', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false', IMPORT_MB_PER_TENANT_DAY: '1' });
  });
  afterAll(() => t.close());

  it('refuses the file that goes over the bureau’s quota, nothing written, and leaves other bureaus’ quotas alone', async () => {
    const changde = await t.login('changde.admin');
    const wugang = await t.login('wugang.admin');
    const file = entityCsv(7_000, 500_000);
    expect(file.length).toBeGreaterThan(500_000);
    const first = await upload(t.url, 'entities', changde, file, 'first.csv');
    expect(first.status).toBe(202);
    expect((await waitForJob(t, first.body.jobId, changde)).status).toBe('SUCCEEDED');

    const jobsBefore = (await t.sql(`SELECT count(*)::int AS n FROM import_jobs`))[0].n;
    const over = await upload(t.url, 'entities', changde, entityCsv(7_000, 600_000), 'over.csv');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('RATE_LIMITED');
    expect(over.body.error.message).toContain('24 小时内上传导入文件的总量已达 1 MiB 的额度');
    expect((await t.sql(`SELECT count(*)::int AS n FROM import_jobs`))[0].n).toBe(jobsBefore);

    const theirs = await upload(t.url, 'entities', wugang, entityCsv(7_000, 600_000, WUGANG), 'theirs.csv');
    expect(theirs.status).toBe(202);
    expect((await waitForJob(t, theirs.body.jobId, wugang)).status).toBe('SUCCEEDED');
  }, 120_000);
});
