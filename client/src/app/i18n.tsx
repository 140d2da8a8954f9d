/** A small dictionary for the few words the app shows: Chinese first, English on request. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: 'SpotCheck 双随机、一公开监管平台',
  appShortName: '双随机监管',
  loginTitle: '登录',
  loginSubtitle: '双随机、一公开监管工作平台',
  username: '用户名',
  password: '密码',
  usernamePlaceholder: '请输入用户名',
  passwordPlaceholder: '请输入密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  login: '登录',
  haveCode: '有邀请码？设置密码',
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
  navMe: '我的账号',
  navTenants: '单位管理',
  navSubTenants: '下级单位',
  navPeople: '部门与人员',
  navRoleGrants: '角色审批',
  navSettings: '单位设置',
  navPlans: '年度计划',
  navTasks: '抽查任务',
  navJointInvitations: '联合抽查邀请',
  navReferrals: '移送案件',
  navDashboard: '统计看板',
  navProvincialDashboard: '全省统计',
  navItems: '事项清单',
  navEntities: '检查对象名录',
  navInspectors: '执法检查人员名录',
  navRules: '抽查细则',
  navCreditLists: '信用惩戒名单',
  navRuleBounds: '细则范围',
  navImports: '数据导入',
  navCalendar: '工作日调整',
  navWorkbench: '工作台',
  navMyVisits: '我的检查',
  openMenu: '打开菜单',
  navAudit: '审计留痕',
  navInspections: '检查记录',
  publicPortal: '公示查询',
  entityRecordLink: '检查对象凭查阅码查看',
  back: '返回',
  all: '全部',
  exportCsv: '导出 CSV',
  exporting: '正在导出：{done} / {total} 条',
  exported: '已导出 {count} 条',
  exportFailed: '导出失败',
  notFoundPage: '对象不存在或无权查看',
  mainMenu: '主菜单',
  noSuchPage: '页面不存在',
  noSuchPageHint: '地址 {path} 没有对应的页面，或您的账号无权打开它。',
  backToLanding: '返回首页',
  save: '保存',
  saved: '已保存',
  cancel: '取消',
  confirm: '确定',
  actions: '操作',
  edit: '编辑',
  delete: '删除',
  create: '新建',
  close: '关闭',
  prevPage: '上一页',
  nextPage: '下一页',
  pageSummary: '共 {total} 条 · 第 {page} / {pages} 页',
  pageOnly: '第 {page} 页',
  countTotal: '统计总数',
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法自动复制，请手动选中复制',
  oneTimeCodeTitle: '一次性邀请码',
  oneTimeCodeWarning: '此邀请码只显示这一次，关闭后无法再次查看。请立即交给本人，用于在“设置密码”页设置密码。',
  oneTimeCodeFor: '账号',
  oneTimeCodeExpires: '有效期至',
  oneTimeCodeDone: '我已记下',
  checkFields: '请按各栏提示修改后重试',
  error_BAD_USER_INPUT: '输入有误',
  error_CONFLICT: '与现有数据冲突',
  error_FORBIDDEN: '无权执行此操作',
  error_NOT_FOUND: '对象不存在或不可见',
  error_RULE_VIOLATION: '不符合业务规则',
  error_RATE_LIMITED: '操作过于频繁',
  error_UNAUTHENTICATED: '请先登录',
  error_NETWORK: '无法连接服务器',
  error_OTHER: '操作失败',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'SpotCheck · Random Inspection Platform',
  appShortName: 'SpotCheck',
  loginTitle: 'Sign in',
  loginSubtitle: 'Double-random, one-public supervision',
  username: 'Username',
  password: 'Password',
  usernamePlaceholder: 'Enter your username',
  passwordPlaceholder: 'Enter your password',
  usernameRequired: 'Please enter your username',
  passwordRequired: 'Please enter your password',
  login: 'Sign in',
  haveCode: 'Have an invitation code? Set your password',
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
  navMe: 'My account',
  navTenants: 'Organisations',
  navSubTenants: 'Subordinate units',
  navPeople: 'Departments & people',
  navRoleGrants: 'Role grants',
  navSettings: 'Unit settings',
  navPlans: 'Annual plans',
  navTasks: 'Inspection tasks',
  navJointInvitations: 'Joint invitations',
  navReferrals: 'Referred cases',
  navDashboard: 'Dashboard',
  navProvincialDashboard: 'Province overview',
  navItems: 'Inspection items',
  navEntities: 'Entity directory',
  navInspectors: 'Inspector directory',
  navRules: 'Rules',
  navCreditLists: 'Credit lists',
  navRuleBounds: 'Rule bounds',
  navImports: 'Imports',
  navCalendar: 'Working days',
  navWorkbench: 'Workbench',
  navMyVisits: 'My inspections',
  openMenu: 'Open menu',
  navAudit: 'Audit trail',
  navInspections: 'Inspection records',
  publicPortal: 'Public portal',
  entityRecordLink: 'Entities: read your record',
  back: 'Back',
  all: 'All',
  exportCsv: 'Export CSV',
  exporting: 'Exporting: {done} / {total} rows',
  exported: '{count} rows exported',
  exportFailed: 'Export failed',
  notFoundPage: 'Not found, or not visible to you',
  mainMenu: 'Main menu',
  noSuchPage: 'Page not found',
  noSuchPageHint: 'No page is at {path}, or your account may not open it.',
  backToLanding: 'Back to the start page',
  save: 'Save',
  saved: 'Saved',
  cancel: 'Cancel',
  confirm: 'OK',
  actions: 'Actions',
  edit: 'Edit',
  delete: 'Delete',
  create: 'New',
  close: 'Close',
  prevPage: 'Previous',
  nextPage: 'Next',
  pageSummary: '{total} in all · page {page} of {pages}',
  pageOnly: 'Page {page}',
  countTotal: 'Count all',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the code and copy it by hand',
  oneTimeCodeTitle: 'One-time code',
  oneTimeCodeWarning:
    'This code is shown only this once and cannot be seen again after closing. Hand it to the person now; they set their password with it on the “Set password” page.',
  oneTimeCodeFor: 'Account',
  oneTimeCodeExpires: 'Valid until',
  oneTimeCodeDone: 'I have noted it',
  checkFields: 'Correct the marked fields and try again',
  error_BAD_USER_INPUT: 'Invalid input',
  error_CONFLICT: 'Conflicts with existing data',
  error_FORBIDDEN: 'Not allowed',
  error_NOT_FOUND: 'Not found or not visible',
  error_RULE_VIOLATION: 'Against the rules',
  error_RATE_LIMITED: 'Too many attempts',
  error_UNAUTHENTICATED: 'Please sign in',
  error_NETWORK: 'Cannot reach the server',
  error_OTHER: 'The operation failed',
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
    const t: Translate = (key, vars) => fill(dict[key], vars);
    return { lang, setLang, t };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** A feature's own words, both languages side by side so a missing English entry fails the type check. */
export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(zh: Record<K, string>, en: Record<NoInfer<K>, string>): Messages<K> {
  return { zh, en };
}

/** `t` for a feature's own messages, in the chosen language; {name} placeholders as in the main dictionary. */
export function useMessages<K extends string>(messages: Messages<K>): (key: K, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback((key: K, vars?: Record<string, string | number>) => fill(messages[lang][key], vars), [messages, lang]);
}

function fill(text: string, vars?: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}
