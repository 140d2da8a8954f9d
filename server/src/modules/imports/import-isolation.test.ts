import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { ENTITY_HEADERS, importFile, testUscc, utf8Csv } from '../../test-support/import-fixtures';

// Real uploads and imports: more than jest's default 5 s under a loaded machine.
jest.setTimeout(30_000);

describe('imports and exports stay inside their bureau', () => {
  let t: TestApp;
  let changde: string;
  let wugang: string;
  let job: any;
  const download = (path: string, token: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestApp();
    changde = await t.login('changde.admin');
    wugang = await t.login('wugang.admin');
    job = await importFile(
      t,
      'entities',
      changde,
      utf8Csv([ENTITY_HEADERS, ['常德隔离测试公司', testUscc(900), '430702', '', '', '', ''], ['', testUscc(901), '430702', '', '', '', '']]),
      'isolation.csv',
      { mode: 'VALID_ROWS' },
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, errorRows: 1 });
  });
  afterAll(() => t.close());

  it('hides a job and its errors from another bureau on every GraphQL path', async () => {
    expect(codes(await t.gql('query($id: ID!) { importJob(id: $id) { id } }', { id: job.id }, wugang))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id ... on ImportJob { errors { totalCount } } } }', { id: job.id }, wugang))).toEqual([
      'NOT_FOUND',
    ]);
    const list = await t.gql('{ importJobs(first: 100) { totalCount edges { node { id } } } }', {}, wugang);
    expect(list.data.importJobs.edges.map((e: any) => e.node.id)).not.toContain(job.id);
    const own = await t.gql('query($id: ID!) { node(id: $id) { ... on ImportJob { fileName errors { totalCount } } } }', { id: job.id }, changde);
    expect(own.data.node).toEqual({ fileName: 'isolation.csv', errors: { totalCount: 1 } });
    const byKind = await t.gql('{ importJobs(kind: INSPECTORS) { totalCount } }', {}, changde);
    expect(byKind.data.importJobs.totalCount).toBe(0);
  });

  it('lets the leader and the supervisor read the bureau’s jobs, and nobody else in it', async () => {
    for (const username of ['changde.leader', 'changde.supervisor']) {
      const token = await t.login(username);
      expect((await t.gql('query($id: ID!) { importJob(id: $id) { status } }', { id: job.id }, token)).data.importJob.status).toBe('SUCCEEDED');
    }
    const inspector = await t.login('changde.inspector01');
    expect(codes(await t.gql('query($id: ID!) { importJob(id: $id) { id } }', { id: job.id }, inspector))).toEqual(['FORBIDDEN']);
    expect((await download(`/api/imports/${job.id}/errors.xlsx`, inspector)).status).toBe(404);
  });

  it('answers 404 for another bureau’s error report, and for ids that are not jobs', async () => {
    const foreign = await download(`/api/imports/${job.id}/errors.xlsx`, wugang);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: { code: 'NOT_FOUND', message: '导入任务不存在或不可见' } });
    expect((await download(`/api/imports/not-an-id/errors.xlsx`, changde)).status).toBe(404);
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'changde.admin'`);
    expect((await download(`/api/imports/${toGlobalId('User', user.id)}/errors.xlsx`, changde)).status).toBe(404);
    expect((await fetch(`${t.url}/api/imports/${job.id}/errors.xlsx`)).status).toBe(401);
  });

  it('exports only the bureau’s own rows', async () => {
    const mine = await (await download('/api/exports/entities.csv', changde)).text();
    const theirs = await (await download('/api/exports/entities.csv', wugang)).text();
    expect(mine).toContain(testUscc(900));
    expect(theirs).not.toContain(testUscc(900));
    const count = async (username: string) =>
      (await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = (SELECT tenant_id FROM users WHERE username = $1)`, [username]))[0].n;
    expect(theirs.trim().split('\r\n')).toHaveLength((await count('wugang.admin')) + 1);
    expect(mine.trim().split('\r\n')).toHaveLength((await count('changde.admin')) + 1);
    const inspectors = await (await download('/api/exports/inspectors.csv', wugang)).text();
    expect(inspectors).not.toMatch(/湘4307/); // 常德's certificate numbers
    expect((await fetch(`${t.url}/api/exports/entities.csv`)).status).toBe(401);
    expect((await download('/api/exports/other.csv', changde)).status).toBe(404);
  });
});
