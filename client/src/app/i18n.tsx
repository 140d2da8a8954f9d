/** A small dictionary for the few words the app shows: Chinese first, English on request. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: 'SpotCheck 双随机、一公开监管平台',
  loginTitle: '登录',
  loginSubtitle: '双随机、一公开监管工作平台',
  username: '用户名',
  password: '密码',
  usernamePlaceholder: '请输入用户名',
  passwordPlaceholder: '请输入密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  login: '登录',
  loginFailed: '登录失败',
  networkError: '无法连接服务器，请检查网络后重试',
  meTitle: '我的账号',
  displayName: '姓名',
  roles: '角色',
  tenant: '所属单位',
  regionCode: '行政区划代码',
  department: '所在部门',
  noDepartment: '（未分配部门）',
  officeTag: '办公室',
  logout: '退出登录',
  loading: '正在加载…',
  loadFailed: '加载失败',
  language: '语言',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'SpotCheck · Random Inspection Platform',
  loginTitle: 'Sign in',
  loginSubtitle: 'Double-random, one-public supervision',
  username: 'Username',
  password: 'Password',
  usernamePlaceholder: 'Enter your username',
  passwordPlaceholder: 'Enter your password',
  usernameRequired: 'Please enter your username',
  passwordRequired: 'Please enter your password',
  login: 'Sign in',
  loginFailed: 'Sign-in failed',
  networkError: 'Cannot reach the server. Check the network and try again.',
  meTitle: 'My account',
  displayName: 'Name',
  roles: 'Roles',
  tenant: 'Organisation',
  regionCode: 'Region code',
  department: 'Department',
  noDepartment: '(no department)',
  officeTag: 'Office',
  logout: 'Sign out',
  loading: 'Loading…',
  loadFailed: 'Could not load',
  language: 'Language',
};

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'spotcheck.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be off (private mode); the choice then lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    const t: Translate = (key, vars) =>
      dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
    return { lang, setLang, t };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
