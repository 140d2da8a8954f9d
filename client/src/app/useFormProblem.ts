/**
 * What went wrong with a form's request: `extensions.fields` go onto the form's matching fields,
 * the rest is kept for an alert above the form.
 */
import { useCallback, useState } from 'react';
import type { ErrorLike } from '@apollo/client';
import type { FormInstance } from 'antd';
import { describeError, type ApiProblem } from './errors';

export interface FormProblem extends ApiProblem {
  /** Every field problem found its field on the form, so the alert need not repeat them. */
  allPlaced: boolean;
}

/** `rename` maps a server field name to the form's field name where they differ. */
export function useFormProblem(form: FormInstance, fieldNames: readonly string[], rename: Readonly<Record<string, string>> = NO_RENAMES) {
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const report = useCallback(
    (error: unknown) => {
      const described = describeError(error as ErrorLike);
      if (!described) return;
      const byField = new Map<string, string[]>();
      for (const { field, message } of described.fields) {
        const name = rename[field] ?? field;
        if (!fieldNames.includes(name)) continue;
        byField.set(name, [...(byField.get(name) ?? []), message]);
      }
      // One message per field, as for the form's own rules: the server's first for it.
      form.setFields([...byField].map(([name, errors]) => ({ name, errors: errors.slice(0, 1) })));
      const placed = [...byField.values()].reduce((n, list) => n + list.length, 0);
      setProblem({ ...described, allPlaced: placed > 0 && placed === described.fields.length });
    },
    [form, fieldNames, rename],
  );
  const clear = useCallback(() => setProblem(null), []);
  return { problem, report, clear };
}

const NO_RENAMES: Readonly<Record<string, string>> = {};
