import { startTestApp, codes, type TestApp } from '../test-support/test-app';
import { MAX_TEXT } from '../graphql/limits';
import { ask, wsCodes, type WsAnswer } from './support/ws-ask';

/**
 * Every case the HTTP security tests make about who may do what, sent over graphql-ws too: the answer
 * (error codes and data) must be the same on both transports. Each case also states what HTTP must
 * answer, so two transports wrong in the same way still fail.
 */
describe('one set of rules for HTTP and the websocket', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let changdeDepartmentId: string;
  let changdeUserId: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    for (const name of ['changde.admin', 'changde.inspector01', 'changde.supervisor', 'wugang.admin']) tokens[name] = await t.login(name);
    ({
      id: changdeUserId,
      department: { id: changdeDepartmentId },
    } = (await t.gql('{ me { id department { id } } }', {}, tokens['changde.inspector01'])).data.me);
  });
  afterAll(() => t.close());

  const overWs = (query: string, variables: Record<string, unknown>, token?: string): Promise<WsAnswer> => ask(t.url, query, variables, token);
  const answerOf = (a: WsAnswer) => (a.type === 'next' ? { codes: wsCodes(a), data: a.payload.data ?? null } : { codes: wsCodes(a), data: null });

  interface Case {
    name: string;
    query: string;
    variables?: () => Record<string, unknown>;
    token?: () => string | undefined;
    /** What HTTP must answer: the error codes, and the data when it matters. */
    codes: string[];
    data?: unknown;
  }

  const CASES: Case[] = [
    { name: 'anonymous asks for the staff', query: '{ users(first: 1) { totalCount } }', codes: ['UNAUTHENTICATED'] },
    {
      name: 'an inspector reads the audit trail',
      query: '{ auditEvents(first: 1) { totalCount } }',
      token: () => tokens['changde.inspector01'],
      codes: ['FORBIDDEN'],
    },
    {
      name: 'an inspector invites a colleague',
      query: 'mutation { inviteUser(input: { username: "x.parity", displayName: "同", roles: [OFFICE] }) { user { id } } }',
      token: () => tokens['changde.inspector01'],
      codes: ['FORBIDDEN'],
    },
    {
      name: 'another bureau’s department by node()',
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: () => ({ id: changdeDepartmentId }),
      token: () => tokens['wugang.admin'],
      codes: ['NOT_FOUND'],
    },
    {
      name: 'another bureau’s user by node()',
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: () => ({ id: changdeUserId }),
      token: () => tokens['wugang.admin'],
      codes: ['NOT_FOUND'],
    },
    { name: 'a forged token', query: '{ me { id } }', token: () => `${tokens['changde.admin'].slice(0, -4)}AAAA`, codes: [], data: { me: null } },
    {
      name: 'a text over the limit',
      query: 'query($s: String) { entities(search: $s) { totalCount } }',
      variables: () => ({ s: 'x'.repeat(MAX_TEXT + 1) }),
      token: () => tokens['changde.admin'],
      codes: ['BAD_USER_INPUT'],
    },
    {
      name: 'too many aliases',
      query: `{ ${Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
      token: () => tokens['changde.admin'],
      codes: ['QUERY_TOO_COMPLEX'],
    },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const variables = c.variables?.() ?? {};
    const token = c.token?.();
    const http = await t.gql(c.query, variables, token);
    expect(codes(http)).toEqual(c.codes);
    if (c.data !== undefined) expect(http.data).toEqual(c.data);
    const ws = answerOf(await overWs(c.query, variables, token));
    expect(ws.codes).toEqual(c.codes);
    if (c.data !== undefined) expect(ws.data).toEqual(c.data);
  });

  it('a signed-out session is anonymous on both transports', async () => {
    const login = await t.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token refreshToken } }', {
      u: 'changde.supervisor',
      p: 'spotcheck-demo',
    });
    const { token, refreshToken } = login.data.login;
    expect((await t.gql('{ me { username } }', {}, token)).data.me.username).toBe('changde.supervisor');
    expect(answerOf(await overWs('{ me { username } }', {}, token)).data).toEqual({ me: { username: 'changde.supervisor' } });
    expect(codes(await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: refreshToken }, token))).toEqual([]);
    expect((await t.gql('{ me { username } }', {}, token)).data.me).toBeNull();
    expect(answerOf(await overWs('{ me { username } }', {}, token)).data).toEqual({ me: null });
    expect(codes(await t.gql('{ auditEvents(first: 1) { totalCount } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    expect(answerOf(await overWs('{ auditEvents(first: 1) { totalCount } }', {}, token)).codes).toEqual(['UNAUTHENTICATED']);
  });
});
