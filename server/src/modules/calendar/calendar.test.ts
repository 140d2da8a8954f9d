import { Client } from 'pg';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { APP_ROLE } from '../../db/data-source';
import { inTenant } from '../../db/tenancy';
import { addWorkdaysFor } from './workdays';

const DUE = 'query($from: Date!, $days: Int!) { addWorkdays(from: $from, days: $days) { date provisional provisionalYears } }';
const LOCAL_DUE = 'query($from: Date!, $days: Int!) { addLocalWorkdays(from: $from, days: $days) { date provisional } }';
const ADD_ENTRIES = 'mutation($e: [CalendarDayInput!]!) { addPlatformCalendarEntries(entries: $e) { date working note } }';
const REMOVE_ENTRY = 'mutation($d: Date!) { removePlatformCalendarEntry(date: $d) }';
const ADD_ADJUSTMENT = 'mutation($i: CalendarDayInput!) { addCalendarAdjustment(input: $i) { date working note } }';
const REMOVE_ADJUSTMENT = 'mutation($d: Date!) { removeCalendarAdjustment(date: $d) }';
const ADJUSTMENTS = 'query($y: Int) { calendarAdjustments(year: $y) { date working note } }';

/** An imagined notice for 2027, for the test only: the real one is not out yet. */
const NOTICE_2027 = [
  { date: '2027-01-01', working: false, note: '2027年元旦（测试用）' },
  { date: '2027-01-04', working: false, note: '2027年元旦调休（测试用）' },
  { date: '2027-01-09', working: true, note: '2027年元旦调休上班（测试用）' },
];

