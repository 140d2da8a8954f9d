import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

describe('my account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists my sessions with device and time, marks the current one, and revokes another at once', async () => {
    const phone = (await t.gql('mutation { login(username: "changde.inspector01", password: "spotcheck-demo") { token } }')).data.login.token;
    const desk = await t.login('changde.inspector01');
    const sessions = (await t.gql('{ mySessions { id current userAgent ip createdAt lastUsedAt } }', {}, desk)).data.mySessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: any) => s.current)).toHaveLength(1);
    expect(sessions[0].userAgent).toBeTruthy();
    const other = sessions.find((s: any) => !s.current);
    expect((await t.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: other.id }, desk)).data.revokeSession).toBe(true);
    expect((await t.gql('{ me { id } }', {}, phone)).data.me).toBeNull();
    expect((await t.gql('{ mySessions { id } }', {}, desk)).data.mySessions).toHaveLength(1);
    // Another user's session cannot be revoked.
    const stranger = await t.login('changde.inspector02');
    expect(codes(await t.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: sessions.find((s: any) => s.current).id }, stranger))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('changes my password against the policy and signs out my other sessions', async () => {
    const other = await t.login('changde.inspector03');
    const mine = await t.login('changde.inspector03');
    const wrong = await t.gql('mutation { changePassword(currentPassword: "nope", newPassword: "Fresh-Password-1") }', {}, mine);
    expect(wrong.errors![0]!.extensions!.fields).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await t.gql('mutation { changePassword(currentPassword: "spotcheck-demo", newPassword: "short") }', {}, mine);
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors![0]!.extensions!.fields![0]!.field).toBe('newPassword');
    const ok = await t.gql('mutation { changePassword(currentPassword: "spotcheck-demo", newPassword: "Fresh-Password-1") }', {}, mine);
    expect(ok.data.changePassword).toBe(true);
    expect((await t.gql('{ me { id } }', {}, mine)).data.me).not.toBeNull();
    expect((await t.gql('{ me { id } }', {}, other)).data.me).toBeNull();
    await t.login('changde.inspector03', 'Fresh-Password-1');
  });

  it('shows my sign-in history to me and to the supervisor, not to other colleagues', async () => {
    await t.gql('mutation { login(username: "changde.inspector04", password: "wrong-one") { token } }');
    const mine = await t.login('changde.inspector04');
    const history = (await t.gql('{ signInHistory { totalCount edges { node { action occurredAt after } } } }', {}, mine)).data.signInHistory;
    expect(history.edges.map((e: any) => e.node.action)).toEqual(['auth.login', 'auth.login_failed']);
    expect(history.edges[1].node.after).toMatchObject({ failedLogins: 1 });
    const me = (await t.gql('{ me { id } }', {}, mine)).data.me;
    const supervisor = await t.login('changde.supervisor');
    const seen = await t.gql('query($u: ID) { signInHistory(userId: $u) { totalCount } }', { u: me.id }, supervisor);
    expect(seen.data.signInHistory.totalCount).toBe(2);
    const colleague = await t.login('changde.inspector05');
    expect(codes(await t.gql('query($u: ID) { signInHistory(userId: $u) { totalCount } }', { u: me.id }, colleague))).toEqual(['FORBIDDEN']);
    const outsider = await t.login('wugang.leader');
    expect(codes(await t.gql('query($u: ID) { signInHistory(userId: $u) { totalCount } }', { u: me.id }, outsider))).toEqual(['NOT_FOUND']);
  });

  it('lets the office edit the bureau’s settings, and no one else', async () => {
    const office = await t.login('changde.admin');
    const result = await t.gql(
      'mutation { updateTenantSettings(input: { displayName: "常德市自然资源和规划局", contact: "0736-1234567", publicHeader: "双随机、一公开", publicFooter: "" }) { displayName contact publicHeader publicFooter } }',
      {},
      office,
    );
    expect(result.data.updateTenantSettings).toEqual({
      displayName: '常德市自然资源和规划局',
      contact: '0736-1234567',
      publicHeader: '双随机、一公开',
      publicFooter: null,
    });
    const tooLong = await t.gql('mutation($c: String) { updateTenantSettings(input: { contact: $c }) { contact } }', { c: 'x'.repeat(201) }, office);
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
    const inspector = await t.login('changde.inspector06');
    expect(codes(await t.gql('mutation { updateTenantSettings(input: { contact: "x" }) { contact } }', {}, inspector))).toEqual(['FORBIDDEN']);
  });

  it('answers the region tree without signing in', async () => {
    const provinces = (await t.gql('{ regions { code name level } }')).data.regions;
    expect(provinces.length).toBeGreaterThanOrEqual(31);
    expect(provinces).toContainEqual({ code: '430000', name: '湖南省', level: 'PROVINCE' });
    const counties = (await t.gql('{ regions(parentCode: "410400") { code name } }')).data.regions;
    expect(counties).toContainEqual({ code: '410481', name: '舞钢市' });
  });
});
