import type { FieldProblem } from './errors';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Passwords long enough to pass the length rule that still top leaked-password lists, including the
 * ones Chinese users favour (5201314 “我爱你一生一世”, pinyin, keyboard walks). Compared lower-cased.
 */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'a123456789',
  '1234567890a',
  'qwertyuiop',
  'qwertyuiop123',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'zxcvbnm123',
  'asdfghjkl1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou12',
  'iloveyou123',
  'woaini1314',
  'woaini5201314',
  '5201314520',
  '52013145201314',
  '1314520520',
  'aini1314520',
  'woaiwojia123',
  'abc1234567',
  'abcd123456',
  'abcd1234567',
  'abc123456789',
  'admin12345',
  'admin123456',
  'administrator',
  'root123456',
  'welcome123',
  'changeme123',
  'spotcheck123',
  'qq123456789',
  'zhang123456',
  'wang123456',
  'li123456789',
  'liu123456',
  'chen123456',
  'a1b2c3d4e5',
  'aa123456789',
  'abcdefghij',
  'qweasdzxc123',
  'qwe123456789',
  'asd123456789',
  'zxc123456789',
  '147258369a',
  '1472583690',
  '9876543210',
  '0987654321',
  'football123',
  'superman123',
  'dragon12345',
  'monkey12345',
  'sunshine123',
  'princess123',
  'baseball123',
]);

/** Problems with a proposed password, empty when it is acceptable. Shared so the browser checks as you type. */
export function passwordProblems(password: string, context: { username?: string } = {}): FieldProblem[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`最多 ${MAX_PASSWORD_LENGTH} 个字符`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || isSequence(lower)) problems.push('过于常见，容易被猜中');
  const user = context.username?.toLowerCase();
  if (user && user.length >= 3 && lower.includes(user)) problems.push('不能包含用户名');
  if (new Set(password).size < 4) problems.push('至少包含 4 个不同字符');
  return problems.map((message) => ({ field: 'password', message }));
}

/** 0123456789…, abcdef…, and their reverses. */
function isSequence(text: string): boolean {
  if (text.length < 3) return false;
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < text.length; i += 1) if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  return true;
}
