import type { FieldProblem } from '../errors';
import { isIsoDate, yearOf } from './iso-date';

export const WORKDAYS_MIN = 1;
export const WORKDAYS_MAX = 365;
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;

/** Problems with a date the calendar is asked about, under `field`. */
export function calendarDateProblems(date: string, field: string): FieldProblem[] {
  if (!isIsoDate(date)) return [{ field, message: '日期无效，应为 YYYY-MM-DD 格式的真实日期' }];
  const year = yearOf(date);
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    return [{ field, message: `日期须在 ${CALENDAR_FIRST_YEAR} 年至 ${CALENDAR_LAST_YEAR} 年之间` }];
  }
  return [];
}

/** Problems with a request to add `days` working days to `from`. */
export function addWorkdaysProblems(from: string, days: number): FieldProblem[] {
  const problems = calendarDateProblems(from, 'from');
  if (!Number.isInteger(days) || days < WORKDAYS_MIN || days > WORKDAYS_MAX) {
    problems.push({ field: 'days', message: `工作日天数须为 ${WORKDAYS_MIN} 至 ${WORKDAYS_MAX} 之间的整数` });
  }
  return problems;
}
