import { SignJWT } from 'jose';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token refreshToken expiresIn user { username } } }';
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { token refreshToken } }';
const ME = '{ me { id username roles tenant { id name regionCode } department { name isOffice } } }';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the demo password and answers me with roles, tenant and department', async () => {
    const result = await t.gql(LOGIN, { u: 'changde.admin', p: 'spotcheck-demo' });
    expect(result.errors).toBeUndefined();
    expect(result.data.login.expiresIn).toBe(900);
    const me = await t.gql(ME, {}, result.data.login.token);
    expect(me.data.me).toMatchObject({
      username: 'changde.admin',
      roles: ['OFFICE'],
      tenant: { name: '常德市自然资源和规划局', regionCode: '430700' },
      department: { isOffice: true },
    });
    const [user] = await t.sql(`SELECT password_hash FROM users WHERE username = 'changde.admin'`);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers me with null when not signed in, and refuses protected fields with UNAUTHENTICATED', async () => {
    expect((await t.gql(ME)).data.me).toBeNull();
    expect(codes(await t.gql('{ users { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.gql(LOGIN, { u: 'nobody.here', p: 'whatever-123' });
    const wrong = await t.gql(LOGIN, { u: 'changde.leader', p: 'wrong-password' });
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0]!.message).toContain('用户名或密码错误');
    expect(wrong.errors![0]!.message).toContain('用户名或密码错误');
  });

  it('rejects empty input as BAD_USER_INPUT naming the fields', async () => {
    const result = await t.gql(LOGIN, { u: '  ', p: '' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.fields).toEqual([
      { field: 'username', message: '请输入用户名' },
      { field: 'password', message: '请输入密码' },
    ]);
  });

  it('never locks an account: the user’s own failures end in a short wait, then the right password signs in', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await t.gql(LOGIN, { u: 'changde.inspector05', p: `wrong-${i}` }));
    expect(answers.slice(0, 3).map(codes)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['UNAUTHENTICATED']]);
    for (const answer of answers) expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(codes(answer)[0]);
    let ok = await t.gql(LOGIN, { u: 'changde.inspector05', p: 'spotcheck-demo' });
    for (let i = 0; i < 3 && codes(ok)[0] === 'RATE_LIMITED'; i += 1) {
      expect(ok.errors![0]!.message).toMatch(/请 \d+ 秒后再试/);
      await new Promise((r) => setTimeout(r, (ok.errors![0]!.extensions!.retryAfterSeconds as number) * 1000));
      ok = await t.gql(LOGIN, { u: 'changde.inspector05', p: 'spotcheck-demo' });
    }
    expect(codes(ok)).toEqual([]);
    const [row] = await t.sql(`SELECT failed_logins, locked_until FROM users WHERE username = 'changde.inspector05'`);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('resets the failure count after a successful sign-in', async () => {
    await t.gql(LOGIN, { u: 'changde.inspector06', p: 'wrong' });
    await t.login('changde.inspector06');
    const [row] = await t.sql(`SELECT failed_logins FROM users WHERE username = 'changde.inspector06'`);
    expect(row.failed_logins).toBe(0);
  });

  it('rotates refresh tokens and ends the session when a used one comes back', async () => {
    const first = (await t.gql(LOGIN, { u: 'wugang.leader', p: 'spotcheck-demo' })).data.login;
    const second = await t.gql(REFRESH, { r: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect(second.data.refreshToken.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, {}, second.data.refreshToken.token)).data.me.username).toBe('wugang.leader');

    const replay = await t.gql(REFRESH, { r: first.refreshToken });
    expect(codes(replay)).toEqual(['UNAUTHENTICATED']);
    // The reuse revoked the session: the legitimate newer token is dead too.
    expect(codes(await t.gql(REFRESH, { r: second.data.refreshToken.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(REFRESH, { r: 'garbage' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('logs out: the refresh token stops working', async () => {
    const { refreshToken } = (await t.gql(LOGIN, { u: 'wugang.admin', p: 'spotcheck-demo' })).data.login;
    expect((await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: refreshToken })).data.logout).toBe(true);
    expect(codes(await t.gql(REFRESH, { r: refreshToken }))).toEqual(['UNAUTHENTICATED']);
  });

  it('treats forged, expired and malformed bearer tokens as not signed in', async () => {
    const real = await t.login('changde.supervisor');
    const claims = JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString());
    const forged = await new SignJWT({ ...claims, rol: ['PLATFORM_OPERATOR'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(t.app.services.config.jwtSecret!));
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${real.split('.')[1]}.`;
    for (const token of [forged, expired, unsigned, 'not-a-jwt']) {
      expect((await t.gql(ME, {}, token)).data.me).toBeNull();
      expect(codes(await t.gql('{ users { totalCount } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses deactivated users and users of a suspended tenant', async () => {
    await t.sql(`UPDATE users SET status = 'DEACTIVATED' WHERE username = 'changde.inspector07'`);
    expect(codes(await t.gql(LOGIN, { u: 'changde.inspector07', p: 'spotcheck-demo' }))).toEqual(['FORBIDDEN']);
    await t.sql(`UPDATE tenants SET status = 'SUSPENDED' WHERE region_code = '410481'`);
    expect(codes(await t.gql(LOGIN, { u: 'wugang.inspector01', p: 'spotcheck-demo' }))).toEqual(['FORBIDDEN']);
    await t.sql(`UPDATE tenants SET status = 'ACTIVE' WHERE region_code = '410481'`);
  });
});
