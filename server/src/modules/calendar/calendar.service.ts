import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, asSubject, calendarDateProblems, labelProblems, type FieldProblem } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { CalendarAdjustment } from './calendar-adjustment.entity';
import { PlatformCalendarEntry } from './calendar-entry.entity';
import { addWorkdaysFor } from './workdays';

export interface CalendarDayInput {
  date: string;
  working: boolean;
  note: string;
}

/** At most this many entries in one call: a whole notice (some 30 days) fits easily. */
export const MAX_ENTRIES_PER_CALL = 100;
const NOTE_MAX = 200;

/** Adds a State Council notice's days (or corrections) in one transaction: all of them or none. */
export async function addPlatformEntries(ctx: RequestContext, entries: CalendarDayInput[]): Promise<PlatformCalendarEntry[]> {
  requireViewer(ctx);
  if (!ctx.ability.can('create', 'PlatformCalendarEntry')) throw forbidden();
  const problems = batchProblems(entries);
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const taken = await m
      .createQueryBuilder(PlatformCalendarEntry, 'e')
      .where('e.date IN (:...dates)', { dates: entries.map((e) => e.date) })
      .orderBy('e.date')
      .getMany();
    if (taken.length) throw conflict(`平台日历已有以下日期的条目，请先删除再添加：${taken.map((e) => e.date).join('、')}`);
    const rows = entries
      .map((e) => m.create(PlatformCalendarEntry, { date: e.date, working: e.working, note: e.note.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
    await m.insert(PlatformCalendarEntry, rows);
    for (const row of rows) {
      await appendAudit(m, actorOf(ctx), { action: 'calendar.entry.add', objectType: 'PlatformCalendarEntry', objectId: row.date, after: snapshot(row) });
    }
    return m.find(PlatformCalendarEntry, { where: rows.map((r) => ({ date: r.date })), order: { date: 'ASC' } });
  });
}

export async function removePlatformEntry(ctx: RequestContext, date: string): Promise<boolean> {
  requireViewer(ctx);
  if (!ctx.ability.can('delete', 'PlatformCalendarEntry')) throw forbidden();
  return tenantTx(ctx, async (m) => {
    const row = await m.findOneBy(PlatformCalendarEntry, { date });
    if (!row) throw notFound('该日期的平台日历条目');
    await m.delete(PlatformCalendarEntry, { date });
    await appendAudit(m, actorOf(ctx), { action: 'calendar.entry.remove', objectType: 'PlatformCalendarEntry', objectId: date, before: snapshot(row) });
    return true;
  });
}

export async function addLocalAdjustment(ctx: RequestContext, input: CalendarDayInput): Promise<CalendarAdjustment> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('create', asSubject('CalendarAdjustment', { tenantId: viewer.tenantId }))) throw forbidden();
  const problems = dayProblems(input, '');
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    if (await m.existsBy(CalendarAdjustment, { date: input.date })) throw conflict(`本单位已有 ${input.date} 的工作日调整，请先删除再添加`);
    const row = m.create(CalendarAdjustment, {
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      date: input.date,
      working: input.working,
      note: input.note.trim(),
      createdBy: viewer.userId,
    });
    await m.insert(CalendarAdjustment, row);
    await appendAudit(m, actorOf(ctx), { action: 'calendar.adjustment.add', objectType: 'CalendarAdjustment', objectId: row.date, after: snapshot(row) });
    return (await m.findOneBy(CalendarAdjustment, { id: row.id }))!;
  });
}

export async function removeLocalAdjustment(ctx: RequestContext, date: string): Promise<boolean> {
  return tenantTx(ctx, async (m) => {
    const row = await m.findOneBy(CalendarAdjustment, { date });
    if (!row) throw notFound('该日期的工作日调整');
    if (!ctx.ability.can('delete', asSubject('CalendarAdjustment', row))) throw forbidden();
    await m.delete(CalendarAdjustment, { tenantId: row.tenantId, id: row.id });
    await appendAudit(m, actorOf(ctx), { action: 'calendar.adjustment.remove', objectType: 'CalendarAdjustment', objectId: date, before: snapshot(row) });
    return true;
  });
}

/** Entries of one year (or all), by date. */
export function listInYear<T extends PlatformCalendarEntry | CalendarAdjustment>(
  m: EntityManager,
  entity: new () => T,
  year: number | null | undefined,
): Promise<T[]> {
  const query = m.createQueryBuilder(entity, 'e').orderBy('e.date');
  if (year != null) query.where('e.date BETWEEN :first AND :last', { first: `${year}-01-01`, last: `${year}-12-31` });
  return query.getMany();
}

export function yearProblems(year: number | null | undefined): FieldProblem[] {
  if (year == null || (year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR)) return [];
  return [{ field: 'year', message: `年份须在 ${CALENDAR_FIRST_YEAR} 至 ${CALENDAR_LAST_YEAR} 之间` }];
}

function batchProblems(entries: CalendarDayInput[]): FieldProblem[] {
  if (entries.length === 0) return [{ field: 'entries', message: '至少需要一个条目' }];
  if (entries.length > MAX_ENTRIES_PER_CALL) return [{ field: 'entries', message: `一次最多添加 ${MAX_ENTRIES_PER_CALL} 个条目` }];
  const problems = entries.flatMap((e, i) => dayProblems(e, `entries[${i}].`));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.date)) problems.push({ field: `entries[${i}].date`, message: `日期 ${e.date} 重复` });
    seen.add(e.date);
  });
  return problems;
}

function dayProblems(input: CalendarDayInput, prefix: string): FieldProblem[] {
  return [...calendarDateProblems(input.date, `${prefix}date`), ...labelProblems(input.note, `${prefix}note`, NOTE_MAX)];
}

function snapshot(row: PlatformCalendarEntry | CalendarAdjustment) {
  return { date: row.date, working: row.working, note: row.note };
}

/** The Nth working day after `from` by the national calendar (reference data: no tenant scope). */
export function nationalWorkdays(ctx: RequestContext, from: string, days: number) {
  return addWorkdaysFor(ctx.app.db.manager, null, from, days);
}

/** The same, counting the viewer's bureau's own adjustments. */
export function localWorkdays(ctx: RequestContext, from: string, days: number) {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, (m) => addWorkdaysFor(m, tenantId, from, days));
}

/** The years the platform's calendar has entries for (reference data). */
export async function platformCalendarYears(ctx: RequestContext): Promise<{ year: number }[]> {
  return ctx.app.db.query(`SELECT DISTINCT extract(year FROM date)::int AS year FROM platform_calendar_entries ORDER BY 1`) as Promise<{ year: number }[]>;
}

/** `listInYear` in the request's reads. */
export function calendarRowsInYear<T extends PlatformCalendarEntry | CalendarAdjustment>(
  ctx: RequestContext,
  entity: new () => T,
  year?: number | null,
): Promise<T[]> {
  return readTx(ctx, (m) => listInYear(m, entity, year));
}
