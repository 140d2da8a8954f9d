import { startTestApp, type TestApp } from '../../test-support/test-app';

const EVENTS = `query($prefix: String, $since: DateTimeISO, $until: DateTimeISO, $actor: String) {
  auditEvents(actionPrefix: $prefix, since: $since, until: $until, actorUsername: $actor, first: 100) { totalCount edges { node { seq action actorUsername occurredAt } } } }`;

describe('audit trail filters: action prefix, time range and user, together', () => {
  let t: TestApp;
  let supervisor: string;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.login('changde.admin');
    await t.gql('mutation { login(username: "changde.leader", password: "wrong") { token } }');
    await t.login('changde.leader');
    supervisor = await t.login('changde.supervisor');
    [{ id: tenantId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    // Spread the events over three days (owner's SQL, bypassing the chain's hashes: only the filter is under test).
    await t.sql(`UPDATE audit_events SET occurred_at = ('2026-03-0' || seq::text || 'T08:00:00+08:00')::timestamptz WHERE tenant_id = $1 AND seq <= 3`, [
      tenantId,
    ]);
  });
  afterAll(() => t.close());

  const run = async (variables: Record<string, unknown>) => {
    const result = await t.gql(EVENTS, variables, supervisor);
    expect(result.errors).toBeUndefined();
    return result.data.auditEvents.edges.map((e: any) => e.node);
  };

  it('filters by user', async () => {
    const leader = await run({ actor: 'changde.leader' });
    expect(leader.map((e: any) => e.action)).toEqual(['auth.login', 'auth.login_failed']);
    expect(await run({ actor: 'nobody' })).toEqual([]);
  });

  it('filters by time: since inclusive, until exclusive', async () => {
    const day2 = await run({ since: '2026-03-02T00:00:00+08:00', until: '2026-03-03T00:00:00+08:00' });
    expect(day2.map((e: any) => e.seq)).toEqual([2]);
    const from2 = await run({ since: '2026-03-02T08:00:00+08:00', until: '2026-03-04T00:00:00+08:00' });
    expect(from2.map((e: any) => e.seq)).toEqual([3, 2]);
  });

  it('combines the filters', async () => {
    const events = await run({ prefix: 'auth.login', actor: 'changde.leader', since: '2026-03-01T00:00:00+08:00', until: '2026-03-04T00:00:00+08:00' });
    expect(events.map((e: any) => [e.seq, e.action])).toEqual([
      [3, 'auth.login'],
      [2, 'auth.login_failed'],
    ]);
  });

  it('keeps another bureau’s events out, whatever the filter', async () => {
    const wugang = await t.login('wugang.leader');
    const result = await t.gql(EVENTS, { actor: 'changde.leader' }, wugang);
    expect(result.data.auditEvents.totalCount).toBe(0);
  });
});
