import type { FieldProblem } from './errors';

/** Usernames like `changde.inspector01`: lower-case letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export function usernameProblems(username: string, field = 'username'): FieldProblem[] {
  if (!username) return [{ field, message: '请输入用户名' }];
  if (!USERNAME_PATTERN.test(username)) {
    return [{ field, message: '用户名须为 3–40 位小写字母、数字、点、横线或下划线，以字母或数字开头' }];
  }
  return [];
}

/** Display names and other short labels: trimmed, 1–`max` characters. */
export function labelProblems(value: string, field: string, max = 100): FieldProblem[] {
  const trimmed = value.trim();
  if (!trimmed) return [{ field, message: '不能为空' }];
  if (trimmed.length > max) return [{ field, message: `不能超过 ${max} 个字符` }];
  return [];
}
