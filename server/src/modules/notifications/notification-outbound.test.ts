import { Client } from 'pg';
import { inTenant } from '../../db/tenancy';
import { APP_ROLE } from '../../db/data-source';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { notify } from './notification.service';
import { MAX_DELIVERY_ATTEMPTS, runDeliveries } from './notification-delivery';
import { OutboxChannel } from './channels/outbox-channel';
import type { NotificationChannel } from './channels/channel';

const PREFS = `{ myNotificationPreferences { group label channels { channel label enabled } } }`;
const SET = `mutation($group: String!, $channel: String!, $enabled: Boolean!) {
  setNotificationPreference(group: $group, channel: $channel, enabled: $enabled) { group channels { channel enabled } } }`;

type Users = Record<string, { id: string; tenant: string }>;

async function usersOf(t: TestApp, names: string[]): Promise<Users> {
  const rows = await t.sql(`SELECT username, id, tenant_id FROM users WHERE username = ANY($1)`, [names]);
  return Object.fromEntries(rows.map((r) => [r.username, { id: r.id, tenant: r.tenant_id }]));
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('outbound notifications: each user’s preferences, the development outbox, after the commit', () => {
  let t: TestApp;
  let users: Users;
  beforeAll(async () => {
    t = await startTestApp(); // demo mode: NOTIFY_CHANNELS defaults to outbox
    users = await usersOf(t, ['changde.admin', 'changde.supervisor', 'changde.leader', 'wugang.admin']);
  });
  afterAll(() => t.close());

  it('lists every group with the outbox off until the user turns it on; refuses unknown groups and channels', async () => {
    const admin = await t.login('changde.admin');
    const before = (await t.gql(PREFS, {}, admin)).data.myNotificationPreferences;
    expect(before.map((g: any) => g.group)).toEqual(['ASSIGNMENT', 'RECORD', 'OBJECTION', 'RESULTS', 'DEADLINE', 'OTHER']);
    expect(before.every((g: any) => g.channels.length === 1 && g.channels[0].channel === 'outbox' && !g.channels[0].enabled)).toBe(true);
    const set = await t.gql(SET, { group: 'RECORD', channel: 'outbox', enabled: true }, admin);
    expect(set.errors).toBeUndefined();
    expect(set.data.setNotificationPreference.find((g: any) => g.group === 'RECORD').channels).toEqual([{ channel: 'outbox', enabled: true }]);
    expect(codes(await t.gql(SET, { group: 'NOPE', channel: 'outbox', enabled: true }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(SET, { group: 'RECORD', channel: 'sms', enabled: true }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(PREFS, {}))).toEqual(['UNAUTHENTICATED']);
    // The leader chooses the outbox for another group only.
    await t.gql(SET, { group: 'DEADLINE', channel: 'outbox', enabled: true }, await t.login('changde.leader'));
  });

  it('sends a copy to the outbox after the commit, only to those whose preference allows it; a rolled-back step sends nothing', async () => {
    const tenant = users['changde.admin'].tenant;
    const to = [users['changde.admin'].id, users['changde.supervisor'].id, users['changde.leader'].id];
    await inTenant(t.app.services.db, tenant, (m) =>
      notify(m, { tenantId: tenant, userIds: to, kind: 'RECORD_SUBMITTED', title: '外发测试', link: '/inspections/x' }),
    );
    await inTenant(t.app.services.db, tenant, async (m) => {
      await notify(m, { tenantId: tenant, userIds: to, kind: 'RECORD_SUBMITTED', title: '回滚的外发' });
      throw new Error('rollback');
    }).catch(() => undefined);
    const sent = await until(
      () => t.sql(`SELECT user_id, recipient, kind, title, link FROM notification_outbox WHERE title LIKE '%外发%'`),
      (rows) => rows.length > 0,
    );
    expect(sent).toEqual([
      {
        user_id: users['changde.admin'].id,
        recipient: expect.stringContaining('changde.admin'),
        kind: 'RECORD_SUBMITTED',
        title: '外发测试',
        link: '/inspections/x',
      },
    ]);
    // Everyone has the in-app notification whatever they chose.
    const inApp = await t.sql(`SELECT user_id FROM notifications WHERE title = '外发测试' ORDER BY user_id`);
    expect(inApp.map((r) => r.user_id).sort()).toEqual([...to].sort());
    const [delivery] = await t.sql(`SELECT status, attempts, tenant_id FROM notification_deliveries WHERE user_id = $1`, [users['changde.admin'].id]);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 1, tenant_id: tenant });
  });

  it('keeps each user’s preferences and outbox to themselves and their bureau', async () => {
    const stranger = await t.login('wugang.admin');
    const theirs = (await t.gql(PREFS, {}, stranger)).data.myNotificationPreferences;
    expect(theirs.flatMap((g: any) => g.channels).every((c: any) => !c.enabled)).toBe(true);
    const colleague = (await t.gql(PREFS, {}, await t.login('changde.supervisor'))).data.myNotificationPreferences;
    expect(colleague.flatMap((g: any) => g.channels).every((c: any) => !c.enabled)).toBe(true);
    // Under another bureau's scope the app role sees none of these rows, and cannot write one for this bureau.
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      for (const table of ['notification_preferences', 'notification_deliveries', 'notification_outbox']) {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [users['wugang.admin'].tenant]);
        const { rows } = await app.query(`SELECT * FROM ${table}`);
        await app.query('ROLLBACK');
        expect({ table, rows }).toEqual({ table, rows: [] });
      }
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [users['wugang.admin'].tenant]);
      await expect(
        app.query(`INSERT INTO notification_preferences (tenant_id, user_id, kind_group, channel, enabled) VALUES ($1, $2, 'RECORD', 'outbox', true)`, [
          users['changde.supervisor'].tenant,
          users['changde.supervisor'].id,
        ]),
      ).rejects.toThrow(/row-level security/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});

describe('outbound delivery when a channel fails', () => {
  let t: TestApp;
  let users: Users;
  // No channel on this server: nothing sends by itself, the test runs the deliveries with the channels it wants.
  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_CHANNELS: 'none' });
    users = await usersOf(t, ['changde.admin']);
    await t.sql(`INSERT INTO notification_preferences (tenant_id, user_id, kind_group, channel, enabled) VALUES ($1, $2, 'OBJECTION', 'outbox', true)`, [
      users['changde.admin'].tenant,
      users['changde.admin'].id,
    ]);
  });
  afterAll(() => t.close());

  const failing: NotificationChannel = {
    name: 'outbox',
    label: '总是失败',
    send: async () => {
      throw new Error('网关不可用');
    },
  };

  it('keeps the in-app notification, retries later, sends once when the channel is back, and gives up after the last attempt', async () => {
    const me = users['changde.admin'];
    await inTenant(t.app.services.db, me.tenant, (m) => notify(m, { tenantId: me.tenant, userIds: [me.id], kind: 'OBJECTION_FILED', title: '失败重试' }));
    expect(await runDeliveries(t.app.services, new Map([['outbox', failing]]), [me.tenant])).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [pending] = await t.sql(`SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM notification_deliveries WHERE tenant_id = $1`, [
      me.tenant,
    ]);
    expect(pending).toEqual({ status: 'PENDING', attempts: 1, last_error: '网关不可用', later: true });
    expect(await t.sql(`SELECT title FROM notifications WHERE title = '失败重试'`)).toEqual([{ title: '失败重试' }]);
    // Not due yet: nothing is tried.
    expect(await runDeliveries(t.app.services, new Map([['outbox', failing]]), [me.tenant])).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await t.sql(`UPDATE notification_deliveries SET next_attempt_at = now() WHERE tenant_id = $1`, [me.tenant]);
    const outbox = new Map([['outbox', new OutboxChannel(t.app.services.db)]]);
    expect(await runDeliveries(t.app.services, outbox, [me.tenant])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await runDeliveries(t.app.services, outbox, [me.tenant])).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await t.sql(`SELECT title FROM notification_outbox`)).toEqual([{ title: '失败重试' }]);

    await inTenant(t.app.services.db, me.tenant, (m) => notify(m, { tenantId: me.tenant, userIds: [me.id], kind: 'OBJECTION_FILED', title: '一直失败' }));
    await t.sql(`UPDATE notification_deliveries SET attempts = $1 WHERE status = 'PENDING'`, [MAX_DELIVERY_ATTEMPTS - 1]);
    expect(await runDeliveries(t.app.services, new Map([['outbox', failing]]), [me.tenant])).toEqual({ sent: 0, retrying: 0, failed: 1 });
    // A server without the channel gives the copy up at once.
    await inTenant(t.app.services.db, me.tenant, (m) => notify(m, { tenantId: me.tenant, userIds: [me.id], kind: 'OBJECTION_FILED', title: '无通道' }));
    expect(await runDeliveries(t.app.services, new Map(), [me.tenant])).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'OBJECTION_FILED'`, [me.id]))[0].n).toBe(3);
  });
});
