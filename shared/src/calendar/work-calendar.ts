import { addCalendarDays, weekdayOf, yearOf } from './iso-date';
import { fixedStatutoryHolidays } from './statutory';

/** One day's status as a notice or an adjustment states it: a rest day, or a (make-up) working day. */
export interface DayMark {
  date: string;
  working: boolean;
}

/** The State Council arrangement for the years a data source knows completely. */
export interface OfficialArrangement {
  years: ReadonlySet<number>;
  /** Every holiday day (false) and make-up working day (true) of those years; other days follow the week. */
  days: ReadonlyMap<string, boolean>;
}

export interface WorkCalendarSources {
  official: OfficialArrangement;
  /** Platform-level entries: override the official data; a year with any entry counts as known. */
  platform?: readonly DayMark[];
  /** One bureau's local adjustments: override everything else for that bureau. */
  local?: readonly DayMark[];
  /**
   * Statutory holidays of a year the official data does not know; they stay rest days there unless
   * an entry says otherwise. Defaults to the fixed-date ones.
   */
  statutoryHolidays?: (year: number) => readonly string[];
}

/** Where a day's status came from, strongest first. */
export type DaySource = 'LOCAL' | 'PLATFORM' | 'OFFICIAL' | 'STATUTORY' | 'WEEK';

export interface DayStatus {
  date: string;
  working: boolean;
  source: DaySource;
  /** The day lies in a year whose arrangement neither the official data nor platform entries give. */
  provisional: boolean;
}

export function officialArrangement(years: Iterable<number>, days: Iterable<DayMark>): OfficialArrangement {
  return { years: new Set(years), days: new Map([...days].map((d) => [d.date, d.working])) };
}

/**
 * The working-day calendar of one bureau (or of the nation, without local adjustments).
 * Precedence: local adjustment > platform entry > official arrangement > statutory holiday (only in
 * a year the official data does not know) > Monday–Friday work, Saturday and Sunday rest.
 */
export class WorkCalendar {
  private readonly official: OfficialArrangement;
  private readonly platform: Map<string, boolean>;
  private readonly platformYears: Set<number>;
  private readonly local: Map<string, boolean>;
  private readonly statutory: (year: number) => readonly string[];
  private readonly statutoryByYear = new Map<number, Set<string>>();

  constructor(sources: WorkCalendarSources) {
    this.official = sources.official;
    this.platform = new Map((sources.platform ?? []).map((d) => [d.date, d.working]));
    this.platformYears = new Set([...this.platform.keys()].map(yearOf));
    this.local = new Map((sources.local ?? []).map((d) => [d.date, d.working]));
    this.statutory = sources.statutoryHolidays ?? fixedStatutoryHolidays;
  }

  /** Whether the year's arrangement is known (from the official data or platform entries). */
  isKnownYear(year: number): boolean {
    return this.official.years.has(year) || this.platformYears.has(year);
  }

  day(date: string): DayStatus {
    const year = yearOf(date);
    const provisional = !this.isKnownYear(year);
    const status = (working: boolean, source: DaySource): DayStatus => ({ date, working, source, provisional });
    const local = this.local.get(date);
    if (local !== undefined) return status(local, 'LOCAL');
    const platform = this.platform.get(date);
    if (platform !== undefined) return status(platform, 'PLATFORM');
    if (this.official.years.has(year)) {
      const official = this.official.days.get(date);
      if (official !== undefined) return status(official, 'OFFICIAL');
    } else if (this.statutoryOf(year).has(date)) {
      return status(false, 'STATUTORY');
    }
    const weekday = weekdayOf(date);
    return status(weekday !== 0 && weekday !== 6, 'WEEK');
  }

  isWorkday(date: string): boolean {
    return this.day(date).working;
  }

  private statutoryOf(year: number): Set<string> {
    let days = this.statutoryByYear.get(year);
    if (!days) {
      days = new Set(this.statutory(year));
      this.statutoryByYear.set(year, days);
    }
    return days;
  }
}

export interface WorkdayDeadline {
  date: string;
  /** Some day counted lies in a year whose arrangement is not known yet: the date may still move. */
  provisional: boolean;
  /** Those years, ascending. */
  provisionalYears: number[];
}

/**
 * The Nth working day after `from`. The day of the event itself is never counted, whether or not it
 * is a working day: an inspection on Friday with 3 working days is due on Wednesday. Only the days
 * after `from`, up to the deadline, decide whether the result is provisional.
 */
export function addWorkdays(calendar: WorkCalendar, from: string, days: number): WorkdayDeadline {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const provisionalYears = new Set<number>();
  let date = from;
  for (let left = days; left > 0;) {
    date = addCalendarDays(date, 1);
    const status = calendar.day(date);
    if (status.provisional) provisionalYears.add(yearOf(date));
    if (status.working) left--;
  }
  const years = [...provisionalYears].sort((a, b) => a - b);
  return { date, provisional: years.length > 0, provisionalYears: years };
}
