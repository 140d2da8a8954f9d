import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { notify, type NotifyInput } from './notification.service';

describe('notifications', () => {
  let t: TestApp;
  let users: Record<string, { id: string; tenant: string }>;
  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.sql(`SELECT username, id, tenant_id FROM users WHERE username IN ('changde.admin', 'changde.supervisor', 'wugang.admin')`);
    users = Object.fromEntries(rows.map((r) => [r.username, { id: r.id, tenant: r.tenant_id }]));
  });
  afterAll(() => t.close());

  const send = (input: Omit<NotifyInput, 'tenantId'> & { tenantId?: string }, to = 'changde.admin') =>
    inTenant(t.app.services.db, input.tenantId ?? users[to].tenant, (m) => notify(m, { tenantId: users[to].tenant, ...input }));

  const INBOX = `query($unread: Boolean, $first: Int, $after: String) {
    myNotifications(unreadOnly: $unread, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind title body link read readAt } } }
    unreadNotificationCount }`;

  it('lists the viewer’s own notifications, newest first, paged, and counts the unread', async () => {
    const admin = await t.login('changde.admin');
    const supervisor = await t.login('changde.supervisor');
    for (let i = 1; i <= 3; i += 1) {
      await send({ userIds: [users['changde.admin'].id], kind: 'TEST', title: `通知 ${i}`, body: '正文', link: `/tasks/${i}` });
    }
    await send({ userIds: [users['changde.supervisor'].id], kind: 'TEST', title: '给监督的' }, 'changde.supervisor');

    const first = await t.gql(INBOX, { first: 2 }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.myNotifications.totalCount).toBe(3);
    expect(first.data.unreadNotificationCount).toBe(3);
    expect(first.data.myNotifications.edges.map((e: any) => e.node.title)).toEqual(['通知 3', '通知 2']);
    expect(first.data.myNotifications.edges[0].node).toMatchObject({ kind: 'TEST', body: '正文', link: '/tasks/3', read: false, readAt: null });
    const rest = await t.gql(INBOX, { first: 2, after: first.data.myNotifications.pageInfo.endCursor }, admin);
    expect(rest.data.myNotifications.edges.map((e: any) => e.node.title)).toEqual(['通知 1']);

    const theirs = await t.gql(INBOX, {}, supervisor);
    expect(theirs.data.myNotifications.edges.map((e: any) => e.node.title)).toEqual(['给监督的']);
  });

  it('marks read one by one or all at once, and lists only the unread when asked', async () => {
    const admin = await t.login('changde.admin');
    const all = (await t.gql(INBOX, {}, admin)).data.myNotifications.edges.map((e: any) => e.node);
    const marked = await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }', { ids: [all[0].id] }, admin);
    expect(marked.errors).toBeUndefined();
    expect(marked.data.markNotificationsRead).toEqual([{ id: all[0].id, read: true, readAt: expect.any(String) }]);
    const unread = await t.gql(INBOX, { unread: true }, admin);
    expect(unread.data.unreadNotificationCount).toBe(all.length - 1);
    expect(unread.data.myNotifications.edges.map((e: any) => e.node.id)).not.toContain(all[0].id);

    expect((await t.gql('mutation { markAllNotificationsRead }', {}, admin)).data.markAllNotificationsRead).toBe(all.length - 1);
    expect((await t.gql(INBOX, {}, admin)).data.unreadNotificationCount).toBe(0);
    expect((await t.gql('mutation { markAllNotificationsRead }', {}, admin)).data.markAllNotificationsRead).toBe(0);
  });

  it('gives a user a notification once per dedupe key, and skips recipients who are not users of the tenant', async () => {
    const me = users['changde.admin'];
    const once = { userIds: [me.id, users['wugang.admin'].id, '00000000-0000-4000-8000-000000000000'], kind: 'TEST', title: '只一次', dedupeKey: 'test:once' };
    expect(await send(once)).toHaveLength(1);
    expect(await send(once)).toHaveLength(0);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = 'test:once'`);
    expect(n).toBe(1);
    // From this tenant's scope, another tenant's users are invisible: nothing reaches their inbox.
    const wugang = users['wugang.admin'];
    const foreign = await inTenant(t.app.services.db, me.tenant, (m) =>
      notify(m, { tenantId: wugang.tenant, userIds: [wugang.id], kind: 'TEST', title: '越界' }),
    );
    expect(foreign).toEqual([]);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE title = '越界'`)).toEqual([]);
  });

  it('neither shows nor marks a user’s notifications to another user or another bureau', async () => {
    const [mine] = await send({ userIds: [users['changde.admin'].id], kind: 'TEST', title: '私信' });
    const id = toGlobalId('Notification', mine);
    const admin = await t.login('changde.admin');
    const colleague = await t.login('changde.supervisor');
    const stranger = await t.login('wugang.admin');
    const NODE = 'query($id: ID!) { node(id: $id) { id ... on Notification { title } } }';
    expect((await t.gql(NODE, { id }, admin)).data.node).toEqual({ id, title: '私信' });
    for (const token of [colleague, stranger]) {
      expect(codes(await t.gql(NODE, { id }, token))).toEqual(['NOT_FOUND']);
      const marked = await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [id] }, token);
      expect(codes(marked)).toEqual(['NOT_FOUND']);
      expect((await t.gql('mutation { markAllNotificationsRead }', {}, token)).errors).toBeUndefined();
      const inbox = await t.gql(INBOX, { first: 100 }, token);
      expect(inbox.data.myNotifications.edges.map((e: any) => e.node.id)).not.toContain(id);
    }
    expect((await t.gql(INBOX, { unread: true }, stranger)).data.myNotifications.totalCount).toBe(0);
    // Mixed with one's own id, a foreign id still changes nothing.
    const [other] = await send({ userIds: [users['changde.supervisor'].id], kind: 'TEST', title: '同事的' }, 'changde.supervisor');
    const [own] = await send({ userIds: [users['changde.admin'].id], kind: 'TEST', title: '自己的' });
    const mixed = await t.gql(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }',
      { ids: [toGlobalId('Notification', own), toGlobalId('Notification', other)] },
      admin,
    );
    expect(codes(mixed)).toEqual(['NOT_FOUND']);
    const rows = await t.sql(`SELECT id, read_at FROM notifications WHERE id = ANY($1)`, [[mine, own, other]]);
    expect(rows.every((r) => r.read_at === null)).toBe(true);
  });

  it('streams a new notification to its user only: not to a colleague, not to another bureau', async () => {
    const listen = (token: string) => {
      const events: string[] = [];
      const client = createClient({
        url: `${t.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const stop = client.subscribe<{ notificationAdded: { title: string; read: boolean } }>(
        { query: 'subscription { notificationAdded { id title read } }' },
        {
          next: (v) => events.push(v.data ? v.data.notificationAdded.title : `error:${JSON.stringify(v.errors)}`),
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
    const admin = listen(await t.login('changde.admin'));
    const colleague = listen(await t.login('changde.supervisor'));
    const stranger = listen(await t.login('wugang.admin'));
    const anonymous = listen('not-a-token');
    await new Promise((r) => setTimeout(r, 300));

    await send({ userIds: [users['changde.admin'].id], kind: 'TEST', title: '推送给管理员' });
    await send({ userIds: [users['wugang.admin'].id], kind: 'TEST', title: '推送给舞钢' }, 'wugang.admin');
    // Rolled back: never heard of.
    await inTenant(t.app.services.db, users['changde.admin'].tenant, async (m) => {
      await notify(m, { tenantId: users['changde.admin'].tenant, userIds: [users['changde.admin'].id], kind: 'TEST', title: '回滚的' });
      throw new Error('rollback');
    }).catch(() => undefined);
    for (let i = 0; i < 50 && (admin.events.length < 1 || stranger.events.length < 1); i += 1) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    for (const l of [admin, colleague, stranger, anonymous]) await l.close();

    expect(admin.events).toEqual(['推送给管理员']);
    expect(stranger.events).toEqual(['推送给舞钢']);
    expect(colleague.events).toEqual([]);
    expect(anonymous.events).toHaveLength(1);
    expect(anonymous.events[0]).toContain('UNAUTHENTICATED');
  });
});
