/**
 * Beijing time (China Standard Time, UTC+8 all year: China keeps no daylight saving time). The seeds'
 * days — a deadline's day, “today” for the day's quotas, the publication's date, the plan's year — are
 * days in Beijing, whatever the server's or the browser's own zone.
 */

/** The zone name for PostgreSQL (`AT TIME ZONE`) and schedulers. */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';
/** UTC+8, in milliseconds. */
export const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The instant as Beijing's wall clock, in ISO form: `YYYY-MM-DDTHH:mm:ss.sss` (without a zone). */
function beijingWallClock(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 23);
}

/** The day in Beijing of an instant (now by default), as `YYYY-MM-DD`. */
export function beijingDate(at: Date = new Date()): string {
  return beijingWallClock(at).slice(0, 10);
}

/** The year in Beijing of an instant (now by default). */
export function beijingYear(at: Date = new Date()): number {
  return Number(beijingWallClock(at).slice(0, 4));
}

/** The instant to the minute in Beijing, as `YYYY-MM-DD HH:mm`. */
export function beijingMinute(at: Date): string {
  const wall = beijingWallClock(at);
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** 00:00 in Beijing on a `YYYY-MM-DD` day, as an ISO timestamp with its offset (for APIs that take one). */
export function beijingDayStartText(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return `${day}T00:00:00+08:00`;
}

/** 00:00 in Beijing on a `YYYY-MM-DD` day. */
export function beijingDayStart(day: string): Date {
  return new Date(beijingDayStartText(day));
}
