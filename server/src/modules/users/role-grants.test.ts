import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { grantRoles } from '../../test-support/role-grants';

const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { id roles pendingRoleGrant { id roles addedRoles rolesBefore status proposedByName } } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id roles pendingRoleGrant { id addedRoles } } invitation { code } } }`;
const GRANTS = 'query($s: RoleGrantStatus) { roleGrants(status: $s) { id username roles status canDecide tenant { name } user { username } } }';
const APPROVE = 'mutation($id: ID!, $n: String) { approveRoleGrant(id: $id, note: $n) { status decidedByName roles } }';
const REJECT = 'mutation($id: ID!, $n: String!) { rejectRoleGrant(id: $id, note: $n) { status decisionNote } }';

describe('granting OFFICE, LEADER or SUPERVISOR takes a second person’s approval', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  const idOf = async (username: string) => toGlobalId('User', (await t.sql(`SELECT id FROM users WHERE username = $1`, [username]))[0].id);
  const rolesOf = async (username: string) => (await t.sql(`SELECT roles FROM users WHERE username = $1`, [username]))[0].roles;
  const rule = (result: any) => result.errors?.[0]?.extensions?.rule;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    leader = await t.login('changde.leader');
  });
  afterAll(() => t.close());

  it('holds a proposed LEADER grant pending until another person, a leader, approves it; every step audited', async () => {
    const proposed = await t.gql(UPDATE, { id: await idOf('changde.inspector05'), input: { roles: ['INSPECTOR', 'LEADER'] } }, office);
    expect(proposed.errors).toBeUndefined();
    const { roles, pendingRoleGrant: grant } = proposed.data.updateUser;
    expect(roles).toEqual(['INSPECTOR']);
    expect(grant).toMatchObject({
      roles: ['INSPECTOR', 'LEADER'],
      addedRoles: ['LEADER'],
      rolesBefore: ['INSPECTOR'],
      status: 'PENDING',
      proposedByName: 'changde.admin',
    });
    const grantee = await t.login('changde.inspector05');
    expect((await t.gql('{ me { roles } }', {}, grantee)).data.me.roles).toEqual(['INSPECTOR']);

    // Neither the proposer, nor the supervisor, nor the grantee approves it.
    const byProposer = await t.gql(APPROVE, { id: grant.id }, office);
    expect([codes(byProposer), rule(byProposer)]).toEqual([['RULE_VIOLATION'], 'roles.grantApproval']);
    expect(codes(await t.gql(APPROVE, { id: grant.id }, await t.login('changde.supervisor')))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(APPROVE, { id: grant.id }, grantee))).toEqual(['NOT_FOUND']);
    // The operator decides only where the bureau has no leader; 常德 has one.
    const operator = await t.login('platform.admin');
    expect(codes(await t.gql(APPROVE, { id: grant.id }, operator))).toEqual(['NOT_FOUND']);
    expect((await t.gql(GRANTS, { s: 'PENDING' }, operator)).data.roleGrants.map((g: any) => g.id)).not.toContain(grant.id);
    expect(await rolesOf('changde.inspector05')).toEqual(['INSPECTOR']);

    const listed = (await t.gql(GRANTS, { s: 'PENDING' }, leader)).data.roleGrants;
    expect(listed).toContainEqual(
      expect.objectContaining({ id: grant.id, username: 'changde.inspector05', canDecide: true, user: { username: 'changde.inspector05' } }),
    );
    expect((await t.gql(GRANTS, {}, office)).data.roleGrants.find((g: any) => g.id === grant.id).canDecide).toBe(false);
    const approved = await t.gql(APPROVE, { id: grant.id, n: '党组会议研究同意' }, leader);
    expect(approved.data.approveRoleGrant).toEqual({ status: 'APPROVED', decidedByName: 'changde.leader', roles: ['INSPECTOR', 'LEADER'] });
    expect(await rolesOf('changde.inspector05')).toEqual(['INSPECTOR', 'LEADER']);
    expect(codes(await t.gql(APPROVE, { id: grant.id }, leader))).toEqual(['RULE_VIOLATION']);
    const trail = await t.sql(`SELECT action, actor_username FROM audit_events WHERE object_id = $1 ORDER BY seq`, [grant.id]);
    expect(trail).toEqual([
      { action: 'role_grant.propose', actor_username: 'changde.admin' },
      { action: 'role_grant.approve', actor_username: 'changde.leader' },
    ]);
  });

  it('lets another bureau neither see nor decide a grant', async () => {
    const proposed = await t.gql(UPDATE, { id: await idOf('changde.inspector06'), input: { roles: ['OFFICE'] } }, office);
    const grantId = proposed.data.updateUser.pendingRoleGrant.id;
    for (const username of ['wugang.leader', 'wugang.admin', 'pingdingshan.leader']) {
      const outsider = await t.login(username);
      expect((await t.gql(GRANTS, {}, outsider)).data.roleGrants.map((g: any) => g.id)).not.toContain(grantId);
      expect({ username, codes: codes(await t.gql(APPROVE, { id: grantId }, outsider)) }).toEqual({ username, codes: ['NOT_FOUND'] });
      expect({ username, codes: codes(await t.gql(REJECT, { id: grantId, n: '不同意' }, outsider)) }).toEqual({ username, codes: ['NOT_FOUND'] });
    }
    expect(codes(await t.gql(GRANTS, {}, await t.login('changde.inspector01')))).toEqual(['FORBIDDEN']);
    const [row] = await t.sql(`SELECT status FROM role_grants WHERE id = $1`, [Buffer.from(grantId, 'base64url').toString().split(':')[1]]);
    expect(row.status).toBe('PENDING');
    // A newer decision on the same account replaces the undecided one.
    await t.gql(UPDATE, { id: await idOf('changde.inspector06'), input: { roles: ['INSPECTOR', 'DEPARTMENT_HEAD'] } }, office);
    expect(await rolesOf('changde.inspector06')).toEqual(['INSPECTOR', 'DEPARTMENT_HEAD']);
    expect(codes(await t.gql(APPROVE, { id: grantId }, leader))).toEqual(['RULE_VIOLATION']);
  });

  it('invites a supervisor without the role until approved, and a rejection (with its reason) leaves it ungranted', async () => {
    const invited = await t.gql(INVITE, { input: { username: 'changde.jijian2', displayName: '纪检二', roles: ['SUPERVISOR'] } }, office);
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteUser.user).toMatchObject({ roles: [], pendingRoleGrant: { addedRoles: ['SUPERVISOR'] } });
    const grantId = invited.data.inviteUser.user.pendingRoleGrant.id;
    expect(codes(await t.gql(REJECT, { id: grantId, n: ' ' }, leader))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(REJECT, { id: grantId, n: '人选另行研究' }, leader)).data.rejectRoleGrant).toEqual({
      status: 'REJECTED',
      decisionNote: '人选另行研究',
    });
    expect(await rolesOf('changde.jijian2')).toEqual([]);
  });

  it('refuses roles that check each other on one account, on every path that sets roles', async () => {
    for (const roles of [
      ['SUPERVISOR', 'INSPECTOR'],
      ['OFFICE', 'LEADER'],
      ['SUPERVISOR', 'DEPARTMENT_HEAD'],
      ['LEADER', 'SUPERVISOR'],
    ]) {
      const updated = await t.gql(UPDATE, { id: await idOf('changde.inspector07'), input: { roles } }, office);
      expect({ roles, codes: codes(updated), rule: rule(updated) }).toEqual({ roles, codes: ['RULE_VIOLATION'], rule: 'roles.exclusive' });
      const invited = await t.gql(INVITE, { input: { username: 'changde.double', displayName: '兼任', roles } }, office);
      expect({ roles, codes: codes(invited), rule: rule(invited) }).toEqual({ roles, codes: ['RULE_VIOLATION'], rule: 'roles.exclusive' });
    }
    expect(await rolesOf('changde.inspector07')).toEqual(['INSPECTOR']);
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'changde.double'`)).toEqual([]);
    // Granting a role that conflicts with one the account already holds is refused the same way.
    const supervisor = await t.gql(UPDATE, { id: await idOf('changde.supervisor'), input: { roles: ['SUPERVISOR', 'INSPECTOR'] } }, office);
    expect(rule(supervisor)).toBe('roles.exclusive');
  });

  it('lets the operator approve the first leader of a new bureau, which has nobody else to do it', async () => {
    const operator = await t.login('platform.admin');
    const [parent] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410400'`);
    const onboarded = await t.gql(
      `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { invitation { code } } }`,
      {
        input: {
          name: '叶县自然资源局',
          regionCode: '410422',
          parentId: toGlobalId('Tenant', parent.id),
          kind: 'COUNTY_BUREAU',
          adminUsername: 'yexian.admin',
          adminDisplayName: '叶县局办公室',
        },
      },
      operator,
    );
    await t.gql('mutation($c: String!) { redeemInvitation(code: $c, password: "Yexian-Office-2026") { username } }', {
      c: onboarded.data.onboardTenant.invitation.code,
    });
    const yexian = await t.login('yexian.admin', 'Yexian-Office-2026');
    const invited = await t.gql(INVITE, { input: { username: 'yexian.leader', displayName: '叶县局分管领导', roles: ['LEADER'] } }, yexian);
    const grantId = invited.data.inviteUser.user.pendingRoleGrant.id;
    expect(codes(await t.gql(APPROVE, { id: grantId }, yexian))).toEqual(['RULE_VIOLATION']);
    const awaiting = (await t.gql(GRANTS, { s: 'PENDING' }, operator)).data.roleGrants;
    expect(awaiting).toEqual([
      expect.objectContaining({ id: grantId, username: 'yexian.leader', canDecide: true, tenant: { name: '叶县自然资源局' }, user: null }),
    ]);
    expect((await t.gql(APPROVE, { id: grantId }, operator)).data.approveRoleGrant.status).toBe('APPROVED');
    expect(await rolesOf('yexian.leader')).toEqual(['LEADER']);
    // From now on the bureau's own leader decides, not the operator.
    await t.gql(INVITE, { input: { username: 'yexian.jijian', displayName: '叶县局纪检', roles: ['SUPERVISOR'] } }, yexian);
    expect((await t.gql(GRANTS, { s: 'PENDING' }, operator)).data.roleGrants).toEqual([]);
    const chains = await t.sql(
      `SELECT t.kind FROM audit_events e JOIN tenants t ON t.id = e.tenant_id WHERE e.action = 'role_grant.approve' AND e.object_id = $1 ORDER BY t.kind`,
      [grantId],
    );
    expect(chains.map((c) => c.kind)).toEqual(['COUNTY_BUREAU', 'PLATFORM']);
  });

  it('gives tests the same path: propose, then a second person approves', async () => {
    await grantRoles(t, 'changde.inspector12', ['INSPECTOR', 'DEPARTMENT_HEAD'], { proposer: office });
    await grantRoles(t, 'changde.inspector11', ['OFFICE'], { proposer: office, approver: leader });
    expect(await rolesOf('changde.inspector11')).toEqual(['OFFICE']);
    expect(await rolesOf('changde.inspector12')).toEqual(['INSPECTOR', 'DEPARTMENT_HEAD']);
  });
});
