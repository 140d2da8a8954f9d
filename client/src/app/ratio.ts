/** Ratios in forms: typed as 0.05 or 5% (the shared parseRatioInput), sent to the server as the fraction. */
import type { FormRule } from 'antd';
import { RATIO_INPUT_MESSAGE, parseRatioInput } from '@spotcheck/shared';

/** What the server gets for a typed ratio: the fraction, or the text as typed when it is none (the server then refuses it). */
export function ratioValue(typed: string | undefined | null): string {
  const text = (typed ?? '').trim();
  return parseRatioInput(text) ?? text;
}

/** A field rule: empty is left to `required`; otherwise a fraction or a percentage. */
export const ratioFieldRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value?.trim() || parseRatioInput(value) !== null ? Promise.resolve() : Promise.reject(new Error(RATIO_INPUT_MESSAGE)),
};

export const RATIO_PLACEHOLDER = '5% 或 0.05';

/**
 * Form.Item `normalize` for a ratio field whose value the form checks as it is (the rules editor): a
 * percentage becomes the fraction the moment its % is typed; anything else stays as typed.
 */
export function percentToFraction(value: unknown): unknown {
  return typeof value === 'string' && /[%％]/.test(value) ? (parseRatioInput(value) ?? value) : value;
}
