import { parseRatio } from './directories';

/**
 * A ratio typed into a form — a fraction (`0.05`, `.05`) or a percentage (`5%`, `5 %`, `12.5％`) — as
 * the stored fraction (`0.05`, `0.125`), or null when it is neither or lies outside 0–100%. The same
 * reading as the import's `parseRatio`, but the whole field must be the number (no “不低于” around it).
 * The server stores and accepts fractions only (`Ratio`); the forms convert with this before sending.
 */
export function parseRatioInput(typed: string): string | null {
  const text = typed.trim().replace(/\s+/g, '');
  if (/^\d{1,3}(?:\.\d{1,2})?[%％]$/.test(text)) return parseRatio(text);
  if (/^\.\d{1,4}$/.test(text)) return parseRatio(`0${text}`);
  return /^\d+(?:\.\d+)?$/.test(text) ? parseRatio(text) : null;
}

/** The form's message for a ratio that parseRatioInput refuses. */
export const RATIO_INPUT_MESSAGE = '比例须为 0 到 1 之间的小数（如 0.05）或百分数（如 5%）';
