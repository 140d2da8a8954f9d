/** The year the figures are for: this year (Beijing time) and the years before it. */
import { Select } from 'antd';
import { beijingYear } from '@spotcheck/shared';
import { useMessages } from '../../app/i18n';
import { dashboardMessages } from './messages';

/** This year in China, as the server counts it by default. */
export function currentYear(): number {
  return beijingYear();
}

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const m = useMessages(dashboardMessages);
  const now = currentYear();
  const years = Array.from({ length: 8 }, (_, i) => now - i);
  return (
    <Select<number>
      aria-label={m('year')}
      style={{ width: 120 }}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      options={years.map((year) => ({ value: year, label: m('yearOption', { year }) }))}
      data-testid="dashboard-year"
    />
  );
}
