import { toGlobalId } from '@spotcheck/shared';
import { fillPublishedResults, rowsRead, statementRecorder } from '../../test-support/plan-rows';
import { startTestApp, type TestApp } from '../../test-support/test-app';

const ROWS = 30_000;
const REGION = '410481';
const OTHER_REGION = '430700';
const RARE = '金泰';
const LIST = `query($b: ID, $search: String, $first: Int, $after: String) {
  publicResults(bureauId: $b, search: $search, first: $first, after: $after) { edges { node { id entityName entityUscc bureau { id } } } pageInfo { hasNextPage endCursor } } }`;
const PROFILE = `query($uscc: String!, $first: Int, $after: String) {
  publicEntity(uscc: $uscc) { results(first: $first, after: $after) { edges { node { id entityUscc } } pageInfo { hasNextPage endCursor } } } }`;

/** The portal's published results at scale (issue 17): served by indexes, by key, counted only on request, within the walls. */
describe('public results at scale', () => {
  let t: TestApp;
  let tenantId: string;
  let otherId: string;
  let bureau: string;
  let record: ReturnType<typeof statementRecorder>;
  const expectedIds = async (where: string, params: unknown[]) =>
    (await t.sql(`SELECT id FROM inspections WHERE status = 'PUBLISHED' AND ${where} ORDER BY published_at DESC, id DESC`, params)).map((r) =>
      toGlobalId('Inspection', r.id),
    );

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [REGION]);
    [{ id: otherId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = $1`, [OTHER_REGION]);
    bureau = toGlobalId('Tenant', tenantId);
    await fillPublishedResults(t, tenantId, REGION, RARE, ROWS);
    // Records in the workflow, and another bureau's published ones, under the same names.
    await fillPublishedResults(t, tenantId, REGION, RARE, 3_000, 'APPROVED');
    await fillPublishedResults(t, otherId, OTHER_REGION, RARE, 3_000);
    record = statementRecorder(t, 'public_result_list');
  });
  afterAll(() => t.close());

  async function expectIndexBacked(query: string, variables: Record<string, unknown>, statementCount = 1): Promise<any> {
    const { result, statements } = await record(() => t.gql(query, variables));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(statementCount);
    for (const statement of statements) {
      const { rows, plan } = await rowsRead(t, statement, null);
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^{}]*"Relation Name":"inspections"/);
      expect(rows).toBeLessThan(2000);
    }
    return result.data;
  }

  async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LIST, { ...variables, first, after })).data.publicResults;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }

  it('serves the first page, a deep page, a 2-character fragment, a code prefix, all bureaus and one entity from indexes', async () => {
    const first = (await expectIndexBacked(LIST, { b: bureau, first: 20 })).publicResults;
    expect(first.edges).toHaveLength(20);
    let after = first.pageInfo.endCursor;
    for (let i = 0; i < 3; i += 1) after = (await t.gql(LIST, { b: bureau, first: 100, after })).data.publicResults.pageInfo.endCursor;
    expect((await expectIndexBacked(LIST, { b: bureau, first: 20, after })).publicResults.edges).toHaveLength(20);
    const rare = (await expectIndexBacked(LIST, { b: bureau, search: RARE, first: 20 })).publicResults;
    expect(rare.edges.length).toBe(20);
    expect(rare.edges.every((e: any) => e.node.entityName.includes(RARE))).toBe(true);
    const prefix = (await expectIndexBacked(LIST, { b: bureau, search: `91${REGION}00000123`, first: 20 })).publicResults;
    expect(prefix.edges.length).toBe(20);
    expect(prefix.edges.every((e: any) => e.node.entityUscc.startsWith(`91${REGION}00000123`))).toBe(true);
    expect((await expectIndexBacked(LIST, { first: 20 })).publicResults.edges).toHaveLength(20);
    const deepAll = (await t.gql(LIST, { first: 100, after })).data.publicResults.pageInfo.endCursor;
    expect((await expectIndexBacked(LIST, { first: 20, after: deepAll })).publicResults.edges).toHaveLength(20);
    // The profile's latest name, then its results.
    const profile = (await expectIndexBacked(PROFILE, { uscc: `91${REGION}0000012345`, first: 20 }, 2)).publicEntity.results;
    expect(profile.edges.map((e: any) => e.node.entityUscc)).toEqual([`91${REGION}0000012345`]);
  });

  it('sends one statement a page whatever its size, and counts nothing unless asked', async () => {
    const small = await record(() => t.gql(LIST, { b: bureau, first: 5 }));
    const large = await record(() => t.gql(LIST, { b: bureau, first: 100 }));
    expect(small.result.data.publicResults.edges).toHaveLength(5);
    expect(large.result.data.publicResults.edges).toHaveLength(100);
    expect(small.statements).toHaveLength(1);
    expect(large.statements).toHaveLength(1);
    expect([...small.statements, ...large.statements].filter((s) => /count\(/i.test(s.text))).toEqual([]);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' AND strpos(entity_name, $2) > 0`, [
      tenantId,
      RARE,
    ]);
    const counted = await t.gql(`query($b: ID, $s: String) { publicResults(bureauId: $b, search: $s) { totalCount } }`, { b: bureau, s: RARE });
    expect(counted.data.publicResults.totalCount).toBe(n);
  });

  it('pages by key through a bureau’s results, newest first, without gaps or repeats, ties broken by id', async () => {
    const expected = await expectedIds('tenant_id = $1', [tenantId]);
    expect(expected.length).toBeGreaterThanOrEqual(ROWS);
    const seen = await walk({ b: bureau }, 100);
    expect(seen).toEqual(expected);
    expect(await walk({ b: bureau, search: RARE }, 7)).toEqual(await expectedIds('tenant_id = $1 AND strpos(entity_name, $2) > 0', [tenantId, RARE]));
  });

  it('keeps its place when a result is published while someone pages', async () => {
    const page1 = (await t.gql(LIST, { b: bureau, search: RARE, first: 10 })).data.publicResults;
    await t.sql(
      `INSERT INTO inspections (tenant_id, draw_id, seq, entity_uscc, entity_name, item_ids, team_ids, status, content_hash, access_code, access_code_hash, published_at)
       VALUES ($1, gen_random_uuid(), 1, '91${REGION}9999999999', '舞钢市${RARE}新开有限公司', '{}', '{}', 'PUBLISHED', 'h', 'late', md5('late'), now())`,
      [tenantId],
    );
    const page2 = (await t.gql(LIST, { b: bureau, search: RARE, first: 10, after: page1.pageInfo.endCursor })).data.publicResults;
    const expected = await expectedIds('tenant_id = $1 AND strpos(entity_name, $2) > 0', [tenantId, RARE]);
    const at = expected.indexOf(page1.edges.at(-1).node.id);
    expect(at).toBe(10); // the new one came first
    expect(page2.edges.map((e: any) => e.node.id)).toEqual(expected.slice(at + 1, at + 11));
  });

  it('shows neither a record in the workflow nor, within a bureau, another bureau’s results', async () => {
    const unpublished = new Set((await t.sql(`SELECT id FROM inspections WHERE status <> 'PUBLISHED'`)).map((r) => toGlobalId('Inspection', r.id)));
    expect(unpublished.size).toBeGreaterThanOrEqual(3_000);
    const everywhere = await walk({ search: RARE }, 100);
    expect(everywhere).toEqual(await expectedIds('strpos(entity_name, $1) > 0', [RARE]));
    expect(everywhere.filter((id) => unpublished.has(id))).toEqual([]);
    const theirs = await walk({ b: toGlobalId('Tenant', otherId), search: RARE }, 100);
    expect(theirs).toEqual(await expectedIds('tenant_id = $1 AND strpos(entity_name, $2) > 0', [otherId, RARE]));
    const ours = new Set(await expectedIds('tenant_id = $1', [tenantId]));
    expect(theirs.filter((id) => ours.has(id))).toEqual([]);
    // A suspended bureau's results leave the portal, from every list.
    await t.sql(`UPDATE tenants SET status = 'SUSPENDED' WHERE id = $1`, [otherId]);
    try {
      const shown = await walk({ search: RARE }, 100);
      expect(shown).toEqual(await expectedIds('tenant_id = $1 AND strpos(entity_name, $2) > 0', [tenantId, RARE]));
      const profile = await t.gql(PROFILE, { uscc: `91${OTHER_REGION}0000000007`, first: 20 });
      expect(profile.data?.publicEntity?.results.edges ?? []).toEqual([]);
    } finally {
      await t.sql(`UPDATE tenants SET status = 'ACTIVE' WHERE id = $1`, [otherId]);
    }
  });

  it('refuses a forged cursor', async () => {
    for (const forged of ['key:not json', 'key:["2024-01-01", "x"]', 'offset:20']) {
      const answer = await t.gql(LIST, { b: bureau, first: 5, after: Buffer.from(forged).toString('base64url') });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
