/** Small display helpers of the portal. */
import { normalizeUscc } from '@spotcheck/shared';

/** "0.10" → "10%", "0.025" → "2.5%". */
export function percent(ratio: string): string {
  const value = Number(ratio) * 100;
  return Number.isFinite(value) ? `${Number(value.toFixed(2))}%` : ratio;
}

/** 1536 → "1.5 KB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A USCC as typed (full-width, lower case, spaces) → 18 upper-case characters, or null. */
export function usccQuery(input: string): string | null {
  const code = normalizeUscc(input);
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

/** Long hex values shown whole but breakable, in a monospace font. */
export const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' as const };
