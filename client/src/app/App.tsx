/**
 * Providers, and which page to show: the public portal (/public…), 设置密码 (/redeem) and the entity's
 * record by access code (/record) for anyone; signed out → the sign-in page; signed in → the app with
 * its side menu, starting on the user's landing page.
 */
import { lazy, Suspense, useEffect } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { EN_US, ZH_CN } from './pickerLocales';
import { useScrollableTablesFocusable } from './useScrollableTablesFocusable';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { apolloClient } from './apollo';
import { useSession } from './auth';
import { useReducedMotion } from './useReducedMotion';
import { AppShell } from './AppShell';
import { I18nProvider, useI18n } from './i18n';
import { navigate, PATHS, usePath } from './navigation';
import { SignedInApp } from './SignedInApp';
import './contrast.css';

// Pages behind sign-in do not wait for the sign-in forms, nor these for the signed-in app.
const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const RedeemPage = lazy(() => import('../features/redeem/RedeemPage').then((m) => ({ default: m.RedeemPage })));
const PublicPortal = lazy(() => import('../features/public/PublicPortal').then((m) => ({ default: m.PublicPortal })));
const EntityRecordPage = lazy(() => import('../features/entity-record/EntityRecordPage').then((m) => ({ default: m.EntityRecordPage })));

function isPublicPortal(path: string): boolean {
  return path === PATHS.publicPortal || path.startsWith(`${PATHS.publicPortal}/`);
}

// Text colours darker than antd's defaults, so that every text reaches WCAG AA contrast (4.5:1) on white and
// on the light tints of selected rows and alerts: links, secondary and placeholder texts, empty states.
const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorPrimaryHover: '#2563eb',
    colorLinkHover: '#2563eb',
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
  },
};
const STILL_THEME = { token: { ...THEME.token, motion: false } };

function Routes() {
  const session = useSession();
  const path = usePath();
  const portal = isPublicPortal(path);
  const entityRecord = path === PATHS.entityRecord;
  const publicPage = path === PATHS.redeem || portal || entityRecord;
  const signedOutRedirect = !session && !publicPage && path !== PATHS.login;
  const signedInRedirect = session && path === PATHS.login;
  useEffect(() => {
    if (signedOutRedirect) navigate(PATHS.login, { replace: true });
    // The signed-in app sends "/" on to the user's landing page (工作台 for those who have work).
    else if (signedInRedirect) navigate('/', { replace: true });
  }, [signedOutRedirect, signedInRedirect]);

  if (portal) {
    return (
      <Suspense fallback={null}>
        <PublicPortal path={path} />
      </Suspense>
    );
  }
  if (entityRecord) {
    return (
      <AppShell>
        <Suspense fallback={null}>
          <EntityRecordPage />
        </Suspense>
      </AppShell>
    );
  }
  if (publicPage) {
    return (
      <AppShell>
        <Suspense fallback={null}>
          <RedeemPage />
        </Suspense>
      </AppShell>
    );
  }
  if (!session) {
    return (
      <AppShell>
        <Suspense fallback={null}>
          <LoginPage />
        </Suspense>
      </AppShell>
    );
  }
  return <SignedInApp path={path} />;
}

function Localized() {
  const { lang } = useI18n();
  const still = useReducedMotion();
  useScrollableTablesFocusable();
  // antd's date pickers take month and weekday names, and the first day of the week (Monday in
  // zh-cn), from dayjs' global locale: set before anything below renders.
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? ZH_CN : EN_US} theme={still ? STILL_THEME : THEME} wave={{ disabled: still }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Routes />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <ApolloProvider client={apolloClient}>
      <I18nProvider>
        <Localized />
      </I18nProvider>
    </ApolloProvider>
  );
}
