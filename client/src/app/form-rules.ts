/** Form rules built on the shared checks, so the browser says what the server would, as you type. */
import type { FormRule } from 'antd';
import { labelProblems, passwordProblems, usernameProblems, type FieldProblem } from '@spotcheck/shared';

function fromProblems(problems: FieldProblem[]): Promise<void> {
  return problems.length ? Promise.reject(new Error(problems.map((p) => p.message).join('；'))) : Promise.resolve();
}

/** Password strength; `username` is read at validation time (the password must not contain it). Empty is left to `required`. */
export function passwordRule(username?: () => string | undefined): FormRule {
  return {
    validator: (_, value: string | undefined) => (value ? fromProblems(passwordProblems(value, { username: username?.() })) : Promise.resolve()),
  };
}

export function usernameRule(): FormRule {
  return { validator: (_, value: string | undefined) => fromProblems(usernameProblems(value ?? '')) };
}

export function labelRule(max: number): FormRule {
  return { validator: (_, value: string | undefined) => fromProblems(labelProblems(value ?? '', 'label', max)) };
}

/** The second entry of a password must equal the first (field `name`). */
export function sameAsRule(name: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) => (!value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}
