/**
 * The public number of a draw ceremony: the result of a lottery (福彩3D, 排列三 …) announced before the
 * ceremony, entered by the office as its digits only. How many digits is declared when the pool is
 * frozen (封存名单), before the number exists, so a slip (“x”, a digit missing) is refused before it
 * enters the permanent record.
 */
export const DEFAULT_PUBLIC_NUMBER_DIGITS = 3;
export const MAX_PUBLIC_NUMBER_DIGITS = 32;

/** Whether `digits` is a length a ceremony may declare. */
export function isPublicNumberLength(digits: number): boolean {
  return Number.isInteger(digits) && digits >= 1 && digits <= MAX_PUBLIC_NUMBER_DIGITS;
}

/**
 * Why `value` is not the declared public number (a Chinese sentence), or null when it is: ASCII digits
 * only, exactly `digits` of them. `digits` null: a draw frozen before the length was declared, which
 * keeps the free text of its announcement.
 */
export function publicNumberProblem(value: string, digits: number | null): string | null {
  if (digits === null) return null;
  if (!/^[0-9]+$/.test(value)) return `公开号码只能填写数字（0–9），不含文字、空格或符号；本次摇号公告的是 ${digits} 位数字`;
  if (value.length !== digits) return `公开号码应为 ${digits} 位数字，录入的是 ${value.length} 位`;
  return null;
}
