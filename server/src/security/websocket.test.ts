import { startAppOn, startTestApp, codes, type TestApp } from '../test-support/test-app';
import type { RunningApp } from '../app';
import { MAX_DEPTH } from '../graphql/limits';
import WebSocket from 'ws';
import { ask, wsCodes } from './support/ws-ask';
import { DEMO_PASSWORD } from '../seed/demo-data';

interface LogLine {
  level: number;
  msg: string;
  err?: { message?: string };
  [k: string]: unknown;
}

/** graphql-ws on /graphql is held to the rules of HTTP: masked and logged errors, introspection, validation. */
describe('the websocket, held to the rules of HTTP', () => {
  let t: TestApp;
  let logged: RunningApp;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    logged = await startAppOn(
      t,
      { RUN_JOBS: 'false', LOG_LEVEL: 'error' },
      {},
      { logDestination: { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) } },
    );
  });
  afterAll(async () => {
    await logged.close();
    await t.close();
  });

  const post = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: any[] };
    return { status: response.status, ...json };
  };

  it('masks an unexpected error (a NUL PostgreSQL refuses) and logs it, as over HTTP', async () => {
    const [bureau] = (await t.gql('{ publicBureaus { id } }')).data.publicBureaus;
    const SEARCH = 'query($b: ID!, $s: String) { publicEntities(bureauId: $b, search: $s) { totalCount } }';
    const variables = { b: bureau.id, s: 'a\u0000b' };
    const overHttp = await post(logged.url, SEARCH, variables);
    expect(codes(overHttp as any)).toEqual(['INTERNAL_SERVER_ERROR']);
    const loggedOverHttp = lines.filter((l) => l.msg === 'unexpected error').length;
    expect(loggedOverHttp).toBe(1);

    const overWs = await ask(logged.url, SEARCH, variables);
    expect(wsCodes(overWs)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(overWs)).not.toMatch(/0x00|UTF8|byte sequence|invalid/i);
    expect(overWs.type === 'next' && overWs.payload.errors![0].message).toBe('服务器内部错误');
    const unexpected = lines.filter((l) => l.msg === 'unexpected error');
    expect(unexpected).toHaveLength(2);
    expect(unexpected[1]).toEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ message: expect.stringMatching(/0x00|byte sequence/) }) }),
    );
  });

  it('refuses introspection over the websocket where HTTP refuses it (GRAPHQL_INTROSPECTION=false)', async () => {
    const INTROSPECT = '{ __schema { queryType { name } } }';
    const closed = await startAppOn(t, { RUN_JOBS: 'false', GRAPHQL_INTROSPECTION: 'false' });
    try {
      expect(codes((await post(closed.url, INTROSPECT)) as any)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(wsCodes(await ask(closed.url, INTROSPECT))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(await ask(closed.url, '{ __typename }')).toEqual({ type: 'next', payload: { data: { __typename: 'Query' } } });
    } finally {
      await closed.close();
    }
    // Where it is on (the demo), it is on over both.
    expect(await ask(t.url, INTROSPECT)).toEqual({ type: 'next', payload: { data: { __schema: { queryType: { name: 'Query' } } } } });
  });

  it('answers a cyclic fragment with a validation error on both transports', async () => {
    const CYCLE = 'query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }';
    const overHttp = await post(t.url, CYCLE);
    expect({ status: overHttp.status, codes: codes(overHttp as any) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(wsCodes(await ask(t.url, CYCLE))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a query deeper than the limit on both transports with the same code', async () => {
    let selection = 'id';
    for (let i = 0; i < MAX_DEPTH; i += 1) selection = `parent { ${selection} }`;
    const DEEP = `{ me { tenant { ${selection} } } }`;
    expect(codes((await post(t.url, DEEP)) as any)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(wsCodes(await ask(t.url, DEEP))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('ends a subscription whose session has ended: a deactivated supervisor receives no more audit events', async () => {
    const supervisor = await t.login('changde.supervisor');
    const office = await t.login('changde.admin');
    const { received, closedWith, socket } = await watchAudit(t.url, supervisor);
    await t.login('changde.head01');
    for (const until = Date.now() + 5000; !received.includes('changde.head01') && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
    // The office's own sign-in just before may arrive too: its event is published after its commit.
    expect(received).toContain('changde.head01');

    const users = (await t.gql('{ users(first: 100) { edges { node { id username } } } }', {}, office)).data.users.edges;
    const globalId = users.find((e: any) => e.node.username === 'changde.supervisor').node.id;
    expect(codes(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: globalId }, office))).toEqual([]);
    expect((await t.gql('{ me { username } }', {}, supervisor)).data?.me ?? null).toBeNull(); // HTTP: anonymous now
    const before = received.length;
    await t.login('changde.leader');
    expect(await closedWith()).toBe(4403); // Forbidden: a client retries it, with a token that holds or none
    expect(received.slice(before)).not.toContain('changde.leader');
    socket.close();
  });

  it('ends a subscription at the first event after its token expired', async () => {
    // Long enough for the first event to arrive before it expires on a busy machine.
    const shortLived = await startAppOn(t, { RUN_JOBS: 'false', ACCESS_TOKEN_TTL_SECONDS: '8' });
    try {
      const token = (
        await post(shortLived.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
          u: 'changde.leader',
          p: DEMO_PASSWORD,
        })
      ).data.login.token;
      const { received, closedWith, socket } = await watchAudit(shortLived.url, token);
      await t.login('changde.head02');
      for (const until = Date.now() + 5000; !received.includes('changde.head02') && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
      // The leader's own sign-in on this server just before may arrive too (published after its commit).
      expect(received.filter((username) => username !== 'changde.leader')).toEqual(['changde.head02']);
      const expiresAt = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 1000));
      await t.login('changde.head03');
      expect(await closedWith()).toBe(4403);
      expect(received.filter((username) => username !== 'changde.leader')).toEqual(['changde.head02']);
      socket.close();
    } finally {
      await shortLived.close();
    }
  });
});

/** A raw graphql-transport-ws subscription to the audit trail, recording who acted and how the socket closed. */
async function watchAudit(httpUrl: string, token: string) {
  const socket = new WebSocket(`${httpUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const received: string[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { auditEventAppended { action actorUsername } }' } }));
        resolve();
      } else if (message.type === 'next') received.push(message.payload.data?.auditEventAppended?.actorUsername ?? JSON.stringify(message.payload));
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  });
  await new Promise((r) => setTimeout(r, 300)); // let the subscription register
  /** The close code, or 'still open' after 5 s. */
  const closedWith = async () => {
    let timer!: NodeJS.Timeout;
    const code = await Promise.race([closed, new Promise<string>((r) => (timer = setTimeout(() => r('still open'), 5000)))]);
    clearTimeout(timer);
    return code;
  };
  return { received, closedWith, socket };
}
