/**
 * A date as the forms keep it (`YYYY-MM-DD` text) in antd's date picker, which speaks the UI's language
 * (Chinese month and weekday names, weeks from Monday) where the browser's own date input would follow
 * the browser's locale (mm/dd/yyyy). `min`/`max` bound the days that can be picked.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

const FORMAT = 'YYYY-MM-DD';

export interface DateFieldProps {
  value?: string | null;
  onChange?: (value: string) => void;
  min?: string;
  max?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function DateField({ value, onChange, min, max, style, ...rest }: DateFieldProps) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value, FORMAT) : null}
      format={FORMAT}
      onChange={(date) => onChange?.(date ? date.format(FORMAT) : '')}
      disabledDate={(day) => (min !== undefined && day.format(FORMAT) < min) || (max !== undefined && day.format(FORMAT) > max)}
      style={style ?? { width: 150 }}
    />
  );
}
