/**
 * antd's locales with the date panel's year/month/decade buttons named by what they show ("2026年")
 * instead of a fixed "选择年份": a button's spoken name must contain its visible text (WCAG 2.5.3), so a
 * person using speech input can say what they see.
 */
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';

function namedByContent(locale: Locale): Locale {
  const picker = locale.DatePicker;
  if (!picker) return locale;
  const lang = { ...picker.lang, yearSelect: '', monthSelect: '', decadeSelect: '' };
  return { ...locale, DatePicker: { ...picker, lang } };
}

export const ZH_CN = namedByContent(zhCN);
export const EN_US = namedByContent(enUS);