describe('working-day deadlines (addWorkdays) and the calendars behind them', () => {
  let t: TestApp;
  let platform: string;
  let changde: string;
  let wugang: string;
  beforeAll(async () => {
    t = await startTestApp();
    [platform, changde, wugang] = await Promise.all([t.login('platform.admin'), t.login('changde.admin'), t.login('wugang.admin')]);
  });
  afterAll(() => t.close());

  const due = async (from: string, days: number, token?: string) => {
    const result = await t.gql(DUE, { from, days }, token);
    expect(result.errors).toBeUndefined();
    return result.data.addWorkdays;
  };

  it('answers anyone on the national calendar: National Day, Spring Festival, and a provisional 2027', async () => {
    expect(await due('2025-09-30', 3)).toEqual({ date: '2025-10-11', provisional: false, provisionalYears: [] });
    expect(await due('2024-09-30', 10)).toEqual({ date: '2024-10-18', provisional: false, provisionalYears: [] });
    expect((await due('2026-02-13', 2)).date).toBe('2026-02-24');
    expect(await due('2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true, provisionalYears: [2027] });
    const coverage = (await t.gql('{ calendarCoverage { officialYears platformYears } }')).data.calendarCoverage;
    expect(coverage.officialYears).toHaveLength(23);
    expect(coverage.officialYears.at(-1)).toBe(2026);
    expect(coverage.platformYears).toEqual([]);
  });

  it('refuses bad input with Chinese messages', async () => {
    const zero = await t.gql(DUE, { from: '2025-10-01', days: 0 });
    expect(codes(zero)).toEqual(['BAD_USER_INPUT']);
    expect(zero.errors![0]!.extensions!.fields).toEqual([{ field: 'days', message: '工作日天数须为 1 至 365 之间的整数' }]);
    const tooFar = await t.gql(DUE, { from: '1999-12-31', days: 366 });
    expect(tooFar.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['from', 'days']);
    const notADay = await t.gql(DUE, { from: '2025-02-29', days: 3 });
    expect(codes(notADay)).toEqual(['BAD_USER_INPUT']);
    expect(notADay.errors![0]!.message).toContain('日期无效，应为 YYYY-MM-DD 格式的真实日期');
    const literal = await t.gql('{ addWorkdays(from: "2025/10/01", days: 3) { date } }');
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(literal.errors![0]!.message).toContain('YYYY-MM-DD');
  });

  it('lets only the platform operator add and remove platform entries, which make 2027 known', async () => {
    expect(codes(await t.gql(ADD_ENTRIES, { e: NOTICE_2027 }, changde))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_ENTRIES, { e: NOTICE_2027 }))).toEqual(['UNAUTHENTICATED']);
    const bad = await t.gql(
      ADD_ENTRIES,
      {
        e: [
          { date: '2027-01-01', working: false, note: ' ' },
          { date: '2027-01-01', working: false, note: 'x' },
        ],
      },
      platform,
    );
    expect(bad.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['entries[0].note', 'entries[1].date']);

    const added = await t.gql(ADD_ENTRIES, { e: NOTICE_2027 }, platform);
    expect(added.errors).toBeUndefined();
    expect(added.data.addPlatformCalendarEntries.map((e: any) => e.date)).toEqual(['2027-01-01', '2027-01-04', '2027-01-09']);
    const again = await t.gql(ADD_ENTRIES, { e: [NOTICE_2027[2]] }, platform);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0]!.message).toContain('2027-01-09');

    // Thu 31 (1), Fri 1 off, weekend, Mon 4 off by the entry, Tue 5 (2), Wed 6 (3); no longer provisional.
    expect(await due('2026-12-30', 3)).toEqual({ date: '2027-01-06', provisional: false, provisionalYears: [] });
    expect((await t.gql('{ calendarCoverage { platformYears } }')).data.calendarCoverage.platformYears).toEqual([2027]);
    // Read-only reference for every signed-in user.
    const inspector = await t.login('changde.inspector01');
    const listed = await t.gql('{ platformCalendarEntries(year: 2027) { date working } }', {}, inspector);
    expect(listed.data.platformCalendarEntries).toHaveLength(3);
    expect(codes(await t.gql('{ platformCalendarEntries { date } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(REMOVE_ENTRY, { d: '2027-01-04' }, changde))).toEqual(['FORBIDDEN']);

    const audit = await t.sql(`SELECT e.action, e.object_id FROM audit_events e JOIN tenants n ON n.id = e.tenant_id
      WHERE n.kind = 'PLATFORM' AND e.action LIKE 'calendar.%' ORDER BY e.seq`);
    expect(audit.map((a) => a.object_id)).toEqual(['2027-01-01', '2027-01-04', '2027-01-09']);

    for (const entry of NOTICE_2027) expect((await t.gql(REMOVE_ENTRY, { d: entry.date }, platform)).data.removePlatformCalendarEntry).toBe(true);
    expect(codes(await t.gql(REMOVE_ENTRY, { d: '2027-01-04' }, platform))).toEqual(['NOT_FOUND']);
    expect(await due('2026-12-30', 3)).toMatchObject({ date: '2027-01-05', provisional: true });
    const removed = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'calendar.entry.remove'`);
    expect(removed[0].n).toBe(3);
  });

  it('keeps platform entries writable only in the platform tenant’s scope, even for raw SQL as the app role', async () => {
    const tenants = await t.sql<{ id: string; kind: string; region_code: string }>(`SELECT id, kind, region_code FROM tenants`);
    const bureau = tenants.find((r) => r.region_code === '430700')!.id;
    const platformId = tenants.find((r) => r.kind === 'PLATFORM')!.id;
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      const insertAs = async (tenantId: string | null) => {
        await app.query('BEGIN');
        try {
          if (tenantId) await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
          await app.query(`INSERT INTO platform_calendar_entries (date, working, note) VALUES ('2028-01-03', false, 'x')`);
          return 'inserted';
        } catch (error) {
          return (error as { code?: string }).code;
        } finally {
          await app.query('ROLLBACK');
        }
      };
      expect(await insertAs(bureau)).toBe('42501'); // row-level security refuses the row
      expect(await insertAs(null)).toBe('42501');
      expect(await insertAs(platformId)).toBe('inserted');
    } finally {
      await app.end();
    }
  });

  it('applies a bureau’s local adjustments to its own deadlines only', async () => {
    const localDay = { date: '2025-10-09', working: false, note: '市政府通知：防汛放假一天' };
    const inspector = await t.login('changde.inspector01');
    expect(codes(await t.gql(ADD_ADJUSTMENT, { i: localDay }, inspector))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_ADJUSTMENT, { i: { ...localDay, note: '' } }, changde))).toEqual(['BAD_USER_INPUT']);
    const added = await t.gql(ADD_ADJUSTMENT, { i: localDay }, changde);
    expect(added.data.addCalendarAdjustment).toEqual(localDay);
    expect(codes(await t.gql(ADD_ADJUSTMENT, { i: localDay }, changde))).toEqual(['CONFLICT']);

    // 9 Oct off locally: Fri 10 (1), Sat 11 make-up (2), Mon 13 (3).
    expect((await t.gql(LOCAL_DUE, { from: '2025-09-30', days: 3 }, changde)).data.addLocalWorkdays).toEqual({ date: '2025-10-13', provisional: false });
    expect((await t.gql(LOCAL_DUE, { from: '2025-09-30', days: 3 }, inspector)).data.addLocalWorkdays.date).toBe('2025-10-13');
    // The nation and the other bureau are unaffected, and cannot see or remove it.
    expect((await due('2025-09-30', 3, changde)).date).toBe('2025-10-11');
    expect((await t.gql(LOCAL_DUE, { from: '2025-09-30', days: 3 }, wugang)).data.addLocalWorkdays.date).toBe('2025-10-11');
    expect((await t.gql(ADJUSTMENTS, { y: 2025 }, wugang)).data.calendarAdjustments).toEqual([]);
    expect(codes(await t.gql(REMOVE_ADJUSTMENT, { d: '2025-10-09' }, wugang))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(LOCAL_DUE, { from: '2025-09-30', days: 3 }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(ADJUSTMENTS, { y: 2025 }, inspector)).data.calendarAdjustments).toEqual([localDay]);
    expect((await t.gql(ADJUSTMENTS, { y: 2026 }, changde)).data.calendarAdjustments).toEqual([]);
    expect(codes(await t.gql(ADJUSTMENTS, { y: 1900 }, changde))).toEqual(['BAD_USER_INPUT']);

    // The server-side function other modules call, with and without the tenant.
    const ids = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants WHERE region_code IN ('430700', '410481')`);
    const changdeId = ids.find((r) => r.region_code === '430700')!.id;
    const wugangId = ids.find((r) => r.region_code === '410481')!.id;
    const db = t.app.services.db;
    expect((await inTenant(db, changdeId, (m) => addWorkdaysFor(m, changdeId, '2025-09-30', 3))).date).toBe('2025-10-13');
    expect((await inTenant(db, wugangId, (m) => addWorkdaysFor(m, wugangId, '2025-09-30', 3))).date).toBe('2025-10-11');
    // Asking for another tenant's calendar under one's own scope sees none of its adjustments.
    expect((await inTenant(db, wugangId, (m) => addWorkdaysFor(m, changdeId, '2025-09-30', 3))).date).toBe('2025-10-11');
    expect((await addWorkdaysFor(db.manager, null, '2025-09-30', 3)).date).toBe('2025-10-11');

    const audit = await t.sql(`SELECT action, object_id FROM audit_events WHERE tenant_id = $1 AND action LIKE 'calendar.%'`, [changdeId]);
    expect(audit).toEqual([{ action: 'calendar.adjustment.add', object_id: '2025-10-09' }]);
    expect((await t.gql(REMOVE_ADJUSTMENT, { d: '2025-10-09' }, changde)).data.removeCalendarAdjustment).toBe(true);
    expect((await t.gql(LOCAL_DUE, { from: '2025-09-30', days: 3 }, changde)).data.addLocalWorkdays.date).toBe('2025-10-11');
  });
});
