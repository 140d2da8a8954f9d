import { BEIJING_TIME_ZONE, beijingDate, beijingDayStart, beijingDayStartText, beijingMinute, beijingYear } from './beijing-time';

describe('Beijing time', () => {
  it('turns the day at 16:00 UTC, not at midnight UTC', () => {
    expect(beijingDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(beijingDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    // New year's eve: already next year in Beijing.
    expect(beijingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(beijingYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
    // Summer too: no daylight saving time.
    expect(beijingMinute(new Date('2026-07-15T01:05:00Z'))).toBe('2026-07-15 09:05');
  });

  it('agrees with the platform’s own Asia/Shanghai zone', () => {
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: BEIJING_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3600_000 + 13 * 60_000) {
      const at = new Date(t);
      expect(beijingMinute(at)).toBe(format.format(at));
    }
  });

  it('starts a day at 00:00 in Beijing, 16:00 UTC the day before', () => {
    expect(beijingDayStart('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(beijingDayStartText('2026-03-01')).toBe('2026-03-01T00:00:00+08:00');
    expect(beijingDate(beijingDayStart('2026-03-01'))).toBe('2026-03-01');
    expect(() => beijingDayStart('2026-3-1')).toThrow('not a day');
  });
});
