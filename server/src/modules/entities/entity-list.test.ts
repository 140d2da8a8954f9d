import { completeUscc } from '@spotcheck/shared';
import { fillDirectory, rowsRead, statementRecorder, type SentStatement } from '../../test-support/plan-rows';
import { startTestApp, type TestApp } from '../../test-support/test-app';

const ROWS = 30_000;
const REGION = '410481';
/** One in 1,000 names carries the rare fragment, so a search for it must not walk the directory. */
const RARE = '金泰';
const LIST = `query($search: String, $first: Int, $after: String) {
  entities(search: $search, first: $first, after: $after) { edges { cursor node { name uscc } } pageInfo { hasNextPage endCursor } } }`;

/**
 * The directory at scale (issue 17): a bureau with tens of thousands of entities, whose list pages,
 * name and USCC searches and deep pages must be served by indexes, not by counting or walking the lot.
 */
describe('entity directory lists at scale', () => {
  let t: TestApp;
  let office: string;
  let tenantId: string;
  let record: ReturnType<typeof statementRecorder>;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('wugang.admin');
    [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [REGION]);
    await fillDirectory(t, tenantId, REGION, RARE, ROWS);
    record = statementRecorder(t, 'market_entities');
  });
  afterAll(() => t.close());

  async function listStatements(variables: Record<string, unknown>): Promise<{ data: any; statements: SentStatement[] }> {
    const { result, statements } = await record(() => t.gql(LIST, variables, office));
    expect(result.errors).toBeUndefined();
    return { data: result.data, statements };
  }

  async function expectIndexBacked(variables: Record<string, unknown>): Promise<any> {
    const { data, statements } = await listStatements(variables);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const { rows, plan } = await rowsRead(t, statement, tenantId);
      expect(plan).not.toMatch(/"Seq Scan"/);
      // A page of 20 out of 30,000+: the page and what its index finds (the other bureaus' matches too), never the directory.
      expect(rows).toBeLessThan(2000);
    }
    return data.entities;
  }

  it('serves the first page, a deep page, a 2-character Chinese fragment and a USCC prefix from indexes', async () => {
    const first = await expectIndexBacked({ first: 20 });
    expect(first.edges).toHaveLength(20);
    let after = first.pageInfo.endCursor;
    for (let i = 0; i < 3; i += 1) after = (await t.gql(LIST, { first: 100, after }, office)).data.entities.pageInfo.endCursor;
    const deep = await expectIndexBacked({ first: 20, after });
    expect(deep.edges).toHaveLength(20);

    const rare = await expectIndexBacked({ search: RARE, first: 20 });
    expect(rare.edges.length).toBeGreaterThan(0);
    expect(rare.edges.every((e: any) => e.node.name.includes(RARE))).toBe(true);

    const prefix = completeUscc(`91${REGION}000012345`).slice(0, 14);
    const byCode = await expectIndexBacked({ search: prefix, first: 20 });
    expect(byCode.edges.map((e: any) => e.node.uscc.slice(0, 14))).toEqual(byCode.edges.map(() => prefix));
  });

  it('finds every entity whose name holds a 2-character Chinese fragment, in USCC order across pages', async () => {
    const expected = (await t.sql(`SELECT uscc FROM market_entities WHERE tenant_id = $1 AND strpos(name, $2) > 0 ORDER BY uscc`, [tenantId, RARE])).map(
      (r) => r.uscc,
    );
    expect(expected.length).toBeGreaterThanOrEqual(ROWS / 1000);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LIST, { search: RARE, first: 7, after }, office)).data.entities;
      seen.push(...page.edges.map((e: any) => e.node.uscc));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('pages by key through the same rows, in the same order, as the whole ordered directory', async () => {
    const expected = (await t.sql(`SELECT uscc FROM market_entities WHERE tenant_id = $1 ORDER BY uscc`, [tenantId])).map((r) => r.uscc);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LIST, { first: 100, after }, office)).data.entities;
      seen.push(...page.edges.map((e: any) => e.node.uscc));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('counts only when asked, and then exactly', async () => {
    const { statements } = await listStatements({ first: 20 });
    expect(statements.filter((s) => /count\(/i.test(s.text))).toEqual([]);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1 AND strpos(name, $2) > 0`, [tenantId, RARE]);
    const counted = await t.gql(`query($s: String) { entities(search: $s, first: 1) { totalCount } }`, { s: RARE }, office);
    expect(counted.data.entities.totalCount).toBe(n);
  });

  it('shows another bureau none of these entities, by fragment, prefix, cursor or count', async () => {
    const changde = await t.login('changde.admin');
    const ours = (rows: any[]) => rows.filter((e: any) => e.node.uscc.startsWith(`91${REGION}`));
    // 常德's own directory has names with the fragment too; none of ours may show.
    const byFragment = (await t.gql(LIST, { search: RARE, first: 100 }, changde)).data.entities.edges;
    expect(byFragment.length).toBeGreaterThan(0);
    expect(ours(byFragment)).toEqual([]);
    expect((await t.gql(LIST, { search: `91${REGION}`, first: 20 }, changde)).data.entities.edges).toEqual([]);
    const mine = (await t.gql(LIST, { first: 20 }, office)).data.entities.pageInfo.endCursor;
    expect(ours((await t.gql(LIST, { first: 100, after: mine }, changde)).data.entities.edges)).toEqual([]);
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM market_entities e JOIN tenants t ON t.id = e.tenant_id
      WHERE t.region_code = '430700' AND strpos(e.name, $1) > 0`,
      [RARE],
    );
    const counted = await t.gql(`query($s: String) { entities(search: $s) { totalCount } }`, { s: RARE }, changde);
    expect(counted.data.entities.totalCount).toBe(n);
  });

  it('lets the search view show the app only the bureau of the session, and nothing without one', async () => {
    const asApp = async (tenant: string | null) => {
      if (tenant) await t.sql(`SELECT set_config('app.tenant_id', $1, false)`, [tenant]);
      await t.sql(`SET ROLE spotcheck_app`);
      try {
        return await t.sql(`SELECT DISTINCT tenant_id FROM entity_directory_search`);
      } finally {
        await t.sql(`RESET role`);
        await t.sql(`RESET app.tenant_id`);
      }
    };
    expect(await asApp(tenantId)).toEqual([{ tenant_id: tenantId }]);
    expect(await asApp(null)).toEqual([]);
  });
});
