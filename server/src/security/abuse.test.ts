import crypto from 'node:crypto';
import WebSocket from 'ws';
import { startAppOn, startTestApp, codes, type TestApp } from '../test-support/test-app';
import { MAX_LIST, MAX_TEXT } from '../graphql/limits';
import { MAX_SELECTIONS, MAX_TOKENS } from './document-guard';
import { MAX_BODY_BYTES } from './body-limit';
import { listen } from './support/ws-probe';

/** A raw POST to /graphql: the body as given, any content type. */
async function post(t: TestApp, body: string | FormData, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const started = performance.now();
  const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: asserted by the caller
  }
  return { status: response.status, json, text, ms: performance.now() - started };
}

const codesOf = (json: any): string[] => (json?.errors ?? []).map((e: any) => e.extensions?.code);

describe('abuse of the GraphQL endpoint', () => {
  let t: TestApp;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  describe('batching', () => {
    it('refuses an HTTP array of operations outright, running none of them', async () => {
      const attempts = Array.from({ length: 50 }, () => ({ query: 'mutation { login(username: "changde.leader", password: "guess") { token } }' }));
      const answer = await post(t, JSON.stringify(attempts));
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/batching/i);
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'auth.%' AND actor_username = 'changde.leader'`);
      expect(n).toBe(0);
      expect((await post(t, JSON.stringify([{ query: '{ __typename }' }]))).status).toBe(400);
    });

    it('stops a series of aliased sign-ins at the first failure (a mutation runs its fields one by one)', async () => {
      const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: login(username: "changde.head03", password: "guess${i}") { token }`);
      const answer = await t.gql(`mutation { ${aliases.join(' ')} }`);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'auth.%' AND actor_username = 'changde.head03'`);
      expect(n).toBe(1);
    });
  });

  describe('size', () => {
    it('answers a body over 1 MB with 413 in GraphQL’s shape, and malformed JSON with 400', async () => {
      const big = await post(t, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } }));
      expect(big.status).toBe(413);
      expect(codesOf(big.json)).toEqual(['BAD_USER_INPUT']);
      const broken = await post(t, '{"query": "{ __typename }"');
      expect(broken.status).toBe(400);
      expect(codesOf(broken.json)).toEqual(['BAD_REQUEST']);
    });

    it('refuses a text over the limit in a variable or in the document, and a list over the limit', async () => {
      const SEARCH = 'query($s: String) { entities(search: $s) { totalCount } }';
      const long = await t.gql(SEARCH, { s: 'x'.repeat(MAX_TEXT + 1) }, office);
      expect({ status: long.status, codes: codes(long) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
      expect(codes(await t.gql(SEARCH, { s: 'x'.repeat(MAX_TEXT) }, office))).toEqual([]);
      const literal = await t.gql(`{ entities(search: "${'y'.repeat(MAX_TEXT + 1)}") { totalCount } }`, {}, office);
      expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
      const ids = Array.from({ length: MAX_LIST + 1 }, () => 'x');
      expect(codes(await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids }, office))).toEqual(['BAD_USER_INPUT']);
      // A JSON variable nested deeper than any call stack is still only a refusal.
      for (const core of ['"x"', JSON.stringify('x'.repeat(MAX_TEXT + 1))]) {
        const deep = `${'['.repeat(50_000)}${core}${']'.repeat(50_000)}`;
        const body = `{"query": "mutation($r: JSON!) { proposeRuleSet(rules: $r, reason: \\"x\\") { id } }", "variables": {"r": ${deep}}}`;
        const nested = await post(t, body, { 'content-type': 'application/json', authorization: `Bearer ${office}` });
        expect({ status: nested.status, codes: codesOf(nested.json) }).toEqual({
          status: expect.any(Number),
          codes: [expect.stringMatching(/^(BAD_USER_INPUT|BAD_REQUEST)$/)],
        });
      }
    });
  });

  describe('documents that are cheap to send and dear to check', () => {
    it('refuses thousands of repeated fields before validation (quadratic in graphql-js)', async () => {
      const answer = await post(t, JSON.stringify({ query: `{ ${'__typename '.repeat(50_000)}}` }));
      expect({ status: answer.status, codes: codesOf(answer.json) }).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'] });
      expect(answer.ms).toBeLessThan(1000);
      const within = await post(t, JSON.stringify({ query: `{ ${'__typename '.repeat(MAX_SELECTIONS)}}` }));
      expect(within.status).toBe(200);
    });

    it('refuses a fragment bomb before the depth rule expands it', async () => {
      const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
      const answer = await post(t, JSON.stringify({ query: `query { ...F0 } ${fragments} fragment F40 on Query { __typename }` }));
      expect({ status: answer.status, codes: codesOf(answer.json) }).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'] });
      expect(answer.ms).toBeLessThan(1000);
    });

    it('refuses a document of too many tokens, and one nested deeper than a parser’s stack', async () => {
      const tokens = await post(t, JSON.stringify({ query: `{ __typename(${Array.from({ length: MAX_TOKENS }, (_, i) => `a${i}: 1`).join(' ')}) }` }));
      expect({ status: tokens.status, codes: codesOf(tokens.json) }).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'] });
      const deep = await post(t, JSON.stringify({ query: `${'{ me '.repeat(6000)}${'}'.repeat(6000)}` }));
      expect(deep.status).toBe(400);
      for (const [levels, code] of [
        [100, 'BAD_USER_INPUT'],
        [5000, 'GRAPHQL_PARSE_FAILED'],
      ] as const) {
        const rules = `${'['.repeat(levels)}1${']'.repeat(levels)}`;
        const literal = await post(t, JSON.stringify({ query: `mutation { proposeRuleSet(reason: "x", rules: ${rules}) { id } }` }), {
          'content-type': 'application/json',
          authorization: `Bearer ${office}`,
        });
        expect({ levels, status: literal.status, codes: codesOf(literal.json) }).toEqual({ levels, status: 400, codes: [code] });
      }
    });

    it('applies the same limits over graphql-ws: complexity, aliases, repeated fields, message size', async () => {
      const run = async (query: string) => {
        const probe = listen(t.url, query, {}, office);
        for (let i = 0; i < 50 && probe.events.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
        await probe.close();
        return JSON.stringify(probe.events);
      };
      const wide = Array.from({ length: 25 }, (_, i) => `a${i}: users(first: 100) { edges { node { id username } } }`).join(' ');
      expect(await run(`{ ${wide} }`)).toMatch(/QUERY_TOO_COMPLEX/);
      expect(await run(`{ ${Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' ')} }`)).toMatch(/QUERY_TOO_COMPLEX/);
      expect(await run(`{ ${'__typename '.repeat(20_000)}}`)).toMatch(/QUERY_TOO_COMPLEX/);
      expect(await run(`{ entities(search: "${'y'.repeat(MAX_TEXT + 1)}") { totalCount } }`)).toMatch(/BAD_USER_INPUT/);
      expect(await run('{ me { username } }')).toMatch(/changde\.admin/);

      const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(MAX_BODY_BYTES + 1) } }));
      expect(await closed).toBe(1009);
    });
  });

  describe('cross-site requests and persisted queries', () => {
    it('refuses GET and simple POSTs without a preflight header, and mutations over GET', async () => {
      const query = encodeURIComponent('{ __typename }');
      expect((await fetch(`${t.url}/graphql?query=${query}`)).status).toBe(400);
      const preflighted = await fetch(`${t.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(preflighted.status).toBe(200);
      const mutation = encodeURIComponent('mutation { logout(refreshToken: "x") }');
      expect((await fetch(`${t.url}/graphql?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(405);
      const body = JSON.stringify({ query: '{ __typename }' });
      expect((await post(t, body, { 'content-type': 'text/plain' })).status).toBe(400);
      expect((await post(t, 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
      const form = new FormData();
      form.append('operations', body);
      expect((await post(t, form, {})).status).toBe(400);
    });

    it('runs no automatic persisted queries: a hash alone runs nothing and fills no cache', async () => {
      const query = '{ __typename }';
      const sha256Hash = crypto.createHash('sha256').update(query).digest('hex');
      const register = await post(t, JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
      expect(codesOf(register.json)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
      const byHash = await post(t, JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
      expect(codesOf(byHash.json)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    });
  });

  describe('introspection', () => {
    const INTROSPECT = '{ __schema { queryType { name } types { name } } }';

    it('is open in demo mode, where the schema is the documentation (it is in the repository anyway)', async () => {
      expect((await t.gql(INTROSPECT)).data.__schema.queryType.name).toBe('Query');
    });

    it('is refused in production mode unless switched on, while __typename still works', async () => {
      for (const [env, open] of [
        [{ SPOTCHECK_MODE: 'production' }, false],
        [{ SPOTCHECK_MODE: 'production', GRAPHQL_INTROSPECTION: 'true' }, true],
      ] as const) {
        const other = await startAppOn(t, { ...env, RUN_JOBS: 'false' });
        try {
          const answer = await fetch(`${other.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: INTROSPECT }),
          });
          const json = (await answer.json()) as any;
          expect({ env, open: !!json.data?.__schema }).toEqual({ env, open });
          if (!open) expect(codesOf(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
          const typename = await fetch(`${other.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          expect(((await typename.json()) as any).data).toEqual({ __typename: 'Query' });
        } finally {
          await other.close();
        }
      }
    });
  });
});
