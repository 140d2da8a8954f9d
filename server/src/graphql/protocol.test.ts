import { auditServer } from 'graphql-http';
import { startTestApp, codes, type TestApp } from '../test-support/test-app';
import { MAX_ALIASES, MAX_DEPTH } from './limits';

describe('GraphQL over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('passes every MUST of graphql-http’s server audit against the live server', async () => {
    const results = await auditServer({ url: `${t.url}/graphql` });
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
    expect(failedMusts).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('refuses a query nested deeper than the limit before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < MAX_DEPTH; i += 1) selection = `parent { ${selection} }`;
    const result = await t.gql(`{ me { tenant { ${selection} } } }`);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors![0]!.message).toMatch(/exceeds maximum operation depth/);
  });

  it('refuses a query whose page sizes multiply past the complexity limit', async () => {
    const token = await t.login('changde.admin');
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: users(first: 100) { edges { node { id username displayName tenant { name } } } }`);
    const result = await t.gql(`{ ${aliases.join(' ')} }`, {}, token);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.status).toBe(400);
  });

  it('refuses alias abuse', async () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `m${i}: me { id }`);
    const result = await t.gql(`{ ${aliases.join(' ')} }`);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('caps the page size and pages with cursors and totalCount', async () => {
    const token = await t.login('changde.admin');
    expect(codes(await t.gql('{ users(first: 101) { totalCount } }', {}, token))).toEqual(['BAD_USER_INPUT']);
    const page1 = (await t.gql('{ users(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { username } } } }', {}, token)).data.users;
    const [{ own }] = await t.sql(`SELECT count(*)::int AS own FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.region_code = '430700'`);
    expect(own).toBeGreaterThan(10);
    expect(page1.totalCount).toBe(own);
    expect(page1.edges).toHaveLength(10);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await t.gql(
        'query($a: String) { users(first: 10, after: $a) { pageInfo { hasNextPage hasPreviousPage } edges { node { username } } } }',
        { a: page1.pageInfo.endCursor },
        token,
      )
    ).data.users;
    expect(page2.edges).toHaveLength(own - 10);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const all = [...page1.edges, ...page2.edges].map((e: any) => e.node.username);
    expect(new Set(all).size).toBe(own);
    expect(codes(await t.gql('{ users(after: "bogus") { totalCount } }', {}, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a wrongly typed variable with BAD_USER_INPUT and hides internal errors', async () => {
    const result = await t.gql('query($n: Int) { users(first: $n) { totalCount } }', { n: 'ten' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
