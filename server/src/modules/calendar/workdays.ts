import type { EntityManager } from 'typeorm';
import { WorkCalendar, addCalendarDays, addWorkdays, addWorkdaysProblems, yearOf, type WorkdayDeadline } from '@spotcheck/shared';
import { badInput } from '../../graphql/errors';
import { CalendarAdjustment } from './calendar-adjustment.entity';
import { PlatformCalendarEntry } from './calendar-entry.entity';
import { officialCalendar, statutoryHolidays } from './official-calendar';

/**
 * The deadline `days` working days after `from`, for other modules (report due 3 working days after
 * the inspection, publication due 10 after approval …). With a tenant, that bureau's local
 * adjustments apply; `m` must then run in that tenant's RLS scope. With null, the national calendar:
 * the package's State Council data plus the platform entries.
 */
export async function addWorkdaysFor(m: EntityManager, tenantId: string | null, from: string, days: number): Promise<WorkdayDeadline> {
  const problems = addWorkdaysProblems(from, days);
  if (problems.length) throw badInput(problems);
  return addWorkdays(await calendarFor(m, tenantId, from), from, days);
}

/**
 * How many working days `day` lies after the deadline `due` on the bureau's calendar: the working days
 * d with due < d <= day; 0 when `day` is not after `due`. A report due Friday and handed in on the
 * Monday after is one working day late, and one due before a holiday week is late by its working days only.
 */
export async function workdaysLateFor(m: EntityManager, tenantId: string | null, due: string, day: string): Promise<number> {
  if (day <= due) return 0;
  const calendar = await calendarFor(m, tenantId, due);
  let late = 0;
  for (let d = addCalendarDays(due, 1); d <= day; d = addCalendarDays(d, 1)) if (calendar.isWorkday(d)) late += 1;
  return late;
}

/** The calendar for dates after `from`: only the rows that can matter are read. */
export async function calendarFor(m: EntityManager, tenantId: string | null, from: string): Promise<WorkCalendar> {
  // From the first of the year, so a year made known by entries before `from` stays known.
  const platform = await m
    .createQueryBuilder(PlatformCalendarEntry, 'e')
    .select(['e.date', 'e.working'])
    .where('e.date >= :start', { start: `${yearOf(from)}-01-01` })
    .getMany();
  const local = tenantId
    ? await m
        .createQueryBuilder(CalendarAdjustment, 'a')
        .select(['a.date', 'a.working'])
        .where('a.tenant_id = :tenantId AND a.date > :from', { tenantId, from })
        .getMany()
    : [];
  return new WorkCalendar({ official: officialCalendar(), platform, local, statutoryHolidays });
}
