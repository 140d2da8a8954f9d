import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { verifyAuditChain } from './audit.service';

const VERIFY = '{ verifyAuditChain { ok checked firstBrokenSeq firstBrokenEventId reason } }';

describe('audit trail', () => {
  let t: TestApp;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.login('changde.admin');
    await t.login('changde.leader');
    await t.gql('mutation { login(username: "changde.inspector02", password: "wrong") { token } }');
    supervisor = await t.login('changde.supervisor');
  });
  afterAll(() => t.close());

  it('records every sign-in mutation as a hash-chained event with who, what and the request id', async () => {
    const result = await t.gql(
      '{ auditEvents(first: 10) { totalCount edges { node { seq action actorUsername objectType requestId prevHash hash } } } }',
      {},
      supervisor,
    );
    const events = result.data.auditEvents.edges.map((e: any) => e.node);
    expect(events.map((e: any) => e.action)).toEqual(['auth.login', 'auth.login_failed', 'auth.login', 'auth.login']);
    expect(events.map((e: any) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(events[0]).toMatchObject({ actorUsername: 'changde.supervisor', objectType: 'Session' });
    expect(events[0].requestId).toMatch(/[0-9a-f-]{36}/);
    for (let i = 0; i < events.length - 1; i += 1) expect(events[i].prevHash).toBe(events[i + 1].hash);
    expect(events.at(-1).prevHash).toBe('0'.repeat(64));
  });

  it('names each action in Chinese, the actor by name and the device by browser and system', async () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7400.12 Safari/537.36';
    const answer = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': ua },
      body: JSON.stringify({ query: 'mutation { login(username: "changde.leader", password: "spotcheck-demo") { token } }' }),
    });
    expect(((await answer.json()) as any).data.login.token).toEqual(expect.any(String));
    const result = await t.gql('{ auditEvents(first: 3) { edges { node { action actionLabel actorUsername actorName device } } } }', {}, supervisor);
    const [latest] = result.data.auditEvents.edges.map((e: any) => e.node);
    const [leader] = await t.sql(`SELECT display_name FROM users WHERE username = 'changde.leader'`);
    expect(latest).toEqual({
      action: 'auth.login',
      actionLabel: '登录',
      actorUsername: 'changde.leader',
      actorName: leader.display_name,
      device: 'Chrome 156 · Linux',
    });
    expect(leader.display_name).not.toBe('changde.leader');
    const failed = await t.gql('{ auditEvents(actionPrefix: "auth.login_failed", first: 1) { edges { node { actionLabel } } } }', {}, supervisor);
    expect(failed.data.auditEvents.edges[0].node.actionLabel).toBe('登录失败');
  });

  it('verifies an intact chain', async () => {
    const report = (await t.gql(VERIFY, {}, supervisor)).data.verifyAuditChain;
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(report.checked).toBeGreaterThanOrEqual(4);
  });

  it('keeps the audit trail from inspectors', async () => {
    const inspector = await t.login('changde.inspector03');
    expect(codes(await t.gql('{ auditEvents { totalCount } }', {}, inspector))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(VERIFY, {}, inspector))).toEqual(['FORBIDDEN']);
  });

  it('names the first event whose content was edited in SQL', async () => {
    const [tenant] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    await t.sql(`UPDATE audit_events SET after = '{"ip": "10.0.0.1"}' WHERE tenant_id = $1 AND seq = 2`, [tenant.id]);
    const report = (await t.gql(VERIFY, {}, supervisor)).data.verifyAuditChain;
    expect(report).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
    expect(report.reason).toContain('内容');
    const node = await t.gql('query($id: ID!) { node(id: $id) { ... on AuditEvent { seq } } }', { id: report.firstBrokenEventId }, supervisor);
    expect(node.data.node.seq).toBe(2);
  });

  it('names the gap where an event was deleted', async () => {
    const fresh = await startTestApp();
    try {
      for (const name of ['wugang.admin', 'wugang.leader', 'wugang.inspector01']) await fresh.login(name);
      await fresh.sql(`DELETE FROM audit_events WHERE seq = 2 AND tenant_id = (SELECT id FROM tenants WHERE region_code = '410481')`);
      const [tenant] = await fresh.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
      const report = await fresh.app.services.db.transaction(async (m) => {
        await m.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
        return verifyAuditChain(m, tenant.id);
      });
      expect(report).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
    } finally {
      await fresh.close();
    }
  });
});
