import { DEMO_ACCOUNTS } from '../../seed/demo-data';
import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const ONBOARD = `mutation($input: OnboardTenantInput!) {
  onboardTenant(input: $input) { tenant { id name regionCode kind status parent { name } } admin { id username status roles } invitation { code expiresAt } } }`;
const REDEEM = 'mutation($c: String!, $p: String!) { redeemInvitation(code: $c, password: $p) { username tenantName } }';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id username status roles department { name } } invitation { code } } }`;

describe('onboarding a county bureau and its people', () => {
  let t: TestApp;
  let operator: string;
  let pingdingshan: string;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.login('platform.admin');
    const [row] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410400'`);
    pingdingshan = toGlobalId('Tenant', row.id);
  });
  afterAll(() => t.close());

  const yexian = () => ({
    name: '叶县自然资源局',
    regionCode: '410422',
    parentId: pingdingshan,
    kind: 'COUNTY_BUREAU',
    adminUsername: 'yexian.admin',
    adminDisplayName: '叶县局办公室',
  });

  it('goes end to end: onboard, redeem, sign in, create a department and an inspector, who signs in; the province sees the bureau; nobody else sees its people', async () => {
    const onboarded = await t.gql(ONBOARD, { input: yexian() }, operator);
    expect(onboarded.errors).toBeUndefined();
    const { tenant, admin, invitation } = onboarded.data.onboardTenant;
    expect(tenant).toMatchObject({
      name: '叶县自然资源局',
      regionCode: '410422',
      kind: 'COUNTY_BUREAU',
      status: 'ACTIVE',
      parent: { name: '平顶山市自然资源和规划局' },
    });
    expect(admin).toMatchObject({ username: 'yexian.admin', status: 'INVITED', roles: ['OFFICE'] });
    expect(invitation.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Before redeeming, the account cannot sign in.
    expect(codes(await t.gql('mutation { login(username: "yexian.admin", password: "whatever-password") { token } }'))).toEqual(['UNAUTHENTICATED']);
    // Codes are forgiving about case and dashes.
    const typed = invitation.code.toLowerCase().replace(/-/g, ' ');
    const redeemed = await t.gql(REDEEM, { c: typed, p: 'Yexian-Office-2026' });
    expect(redeemed.data.redeemInvitation).toEqual({ username: 'yexian.admin', tenantName: '叶县自然资源局' });

    const adminToken = await t.login('yexian.admin', 'Yexian-Office-2026');
    const me = await t.gql('{ me { tenant { name region { name level } } department { name isOffice } } ruleSet { version rules } }', {}, adminToken);
    expect(me.data.me.tenant).toEqual({ name: '叶县自然资源局', region: { name: '叶县', level: 'COUNTY' } });
    expect(me.data.me.department.isOffice).toBe(true);
    expect(me.data.ruleSet.version).toBe(1);
    expect(me.data.ruleSet.rules.ratio).toEqual({ min: '0.02', max: '0.10' });

    const department = await t.gql('mutation { createDepartment(input: { name: "执法监察股" }) { id name } }', {}, adminToken);
    expect(department.errors).toBeUndefined();
    const invited = await t.gql(
      INVITE,
      {
        input: { username: 'yexian.inspector01', displayName: '赵执法', departmentId: department.data.createDepartment.id, roles: ['INSPECTOR'] },
      },
      adminToken,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteUser.user).toMatchObject({ status: 'INVITED', roles: ['INSPECTOR'], department: { name: '执法监察股' } });
    await t.gql(REDEEM, { c: invited.data.inviteUser.invitation.code, p: 'Inspector-Ye-2026' });
    const inspectorToken = await t.login('yexian.inspector01', 'Inspector-Ye-2026');
    expect((await t.gql('{ me { username roles } }', {}, inspectorToken)).data.me).toEqual({ username: 'yexian.inspector01', roles: ['INSPECTOR'] });

    const henan = await t.login('henan.viewer');
    const seen = await t.gql('{ tenants(first: 50) { edges { node { name status } } } }', {}, henan);
    expect(seen.data.tenants.edges.map((e: any) => e.node)).toContainEqual({ name: '叶县自然资源局', status: 'ACTIVE' });
    const inspectorId = invited.data.inviteUser.user.id;
    for (const outsider of [henan, operator, await t.login('wugang.admin'), await t.login('changde.admin')]) {
      const users = await t.gql('{ users(first: 100) { edges { node { username } } } }', {}, outsider);
      expect(users.data.users.edges.map((e: any) => e.node.username).filter((u: string) => u.startsWith('yexian.'))).toEqual([]);
      expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: inspectorId }, outsider))).toEqual(['NOT_FOUND']);
    }

    // Both chains record the onboarding.
    const [chains] = await t.sql(`SELECT
        (SELECT count(*)::int FROM audit_events e JOIN tenants t ON t.id = e.tenant_id WHERE t.kind = 'PLATFORM' AND e.action = 'tenant.onboard') AS platform,
        (SELECT count(*)::int FROM audit_events e JOIN tenants t ON t.id = e.tenant_id WHERE t.region_code = '410422' AND e.action = 'tenant.onboarded') AS bureau`);
    expect(chains).toEqual({ platform: 1, bureau: 1 });
  });

  it('refuses a used code, an expired code and an unknown code with typed errors', async () => {
    const first = await t.gql(ONBOARD, { input: { ...yexian(), name: '鲁山县自然资源局', regionCode: '410423', adminUsername: 'lushan.admin' } }, operator);
    const code = first.data.onboardTenant.invitation.code;
    expect((await t.gql(REDEEM, { c: code, p: 'Lushan-Office-2026' })).errors).toBeUndefined();
    const reused = await t.gql(REDEEM, { c: code, p: 'Another-Password-9' });
    expect(codes(reused)).toEqual(['CONFLICT']);

    const second = await t.gql(ONBOARD, { input: { ...yexian(), name: '郏县自然资源局', regionCode: '410425', adminUsername: 'jiaxian.admin' } }, operator);
    await t.sql(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE username = 'jiaxian.admin')`);
    const expired = await t.gql(REDEEM, { c: second.data.onboardTenant.invitation.code, p: 'Jiaxian-Office-2026' });
    expect(codes(expired)).toEqual(['RULE_VIOLATION']);
    expect(expired.errors![0]!.extensions!.rule).toBe('INVITATION_EXPIRED');

    expect(codes(await t.gql(REDEEM, { c: 'AAAA-BBBB-CCCC-DDDD', p: 'Whatever-Pass-1' }))).toEqual(['NOT_FOUND']);
  });

  it('refuses a weak password on redemption and keeps the code usable', async () => {
    const onboarded = await t.gql(
      ONBOARD,
      { input: { ...yexian(), name: '宝丰县自然资源局', regionCode: '410421', adminUsername: 'baofeng.admin' } },
      operator,
    );
    const code = onboarded.data.onboardTenant.invitation.code;
    const weak = await t.gql(REDEEM, { c: code, p: '1234567890' });
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors![0]!.extensions!.fields).toEqual([{ field: 'password', message: '过于常见，容易被猜中' }]);
    expect((await t.gql(REDEEM, { c: code, p: 'Baofeng-Office-2026' })).errors).toBeUndefined();
  });

  it('validates the region, its level, its place under the parent, and duplicates', async () => {
    const attempt = async (overrides: Record<string, unknown>) => t.gql(ONBOARD, { input: { ...yexian(), ...overrides } }, operator);
    const unknown = await attempt({ regionCode: '999999', adminUsername: 'x.admin1' });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.extensions!.fields).toEqual([{ field: 'regionCode', message: '行政区划代码 999999 不存在（GB/T 2260）' }]);
    expect(codes(await attempt({ regionCode: '410400', adminUsername: 'x.admin2' }))).toEqual(['BAD_USER_INPUT']); // a city is not a county
    expect(codes(await attempt({ regionCode: '430721', adminUsername: 'x.admin3' }))).toEqual(['BAD_USER_INPUT']); // 安乡县 is not under 平顶山
    expect(codes(await attempt({ adminUsername: 'wugang.admin', name: '汝州市自然资源局', regionCode: '410482' }))).toEqual(['CONFLICT']);
    expect(codes(await attempt({ adminUsername: 'x.admin4' }))).toEqual(['CONFLICT']); // 叶县自然资源局 exists
    expect(codes(await attempt({ adminUsername: 'Bad Name!' }))).toEqual(['BAD_USER_INPUT']);
    // Nothing half-written: no tenant for any refused attempt.
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM tenants WHERE region_code IN ('999999', '410400', '430721', '410482') AND name = '叶县自然资源局' OR name = '汝州市自然资源局'`,
    );
    expect(count).toBe(0);
  });

  it('lets only the platform operator onboard', async () => {
    for (const username of ['henan.viewer', 'changde.admin', 'wugang.leader']) {
      const token = await t.login(username);
      const result = await t.gql(ONBOARD, { input: { ...yexian(), adminUsername: `${username.split('.')[0]}.x` } }, token);
      expect({ username, codes: codes(result) }).toEqual({ username, codes: ['FORBIDDEN'] });
    }
  });

  it('suspends a bureau: its sign-ins stop and its live sessions end at once, nothing is deleted', async () => {
    const inspector = await t.login('wugang.inspector02');
    const [wugang] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    const suspended = await t.gql(
      'mutation($id: ID!) { updateTenant(id: $id, input: { status: SUSPENDED }) { status } }',
      { id: toGlobalId('Tenant', wugang.id) },
      operator,
    );
    expect(suspended.data.updateTenant.status).toBe('SUSPENDED');
    expect((await t.gql('{ me { id } }', {}, inspector)).data.me).toBeNull();
    expect(codes(await t.gql('mutation { login(username: "wugang.admin", password: "spotcheck-demo") { token } }'))).toEqual(['FORBIDDEN']);
    const [{ users }] = await t.sql(`SELECT count(*)::int AS users FROM users WHERE tenant_id = $1`, [wugang.id]);
    expect(users).toBe(DEMO_ACCOUNTS.filter((a) => a.tenant === 'wugang').length);
    await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: ACTIVE }) { status } }', { id: toGlobalId('Tenant', wugang.id) }, operator);
    await t.login('wugang.admin');
  });
});
