import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addCalendarDays, fixedStatutoryHolidays, officialArrangement, type DayMark, type OfficialArrangement } from '@spotcheck/shared';

/** The package's documented JSON: date → "English,中文,n" for every holiday day and make-up working day. */
interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let official: OfficialArrangement | undefined;

/**
 * The State Council arrangements that the `chinese-days` package carries (2004–2026 in 1.5.7).
 * A year counts as known when the package lists its New Year's Day: every notice gives one, and a
 * notice may also move a late-December day of the year before, which must not make that year known.
 */
export function officialCalendar(): OfficialArrangement {
  if (!official) {
    const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
    const years = Object.keys(data.holidays)
      .filter((d) => d.endsWith('-01-01'))
      .map((d) => Number(d.slice(0, 4)));
    const days: DayMark[] = [
      ...Object.keys(data.holidays).map((date) => ({ date, working: false })),
      ...Object.keys(data.workdays).map((date) => ({ date, working: true })),
    ];
    official = officialArrangement(years, days);
  }
  return official;
}

/** The package's lunar tables and solar-term dates cover 1901–2100. */
const LUNAR_FIRST_YEAR = 1901;
const LUNAR_LAST_YEAR = 2100;

/**
 * The statutory holidays on lunar dates and solar terms, as in force since 2025: 除夕 and 春节
 * 初一–初三, 清明 (the solar term day), 端午 (五月初五), 中秋 (八月十五). Each falls in the same
 * Gregorian year as its lunar year, 除夕 included (it is the eve of 初一, which is never before 21 January).
 */
export function lunarStatutoryHolidays(year: number): string[] {
  if (year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) return [];
  const solar = (lunar: string) => getSolarDateFromLunar(`${year}-${lunar}`).date;
  const newYear = solar('01-01');
  return [
    addCalendarDays(newYear, -1),
    newYear,
    addCalendarDays(newYear, 1),
    addCalendarDays(newYear, 2),
    getSolarTermDate(year, 4, 'pure_brightness'),
    solar('05-05'),
    solar('08-15'),
  ];
}

const statutoryCache = new Map<number, string[]>();

/** Every statutory holiday of a year: the fixed-date ones and the lunar ones. */
export function statutoryHolidays(year: number): string[] {
  let days = statutoryCache.get(year);
  if (!days) {
    days = [...fixedStatutoryHolidays(year), ...lunarStatutoryHolidays(year)];
    statutoryCache.set(year, days);
  }
  return days;
}
