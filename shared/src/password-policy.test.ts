import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('Lotus-湖畔-2026', { username: 'changde.admin' })).toEqual([]);
  });

  it('refuses short, common, repeated, sequential and username-bearing passwords with reasons', () => {
    expect(passwordProblems('short1')[0]!.message).toContain('至少 10');
    expect(passwordProblems('woaini1314').map((p) => p.message)).toContain('过于常见，容易被猜中');
    expect(passwordProblems('Password123').map((p) => p.message)).toContain('过于常见，容易被猜中');
    expect(passwordProblems('aaaaaaaaaaaa').map((p) => p.message)).toContain('过于常见，容易被猜中');
    expect(passwordProblems('abcdefghijklm').map((p) => p.message)).toContain('过于常见，容易被猜中');
    expect(passwordProblems('my-changde.admin-pw', { username: 'changde.admin' }).map((p) => p.message)).toContain('不能包含用户名');
    expect(passwordProblems('ababababab').map((p) => p.message)).toContain('至少包含 4 个不同字符');
  });
});
