import { normalizeUscc } from './uscc';

/**
 * 公民身份号码 (居民身份证号), GB 11643-1999: 17 digits (region, birth date, sequence) and a check
 * character over them (weights 2^(17−i) mod 11; 10 is written X). A natural person in the directory
 * is identified by it, but the number itself is never stored: see the server's `id-numbers.ts`.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblemCode = 'ID_EMPTY' | 'ID_FORMAT' | 'ID_DATE' | 'ID_CHECKSUM';

export interface IdNumberCheck {
  /** Half-width, upper-case X, without spaces. */
  normalized: string;
  problem: { code: IdNumberProblemCode; message: string } | null;
}

export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function checkIdNumber(input: string): IdNumberCheck {
  const normalized = normalizeUscc(input);
  if (!normalized) return { normalized, problem: { code: 'ID_EMPTY', message: '身份证号不能为空' } };
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { normalized, problem: { code: 'ID_FORMAT', message: '身份证号应为 18 位：17 位数字和 1 位校验码（数字或 X）' } };
  }
  const [y, m, d] = [normalized.slice(6, 10), normalized.slice(10, 12), normalized.slice(12, 14)].map(Number) as [number, number, number];
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCFullYear() !== y || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d) {
    return { normalized, problem: { code: 'ID_DATE', message: '身份证号中的出生日期无效' } };
  }
  if (idNumberCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return { normalized, problem: { code: 'ID_CHECKSUM', message: '身份证号校验码不符' } };
  }
  return { normalized, problem: null };
}

/** Shown instead of the number: the first 4 and the last 4 characters kept, e.g. `4104**********1234`. */
export function maskIdNumber(normalized: string): string {
  return `${normalized.slice(0, 4)}${'*'.repeat(Math.max(normalized.length - 8, 0))}${normalized.slice(-4)}`;
}

/** Builds a valid number from its first 17 digits (for demo data and tests). */
export function completeIdNumber(first17: string): string {
  const check = idNumberCheckCharacter(first17);
  if (!check) throw new Error(`not an ID number prefix: ${first17}`);
  return first17 + check;
}

/** The prefix of a natural person's directory key (its stand-in for a USCC): `P:` and a keyed hash. */
export const PERSON_KEY_PREFIX = 'P:';

export function isPersonKey(key: string): boolean {
  return key.startsWith(PERSON_KEY_PREFIX);
}
