/** The working-day calendar core: deadlines counted in working days on the official calendar. */
export { isIsoDate, addCalendarDays, weekdayOf, yearOf } from './iso-date';
export { fixedStatutoryHolidays } from './statutory';
export {
  WorkCalendar,
  addWorkdays,
  officialArrangement,
  type DayMark,
  type DaySource,
  type DayStatus,
  type OfficialArrangement,
  type WorkCalendarSources,
  type WorkdayDeadline,
} from './work-calendar';
export { WORKDAYS_MIN, WORKDAYS_MAX, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, calendarDateProblems, addWorkdaysProblems } from './input';
