import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApp, type TestApp } from '../../test-support/test-app';

describe('the ceremony streams to witnesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('streams entropy and the result to a witness subscribed to the draw, and nothing to another bureau', async () => {
    const office = await t.login('changde.admin');
    const items = (await t.gql('{ items { edges { node { id name minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const task = await t.gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: {
      planId: plan, round: 1, title: '2026年第一轮测绘资质单位抽查', purpose: '检查测绘资质', procedure: '摇号、核查、报告',
      divisionOfLabour: '测绘地理信息科', confidentiality: '结果公布前保密', startsOn: '2026-05-06', endsOn: '2026-05-29', teamSize: 2,
      items: [{ itemId: items.find((i: any) => i.name === '测绘资质单位监督检查').id, ratio: '0.10' }],
    } }, office);
    const drawId = (await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: task.data.createTask.id }, office)).data.commitDraw.id;

    const supervisor = await t.login('changde.supervisor');
    const outsider = await t.login('wugang.leader');
    const listen = (token: string) => {
      const events: string[] = [];
      const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
      const stop = client.subscribe<{ drawCeremony: { phase: string; draw: { status: string } } }>(
        { query: 'subscription($id: ID!) { drawCeremony(drawId: $id) { phase draw { status publicEntropy } } }', variables: { id: drawId } },
        { next: (v) => events.push(v.data ? `${v.data.drawCeremony.phase}:${v.data.drawCeremony.draw.status}` : `error:${JSON.stringify(v.errors)}`), error: (e) => events.push(`error:${JSON.stringify(e)}`), complete: () => undefined },
      );
      return { events, close: async () => { stop(); await client.dispose(); } };
    };
    const witness = listen(supervisor);
    const stranger = listen(outsider);
    await new Promise((r) => setTimeout(r, 300));
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 4821") { id } }', { id: drawId }, supervisor);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "体彩排列三 2026118 期 907") { id } }', { id: drawId }, office);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
    expect(drawn.data.performDraw.status).toBe('DRAWN');
    for (let i = 0; i < 50 && witness.events.length < 3; i += 1) await new Promise((r) => setTimeout(r, 100));
    await witness.close();
    await stranger.close();
    expect(witness.events).toEqual(['ENTROPY:COMMITTED', 'ENTROPY:COMMITTED', 'DRAWN:DRAWN']);
    expect(stranger.events).toEqual([]);
  });
});
