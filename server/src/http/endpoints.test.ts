import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startAppOn, startTestApp, type TestApp } from '../test-support/test-app';

describe('HTTP endpoints and subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
    await t.gql('{ me { id } }');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/spotcheck_graphql_operations_total\{type="query",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/spotcheck_http_request_duration_seconds_bucket/);
    expect(metrics).toMatch(/spotcheck_process_cpu_seconds_total/);
  });

  it('with METRICS_PORT serves /metrics on that port only, so a public Ingress on the main port does not publish it', async () => {
    const apart = await startAppOn(t, { METRICS_PORT: '0' });
    try {
      expect(apart.metricsUrl).toMatch(/^http:\/\/localhost:\d+\/metrics$/);
      expect(apart.metricsUrl).not.toContain(`:${apart.port}/`);
      expect(await (await fetch(apart.metricsUrl!)).text()).toMatch(/spotcheck_http_request_duration_seconds/);
      // Every spelling on the public port: express matches paths case-insensitively and with a trailing slash.
      for (const variant of ['/metrics', '/Metrics', '/METRICS', '/metrics/', '/metrics?x=1']) {
        const answer = await fetch(`${apart.url}${variant}`);
        expect({ variant, status: answer.status }).toEqual({ variant, status: 404 });
        expect(await answer.text()).not.toMatch(/spotcheck_/);
      }
    } finally {
      await apart.close();
    }
  });

  it('answers GraphQL compressed, brotli or gzip as the client asks', async () => {
    const token = await t.login('changde.admin');
    const query = JSON.stringify({ query: '{ items(first: 100) { edges { node { id name content legalBasis } } } }' });
    for (const encoding of ['br', 'gzip']) {
      const answer = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': encoding },
        body: query,
      });
      expect(answer.headers.get('content-encoding')).toBe(encoding);
      expect(((await answer.json()) as any).data.items.edges.length).toBeGreaterThan(0);
    }
  });

  it('serves the web app (or says how to build it) at / and at client routes', async () => {
    for (const path of ['/', '/login', '/me']) {
      const response = await fetch(`${t.url}${path}`);
      const body = await response.text();
      if (response.status === 200) expect(body).toMatch(/<div id="root">/);
      else expect({ status: response.status, body }).toEqual({ status: 503, body: expect.stringContaining('npm run build') });
    }
  });

  it('delivers subscription events over graphql-ws to the same tenant only, authenticated in connection_init', async () => {
    const supervisor = await t.login('changde.supervisor');
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${supervisor}` },
    });
    const received: string[] = [];
    let resolveFirst!: () => void;
    const first = new Promise<void>((resolve) => (resolveFirst = resolve));
    const stop = client.subscribe<{ auditEventAppended: { action: string; actorUsername: string } }>(
      { query: 'subscription { auditEventAppended { action actorUsername } }' },
      {
        next: (value) => {
          received.push(value.data!.auditEventAppended.actorUsername);
          resolveFirst();
        },
        error: (error) => received.push(`error: ${JSON.stringify(error)}`),
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 300)); // let the subscription register
    await t.login('wugang.admin'); // another tenant: must not arrive
    await t.login('changde.leader');
    await first;
    await new Promise((r) => setTimeout(r, 300));
    stop();
    await client.dispose();
    // The supervisor's own sign-in just before may arrive too: its event is published after its commit,
    // and on a busy machine it can reach the listener after the subscription.
    expect(received.filter((username) => username !== 'changde.supervisor')).toEqual(['changde.leader']);
  });

  it('refuses a subscription without a token', async () => {
    const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket });
    const outcome = await new Promise<unknown>((resolve) => {
      // The guard refuses the field: graphql-ws reports it as an execution error on the operation.
      client.subscribe({ query: 'subscription { auditEventAppended { action } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    await client.dispose();
    expect(JSON.stringify(outcome)).toContain('UNAUTHENTICATED');
  });
});
