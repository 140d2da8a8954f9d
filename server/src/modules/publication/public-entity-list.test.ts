import { toGlobalId } from '@spotcheck/shared';
import { fillDirectory, rowsRead, statementRecorder } from '../../test-support/plan-rows';
import { startTestApp, type TestApp } from '../../test-support/test-app';

const ROWS = 30_000;
const REGION = '410481';
const RARE = '金泰';
const LIST = `query($b: ID!, $search: String, $first: Int, $after: String) {
  publicEntities(bureauId: $b, search: $search, first: $first, after: $after) { edges { node { id name uscc address } } pageInfo { hasNextPage endCursor } } }`;

/** The portal's directory at scale (issue 17): served by indexes, by key, counted only on request. */
describe('public directory lists at scale', () => {
  let t: TestApp;
  let tenantId: string;
  let bureau: string;
  let record: ReturnType<typeof statementRecorder>;

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [REGION]);
    bureau = toGlobalId('Tenant', tenantId);
    await fillDirectory(t, tenantId, REGION, RARE, ROWS);
    record = statementRecorder(t, 'public_entity_directory');
  });
  afterAll(() => t.close());

  async function expectIndexBacked(variables: Record<string, unknown>): Promise<any> {
    const { result, statements } = await record(() => t.gql(LIST, { b: bureau, ...variables }));
    expect(result.errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const { rows, plan } = await rowsRead(t, statement, null);
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^{}]*"Relation Name":"market_entities"/);
      expect(rows).toBeLessThan(2000);
    }
    return result.data.publicEntities;
  }

  async function walk(search: string | null, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LIST, { b: bureau, search, first, after })).data.publicEntities;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }

  it('serves the first page, a deep page, a 2-character Chinese fragment and a code prefix from indexes', async () => {
    const first = await expectIndexBacked({ first: 20 });
    expect(first.edges).toHaveLength(20);
    let after = first.pageInfo.endCursor;
    for (let i = 0; i < 3; i += 1) after = (await t.gql(LIST, { b: bureau, first: 100, after })).data.publicEntities.pageInfo.endCursor;
    expect((await expectIndexBacked({ first: 20, after })).edges).toHaveLength(20);
    const rare = await expectIndexBacked({ search: RARE, first: 20 });
    expect(rare.edges.length).toBeGreaterThan(0);
    expect(rare.edges.every((e: any) => e.node.name.includes(RARE))).toBe(true);
    const prefix = await expectIndexBacked({ search: `91${REGION}00001`, first: 20 });
    expect(prefix.edges.every((e: any) => e.node.uscc.startsWith(`91${REGION}00001`))).toBe(true);
  });

  it('pages by key through the whole directory in the order of the code shown, persons by their masked number', async () => {
    const expected = (
      await t.sql(
        `SELECT id FROM market_entities WHERE tenant_id = $1
        ORDER BY CASE WHEN kind = 'PERSON' THEN id_number_masked ELSE uscc END, id`,
        [tenantId],
      )
    ).map((r) => toGlobalId('MarketEntity', r.id));
    expect(await walk(null, 100)).toEqual(expected);
    const fragment = (
      await t.sql(
        `SELECT id FROM market_entities WHERE tenant_id = $1 AND strpos(name, $2) > 0
        ORDER BY CASE WHEN kind = 'PERSON' THEN id_number_masked ELSE uscc END, id`,
        [tenantId, RARE],
      )
    ).map((r) => toGlobalId('MarketEntity', r.id));
    expect(fragment.length).toBeGreaterThanOrEqual(ROWS / 1000);
    expect(await walk(RARE, 7)).toEqual(fragment);
  });

  it('counts only when asked, and then exactly, for one bureau only', async () => {
    const { statements } = await record(() => t.gql(LIST, { b: bureau, first: 20 }));
    expect(statements.filter((s) => /count\(/i.test(s.text))).toEqual([]);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1 AND strpos(name, $2) > 0`, [tenantId, RARE]);
    const counted = await t.gql(`query($b: ID!, $s: String) { publicEntities(bureauId: $b, search: $s) { totalCount } }`, { b: bureau, s: RARE });
    expect(counted.data.publicEntities.totalCount).toBe(n);
  });

  it('shows another bureau’s portal none of these entities, and refuses a forged cursor', async () => {
    const [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const theirs = (await t.gql(LIST, { b: toGlobalId('Tenant', changde), search: RARE, first: 100 })).data.publicEntities.edges;
    expect(theirs.length).toBeGreaterThan(0);
    const ours = new Set((await t.sql(`SELECT id FROM market_entities WHERE tenant_id = $1`, [tenantId])).map((r) => toGlobalId('MarketEntity', r.id)));
    expect(theirs.filter((e: any) => ours.has(e.node.id))).toEqual([]);
    const forged = await t.gql(LIST, { b: bureau, first: 5, after: Buffer.from('key:not json').toString('base64url') });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
