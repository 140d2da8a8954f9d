/** The item form's values, its checks as typed (the shared Ratio the server applies), and the server's ItemInput. */
import type { FormRule } from 'antd';
import { parseRatioInput } from '@spotcheck/shared';
import { ratioValue } from '../../app/ratio';
import type { ItemCategory, ItemInput, ItemRow } from './operations';

export interface ItemFormValues {
  name: string;
  departmentId: string | null;
  category: ItemCategory;
  legalBasis: string;
  inspectingBody: string;
  content: string;
  targetType: string;
  minRatio: string;
  frequencyPerYear: number | null;
  methods: string[];
  remarks?: string;
  reason?: string;
}

export function itemValues(item: ItemRow | null, defaults: { departmentId: string | null; inspectingBody: string }): ItemFormValues {
  if (!item) {
    return {
      name: '',
      departmentId: defaults.departmentId,
      category: 'GENERAL',
      legalBasis: '',
      inspectingBody: defaults.inspectingBody,
      content: '',
      targetType: '',
      minRatio: '',
      frequencyPerYear: 1,
      methods: [],
    };
  }
  return {
    name: item.name,
    departmentId: item.department?.id ?? null,
    category: item.category,
    legalBasis: item.legalBasis,
    inspectingBody: item.inspectingBody,
    content: item.content ?? '',
    targetType: item.targetType,
    minRatio: item.minRatio,
    frequencyPerYear: item.frequencyPerYear,
    methods: item.methods,
    remarks: item.remarks ?? '',
  };
}

export function itemInput(values: ItemFormValues): ItemInput {
  return {
    name: values.name.trim(),
    departmentId: values.departmentId,
    category: values.category,
    legalBasis: values.legalBasis.trim(),
    inspectingBody: values.inspectingBody.trim(),
    content: values.content.trim(),
    targetType: values.targetType.trim(),
    minRatio: ratioValue(values.minRatio),
    frequencyPerYear: values.frequencyPerYear ?? 0,
    methods: values.methods,
    remarks: values.remarks?.trim() || null,
  };
}

/** Greater than 0, at most 1, up to 4 decimals: the server's check. */
export function isMinRatio(value: unknown): value is string {
  const fraction = typeof value === 'string' ? parseRatioInput(value) : null;
  return fraction !== null && Number(fraction) > 0;
}

/** Empty is left to `required`. */
export function minRatioRule(message: string): FormRule {
  return {
    validator: (_, value: string | undefined) => (!value?.trim() || isMinRatio(value) ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}

/** "0.10" → "10%". */
export function percent(ratio: string): string {
  const value = Number(parseRatioInput(ratio) ?? ratio) * 100;
  return Number.isFinite(value) ? `${Number(value.toFixed(2))}%` : ratio;
}
