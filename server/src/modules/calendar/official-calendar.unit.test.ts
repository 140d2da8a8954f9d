import { WorkCalendar, addWorkdays } from '@spotcheck/shared';
import { lunarStatutoryHolidays, officialCalendar, statutoryHolidays } from './official-calendar';

describe('the official calendar from chinese-days', () => {
  const official = officialCalendar();
  const national = new WorkCalendar({ official, statutoryHolidays });

  it('knows the State Council arrangements of 2004–2026, and no later year', () => {
    const years = [...official.years].sort((a, b) => a - b);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(national.isKnownYear(2027)).toBe(false);
  });

  it('matches the notices on National Day and Spring Festival make-up days', () => {
    expect(national.day('2024-09-29')).toMatchObject({ working: true, source: 'OFFICIAL' }); // Sunday
    expect(national.day('2024-10-12')).toMatchObject({ working: true, source: 'OFFICIAL' }); // Saturday
    expect(national.day('2025-10-08')).toMatchObject({ working: false, source: 'OFFICIAL' }); // Wednesday
    expect(national.day('2025-10-11').working).toBe(true);
    expect(national.day('2025-01-26').working).toBe(true);
    expect(national.day('2026-02-23').working).toBe(false); // Monday, last day of the 2026 Spring Festival
    expect(national.day('2026-02-28').working).toBe(true);
    expect(addWorkdays(national, '2025-09-30', 3)).toEqual({ date: '2025-10-11', provisional: false, provisionalYears: [] });
  });

  // The lunar statutory holidays are what keeps an unknown year's deadlines close to the truth; check
  // the computation against every year whose notice the package carries since the lunar festivals
  // became holidays (2008).
  it('computes the lunar statutory holidays as every notice since 2008 gave them', () => {
    for (let year = 2008; year <= 2026; year++) {
      const [eve, ...days] = lunarStatutoryHolidays(year);
      for (const day of days) expect({ day, working: national.day(day!).working }).toEqual({ day, working: false });
      // 除夕 was a holiday until 2013 and again from 2025.
      if (year <= 2013 || year >= 2025) expect({ eve, working: national.day(eve!).working }).toEqual({ eve, working: false });
    }
  });

  it('keeps the 2027 statutory holidays as rest days while 2027 is unknown', () => {
    // Spring Festival 2027: 初一 is Saturday 6 February, so 除夕 Fri 5, 初二 Sun 7, 初三 Mon 8.
    expect(lunarStatutoryHolidays(2027)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15']);
    expect(addWorkdays(national, '2027-02-04', 1)).toEqual({ date: '2027-02-09', provisional: true, provisionalYears: [2027] });
    expect(addWorkdays(national, '2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true, provisionalYears: [2027] });
    expect(statutoryHolidays(2027)).toHaveLength(13);
    expect(lunarStatutoryHolidays(2101)).toEqual([]);
  });
});
