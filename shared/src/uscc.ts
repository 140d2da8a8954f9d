/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17 (weights 3^i mod 31).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblemCode = 'USCC_EMPTY' | 'USCC_LENGTH' | 'USCC_CHARSET' | 'USCC_CHECKSUM';

export interface UsccCheck {
  /** Upper-case, half-width, without spaces. */
  normalized: string;
  /** Structural problems make the code unusable; a checksum mismatch alone is a warning that may be overridden. */
  problem: { code: UsccProblemCode; message: string } | null;
}

/** Full-width letters and digits (as typed with a Chinese IME) become half-width; spaces go. */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character the first 17 characters call for, or null when they use characters outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkUscc(input: string): UsccCheck {
  const normalized = normalizeUscc(input);
  if (!normalized) return { normalized, problem: { code: 'USCC_EMPTY', message: '统一社会信用代码不能为空' } };
  if (normalized.length !== 18) {
    return { normalized, problem: { code: 'USCC_LENGTH', message: `统一社会信用代码应为 18 位，实际 ${normalized.length} 位` } };
  }
  const bad = [...normalized].find((c) => !USCC_ALPHABET.includes(c));
  if (bad) return { normalized, problem: { code: 'USCC_CHARSET', message: `统一社会信用代码含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）` } };
  const expected = usccCheckCharacter(normalized.slice(0, 17));
  if (expected !== normalized[17]) {
    return { normalized, problem: { code: 'USCC_CHECKSUM', message: `校验码不符：第 18 位应为“${expected}”，实为“${normalized[17]}”` } };
  }
  return { normalized, problem: null };
}

/** Builds a valid code from its first 17 characters (for generated demo data and tests). */
export function completeUscc(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`not a USCC prefix: ${first17}`);
  return first17 + check;
}
