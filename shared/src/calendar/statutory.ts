/**
 * Statutory holidays on fixed Gregorian dates under the 全国年节及纪念日放假办法 as in force since
 * 2025: 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. The lunar ones (除夕 and 春节 初一–初三,
 * 清明, 端午, 中秋) need a lunar calendar; the server adds them (see lunarStatutoryHolidays there).
 */
export function fixedStatutoryHolidays(year: number): string[] {
  const y = String(year).padStart(4, '0');
  return [`${y}-01-01`, `${y}-05-01`, `${y}-05-02`, `${y}-10-01`, `${y}-10-02`, `${y}-10-03`];
}
