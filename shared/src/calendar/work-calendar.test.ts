import { WorkCalendar, addCalendarDays, addWorkdays, addWorkdaysProblems, fixedStatutoryHolidays, isIsoDate, officialArrangement, type DayMark } from '.';

/** The State Council notices for 2024–2026, written out by hand (not taken from the package). */
function notice(rest: [string, string][], work: string[]): DayMark[] {
  const days: DayMark[] = [];
  for (const [first, last] of rest) {
    for (let d = first; d <= last; d = addCalendarDays(d, 1)) days.push({ date: d, working: false });
  }
  return [...days, ...work.map((date) => ({ date, working: true }))];
}
const NOTICES = {
  2024: notice(
    [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  ),
  2025: notice(
    [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  ),
  2026: notice(
    [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  ),
};
const OFFICIAL = officialArrangement([2024, 2025, 2026], Object.values(NOTICES).flat());
const national = new WorkCalendar({ official: OFFICIAL });
const due = (calendar: WorkCalendar, from: string, days: number) => addWorkdays(calendar, from, days);

describe('working days on the official calendar', () => {
  it('does not count the day of the event, and Saturday and Sunday rest in an ordinary week', () => {
    expect(due(national, '2025-03-07', 3)).toEqual({ date: '2025-03-12', provisional: false, provisionalYears: [] }); // Friday
    expect(due(national, '2025-03-08', 3).date).toBe('2025-03-12'); // Saturday: Monday is the first
    expect(due(national, '2025-03-10', 1).date).toBe('2025-03-11');
  });

  it('National Day 2024: the make-up Sunday before counts, the seven days off do not, the make-up Saturday after counts', () => {
    // Fri 27 Sep: Sat 28 rest, Sun 29 work (1), Mon 30 (2), 1–7 Oct off, Tue 8 Oct (3).
    expect(due(national, '2024-09-27', 3).date).toBe('2024-10-08');
    // 10 working days after approval on 30 Sep: 8–11 Oct, Sat 12 Oct (make-up), 14–18 Oct.
    expect(due(national, '2024-09-30', 10).date).toBe('2024-10-18');
    expect(national.day('2024-10-12')).toMatchObject({ working: true, source: 'OFFICIAL' });
  });

  it('National Day and Mid-Autumn 2025: eight days off with make-up days on Sunday 28 Sep and Saturday 11 Oct', () => {
    expect(due(national, '2025-09-26', 3).date).toBe('2025-09-30'); // Sun 28 (1), Mon 29 (2), Tue 30 (3)
    expect(due(national, '2025-09-30', 3).date).toBe('2025-10-11'); // Thu 9, Fri 10, Sat 11 (make-up)
    expect(due(national, '2025-10-08', 1).date).toBe('2025-10-09');
  });

  it('Spring Festival 2025 and 2026: make-up Saturdays and Sundays count, the whole holiday does not', () => {
    expect(due(national, '2025-01-24', 3).date).toBe('2025-02-05'); // Sun 26 (1), Mon 27 (2), 28 Jan–4 Feb off, Wed 5 (3)
    expect(due(national, '2025-02-04', 4).date).toBe('2025-02-08'); // 5, 6, 7, Sat 8 (make-up)
    expect(due(national, '2026-02-13', 1).date).toBe('2026-02-14'); // Sat 14 Feb 2026 is a working day
    expect(due(national, '2026-02-13', 2).date).toBe('2026-02-24'); // 15–23 Feb off
    expect(due(national, '2026-02-24', 4).date).toBe('2026-02-28'); // 25, 26, 27, Sat 28 (make-up)
  });

  it('counts a deadline that crosses into a year nobody knows yet as provisional, with 1 January still a rest day', () => {
    // Wed 30 Dec 2026: Thu 31 (1), Fri 1 Jan 2027 statutory holiday, weekend, Mon 4 (2), Tue 5 (3).
    expect(due(national, '2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true, provisionalYears: [2027] });
    expect(national.day('2027-01-01')).toEqual({ date: '2027-01-01', working: false, source: 'STATUTORY', provisional: true });
    expect(national.day('2027-10-01').working).toBe(false);
    expect(national.day('2027-05-02').working).toBe(false);
    // A deadline that stays inside the known year is firm even if it ends on 31 December.
    expect(due(national, '2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false, provisionalYears: [] });
    // Only the days counted matter, not the day of the event.
    expect(due(national, '2023-12-31', 1)).toMatchObject({ date: '2024-01-02', provisional: false });
    expect(due(national, '2023-12-28', 1)).toMatchObject({ date: '2023-12-29', provisional: true });
  });

  it('lets platform entries make a year known; statutory holidays stay rest days there unless an entry says otherwise', () => {
    const platform = [
      { date: '2027-01-04', working: false }, // an imagined 2027 notice
      { date: '2027-01-09', working: true },
    ];
    const calendar = new WorkCalendar({ official: OFFICIAL, platform });
    expect(calendar.isKnownYear(2027)).toBe(true);
    // Thu 31 (1), Fri 1 Jan statutory, weekend, Mon 4 off by the entry, Tue 5 (2), Wed 6 (3).
    expect(due(calendar, '2026-12-30', 3)).toEqual({ date: '2027-01-06', provisional: false, provisionalYears: [] });
    expect(calendar.day('2027-01-01').source).toBe('STATUTORY');
    expect(calendar.day('2027-01-09')).toMatchObject({ working: true, source: 'PLATFORM', provisional: false });
    // A platform entry also corrects a year the official data knows.
    const corrected = new WorkCalendar({ official: OFFICIAL, platform: [{ date: '2025-10-09', working: false }] });
    expect(due(corrected, '2025-10-08', 1).date).toBe('2025-10-10');
    // 2028 is still unknown.
    expect(due(calendar, '2027-12-30', 1)).toEqual({ date: '2027-12-31', provisional: false, provisionalYears: [] });
    expect(due(calendar, '2027-12-31', 1)).toEqual({ date: '2028-01-03', provisional: true, provisionalYears: [2028] });
  });

  it('applies a bureau’s local adjustments over everything else', () => {
    const local = [
      { date: '2025-10-09', working: false }, // a local day off
      { date: '2025-10-11', working: false }, // the official make-up Saturday cancelled locally
      { date: '2025-10-12', working: true }, // and moved to Sunday
    ];
    const bureau = new WorkCalendar({ official: OFFICIAL, platform: [{ date: '2025-10-12', working: false }], local });
    expect(due(bureau, '2025-09-30', 3).date).toBe('2025-10-13'); // Fri 10 (1), Sun 12 (2), Mon 13 (3)
    expect(bureau.day('2025-10-12')).toMatchObject({ working: true, source: 'LOCAL' });
    expect(due(national, '2025-09-30', 3).date).toBe('2025-10-11');
    // A local adjustment does not make an unknown year known.
    const ahead = new WorkCalendar({ official: OFFICIAL, local: [{ date: '2027-01-04', working: false }] });
    expect(due(ahead, '2026-12-31', 1)).toEqual({ date: '2027-01-05', provisional: true, provisionalYears: [2027] });
  });

  it('uses the statutory holidays it is given for unknown years, and the fixed-date ones by default', () => {
    expect(fixedStatutoryHolidays(2027)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
    const lunar = new WorkCalendar({
      official: OFFICIAL,
      statutoryHolidays: (y) => [...fixedStatutoryHolidays(y), ...(y === 2027 ? ['2027-02-05', '2027-02-08'] : [])],
    });
    expect(due(lunar, '2027-02-04', 1)).toMatchObject({ date: '2027-02-09', provisional: true }); // Fri 5, Mon 8 off
    expect(due(national, '2027-02-04', 1).date).toBe('2027-02-05');
    // In a known year only the official data speaks.
    expect(lunar.day('2026-02-05').working).toBe(true);
  });

  it('reports every unknown year a long deadline touches', () => {
    expect(due(national, '2026-12-01', 300)).toMatchObject({ provisional: true, provisionalYears: [2027, 2028] });
  });

  it('checks its input with Chinese messages', () => {
    expect(addWorkdaysProblems('2025-10-01', 3)).toEqual([]);
    expect(addWorkdaysProblems('2025-02-29', 0)).toEqual([
      { field: 'from', message: '日期无效，应为 YYYY-MM-DD 格式的真实日期' },
      { field: 'days', message: '工作日天数须为 1 至 365 之间的整数' },
    ]);
    expect(addWorkdaysProblems('1999-12-31', 366).map((p) => p.message)).toEqual(['日期须在 2000 年至 2099 年之间', '工作日天数须为 1 至 365 之间的整数']);
    expect(addWorkdaysProblems('2025-10-01', 2.5)).toHaveLength(1);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(() => addWorkdays(national, '2025-10-01', 0)).toThrow(RangeError);
  });
});
