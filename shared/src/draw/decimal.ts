import { DECIMAL_SCALE } from './constants';

/** A decimal of the draw input, as an exact integer count of 10⁻⁴ units and in its normal form. */
export interface ExactDecimal {
  /** value × 10⁴, an exact integer. */
  units: number;
  /**
   * The normal form: no leading zeros in the integer part (a single "0" before the point when the
   * value is below 1), no trailing zeros in the fraction, and no point when the fraction is empty.
   * "0.10" → "0.1", "2.0000" → "2", "007.50" → "7.5", "0.0" → "0".
   */
  normal: string;
}

/** Largest number of integer digits accepted (after leading zeros), so units < 10^15 < 2^53. */
export const MAX_INTEGER_DIGITS = 11;

/**
 * Reads `DIGIT+ ("." DIGIT{1,4})?` (ASCII digits, no sign, no exponent, no spaces) exactly.
 * Null when the text does not match or has more than 11 integer digits after leading zeros.
 */
export function parseDecimal(text: unknown): ExactDecimal | null {
  if (typeof text !== 'string') return null;
  const n = text.length;
  let i = 0;
  let whole = 0;
  let wholeStart = -1;
  let digits = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (wholeStart < 0 && c !== 48) wholeStart = i;
    if (wholeStart >= 0) {
      digits += 1;
      if (digits > MAX_INTEGER_DIGITS) return null;
      whole = whole * 10 + (c - 48);
    }
    i += 1;
  }
  if (i === 0) return null;
  let fraction = 0;
  let fractionText = '';
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return null;
    const start = i + 1;
    const places = n - start;
    if (places < 1 || places > 4) return null;
    let scale = 1000;
    let lastNonZero = -1;
    for (let j = start; j < n; j += 1) {
      const c = text.charCodeAt(j);
      if (c < 48 || c > 57) return null;
      fraction += (c - 48) * scale;
      scale /= 10;
      if (c !== 48) lastNonZero = j;
    }
    if (lastNonZero >= 0) fractionText = text.slice(start, lastNonZero + 1);
  }
  const units = whole * DECIMAL_SCALE + fraction;
  // Already in normal form (the usual case): reuse the string.
  if ((wholeStart === 0 || (wholeStart < 0 && i === 1)) && (i === n || (fractionText && n === i + 1 + fractionText.length))) {
    return { units, normal: text };
  }
  const wholeText = wholeStart < 0 ? '0' : text.slice(wholeStart, i);
  const normal = fractionText ? `${wholeText}.${fractionText}` : wholeText;
  return { units, normal };
}
