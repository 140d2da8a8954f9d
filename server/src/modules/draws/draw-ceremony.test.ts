import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { commitChangdeSurveyTask } from '../../test-support/draw-fixture';
import { startTestApp, type TestApp } from '../../test-support/test-app';

describe('the ceremony streams to witnesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('streams entropy and the result to a witness subscribed to the draw, and nothing to another bureau', async () => {
    const {
      office,
      draw: { id: drawId },
    } = await commitChangdeSurveyTask(t);

    const supervisor = await t.login('changde.supervisor');
    const outsider = await t.login('wugang.leader');
    const listen = (token: string) => {
      const events: string[] = [];
      const client = createClient({
        url: `${t.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const stop = client.subscribe<{ drawCeremony: { phase: string; draw: { status: string } } }>(
        { query: 'subscription($id: ID!) { drawCeremony(drawId: $id) { phase draw { status publicEntropy } } }', variables: { id: drawId } },
        {
          next: (v) => events.push(v.data ? `${v.data.drawCeremony.phase}:${v.data.drawCeremony.draw.status}` : `error:${JSON.stringify(v.errors)}`),
          error: (e) => events.push(`error:${JSON.stringify(e)}`),
          complete: () => undefined,
        },
      );
      return {
        events,
        close: async () => {
          stop();
          await client.dispose();
        },
      };
    };
    const witness = listen(supervisor);
    const stranger = listen(outsider);
    await new Promise((r) => setTimeout(r, 300));
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 4821") { id } }', { id: drawId }, supervisor);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "907") { id } }', { id: drawId }, office);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
    expect(drawn.data.performDraw.status).toBe('DRAWN');
    for (let i = 0; i < 50 && witness.events.length < 3; i += 1) await new Promise((r) => setTimeout(r, 100));
    await witness.close();
    await stranger.close();
    expect(witness.events).toEqual(['ENTROPY:COMMITTED', 'ENTROPY:COMMITTED', 'DRAWN:DRAWN']);
    expect(stranger.events).toEqual([]);
    // The ceremony names who entered each value by name, not by login.
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { publicEntropy } } }', { id: drawId }, office);
    const names = await t.sql(`SELECT username, display_name FROM users WHERE username IN ('changde.supervisor', 'changde.admin')`);
    const nameOf = Object.fromEntries(names.map((r: { username: string; display_name: string }) => [r.username, r.display_name]));
    expect(read.data.node.publicEntropy.map((e: { by: string; byName: string }) => [e.by, e.byName])).toEqual([
      ['changde.supervisor', nameOf['changde.supervisor']],
      ['changde.admin', nameOf['changde.admin']],
    ]);
  });
});
