/** A list's filter: one choice or 全部 (null), labelled "label：全部" when nothing is chosen. */
import { Select } from 'antd';
import { useI18n } from '../app/i18n';

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  width,
  testId,
  searchable,
}: {
  label: string;
  value: V | null;
  onChange: (value: V | null) => void;
  options: readonly FilterOption<V>[];
  width: number;
  testId?: string;
  searchable?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select<V | null>
      style={{ width }}
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      options={[{ value: null, label: `${label}：${t('all')}` }, ...options]}
      data-testid={testId}
    />
  );
}
