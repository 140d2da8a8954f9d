import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const INVITE = 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id username roles status } invitation { code } } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id roles displayName department { name } } }';

describe('managing the people of a bureau', () => {
  let t: TestApp;
  let office: string;
  const idOf = async (username: string) => {
    const [row] = await t.sql(`SELECT id FROM users WHERE username = $1`, [username]);
    return toGlobalId('User', row.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('refuses granting a role one does not reach, and roles that do not fit the bureau', async () => {
    const head = await t.login('changde.leader');
    await t.gql(UPDATE, { id: await idOf('changde.inspector04'), input: { roles: ['DEPARTMENT_HEAD'] } }, office);
    const deptHead = await t.login('changde.inspector04');
    // A department head has no right to manage users at all.
    expect(codes(await t.gql(INVITE, { input: { username: 'changde.x1', displayName: 'x', roles: ['INSPECTOR'] } }, deptHead))).toEqual(['FORBIDDEN']);
    // The office cannot hand out the platform's or a province's roles.
    const platformRole = await t.gql(INVITE, { input: { username: 'changde.x2', displayName: 'x', roles: ['PLATFORM_OPERATOR'] } }, office);
    expect(codes(platformRole)).toEqual(['BAD_USER_INPUT']);
    const promote = await t.gql(UPDATE, { id: await idOf('changde.inspector01'), input: { roles: ['PLATFORM_OPERATOR'] } }, office);
    expect(codes(promote)).toEqual(['BAD_USER_INPUT']);
    // A leader reads users but does not administer them.
    expect(codes(await t.gql(UPDATE, { id: await idOf('changde.inspector01'), input: { roles: ['OFFICE'] } }, head))).toEqual(['FORBIDDEN']);
    const [row] = await t.sql(`SELECT roles FROM users WHERE username = 'changde.inspector01'`);
    expect(row.roles).toEqual(['INSPECTOR']);
  });

  it('refuses the platform operator administering a bureau’s people', async () => {
    const operator = await t.login('platform.admin');
    const result = await t.gql(UPDATE, { id: await idOf('changde.inspector02'), input: { roles: ['OFFICE'] } }, operator);
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });

  it('refuses editing another tenant’s user as if it did not exist', async () => {
    const result = await t.gql(UPDATE, { id: await idOf('wugang.inspector01'), input: { displayName: '改名' } }, office);
    expect(codes(result)).toEqual(['NOT_FOUND']);
    for (const mutation of ['deactivateUser', 'reactivateUser']) {
      expect(codes(await t.gql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: await idOf('wugang.inspector01') }, office))).toEqual(['NOT_FOUND']);
    }
    expect(
      codes(await t.gql('mutation($id: ID!) { resetUserPassword(id: $id) { invitation { code } } }', { id: await idOf('wugang.inspector01') }, office)),
    ).toEqual(['NOT_FOUND']);
    const [row] = await t.sql(`SELECT display_name FROM users WHERE username = 'wugang.inspector01'`);
    expect(row.display_name).not.toBe('改名');
  });

  it('changes a colleague’s name, department and roles, and audits before and after', async () => {
    const departments = await t.gql('{ departments { edges { node { id name } } } }', {}, office);
    const mapping = departments.data.departments.edges.find((e: any) => e.node.name === '测绘地理信息科').node;
    const result = await t.gql(
      UPDATE,
      { id: await idOf('changde.inspector03'), input: { displayName: '王测绘', departmentId: mapping.id, roles: ['INSPECTOR', 'DEPARTMENT_HEAD'] } },
      office,
    );
    expect(result.data.updateUser).toMatchObject({ displayName: '王测绘', department: { name: '测绘地理信息科' }, roles: ['INSPECTOR', 'DEPARTMENT_HEAD'] });
    const [event] = await t.sql(`SELECT before, after FROM audit_events WHERE action = 'user.update' ORDER BY occurred_at DESC LIMIT 1`);
    expect(event.after.displayName).toBe('王测绘');
    expect(event.before.displayName).not.toBe('王测绘');
  });

  it('refuses removing one’s own office role or deactivating oneself', async () => {
    const self = await t.gql(UPDATE, { id: await idOf('changde.admin'), input: { roles: ['INSPECTOR'] } }, office);
    expect(codes(self)).toEqual(['RULE_VIOLATION']);
    expect(codes(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: await idOf('changde.admin') }, office))).toEqual([
      'RULE_VIOLATION',
    ]);
  });

  it('signs a deactivated user out at once and keeps them out; reactivation lets them back', async () => {
    const inspector = await t.login('changde.inspector08');
    expect((await t.gql('{ me { username } }', {}, inspector)).data.me.username).toBe('changde.inspector08');
    const deactivated = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { status } }', { id: await idOf('changde.inspector08') }, office);
    expect(deactivated.data.deactivateUser.status).toBe('DEACTIVATED');
    expect((await t.gql('{ me { username } }', {}, inspector)).data.me).toBeNull();
    expect(codes(await t.gql('mutation { login(username: "changde.inspector08", password: "spotcheck-demo") { token } }'))).toEqual(['FORBIDDEN']);
    await t.gql('mutation($id: ID!) { reactivateUser(id: $id) { status } }', { id: await idOf('changde.inspector08') }, office);
    await t.login('changde.inspector08');
  });

  it('resets a password with a one-time code that ends the user’s sessions', async () => {
    const before = await t.login('changde.inspector09');
    const reset = await t.gql('mutation($id: ID!) { resetUserPassword(id: $id) { invitation { code } } }', { id: await idOf('changde.inspector09') }, office);
    const redeemed = await t.gql('mutation($c: String!) { redeemInvitation(code: $c, password: "Brand-New-Secret-9") { username } }', {
      c: reset.data.resetUserPassword.invitation.code,
    });
    expect(redeemed.data.redeemInvitation.username).toBe('changde.inspector09');
    expect((await t.gql('{ me { id } }', {}, before)).data.me).toBeNull();
    expect(codes(await t.gql('mutation { login(username: "changde.inspector09", password: "spotcheck-demo") { token } }'))).toEqual(['UNAUTHENTICATED']);
    await t.login('changde.inspector09', 'Brand-New-Secret-9');
  });

  it('invites with a unique username only, and validates input', async () => {
    expect(codes(await t.gql(INVITE, { input: { username: 'wugang.admin', displayName: '重复', roles: ['INSPECTOR'] } }, office))).toEqual(['CONFLICT']);
    const bad = await t.gql(INVITE, { input: { username: 'X', displayName: ' ', roles: [] } }, office);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields!.map((f: any) => f.field)).toEqual(['username', 'displayName']);
  });

  it('manages departments: unique names, a head, and only empty non-office ones deleted', async () => {
    const created = await t.gql(
      'mutation($h: ID) { createDepartment(input: { name: "耕地保护科", headUserId: $h }) { id name head { username } } }',
      { h: await idOf('changde.inspector10') },
      office,
    );
    expect(created.data.createDepartment).toMatchObject({ name: '耕地保护科', head: { username: 'changde.inspector10' } });
    expect(codes(await t.gql('mutation { createDepartment(input: { name: "耕地保护科" }) { id } }', {}, office))).toEqual(['CONFLICT']);
    const departments = await t.gql('{ departments { edges { node { id name isOffice } } } }', {}, office);
    const officeDept = departments.data.departments.edges.find((e: any) => e.node.isOffice).node;
    const busy = departments.data.departments.edges.find((e: any) => e.node.name === '国土空间规划科').node;
    expect(codes(await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: officeDept.id }, office))).toEqual(['RULE_VIOLATION']);
    expect(codes(await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: busy.id }, office))).toEqual(['RULE_VIOLATION']);
    expect((await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: created.data.createDepartment.id }, office)).data.deleteDepartment).toBe(
      true,
    );
    const inspector = await t.login('changde.inspector11');
    expect(codes(await t.gql('mutation { createDepartment(input: { name: "越权科" }) { id } }', {}, inspector))).toEqual(['FORBIDDEN']);
    const wugangOffice = await t.login('wugang.admin');
    expect(codes(await t.gql('mutation($id: ID!) { updateDepartment(id: $id, input: { name: "x" }) { id } }', { id: busy.id }, wugangOffice))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
