/** Providers, and which page to show: signed out → sign-in page, signed in → "me" page. */
import { useEffect } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { apolloClient } from './apollo';
import { useSession } from './auth';
import { AppShell } from './AppShell';
import { I18nProvider, useI18n } from './i18n';
import { navigate, PATHS, usePath } from './navigation';
import { LoginPage } from '../features/auth/LoginPage';
import { MePage } from '../features/me/MePage';

const THEME = { token: { colorPrimary: '#1d4ed8', borderRadius: 6 } };

function Routes() {
  const session = useSession();
  const path = usePath();
  const wanted = session ? PATHS.me : PATHS.login;
  useEffect(() => {
    if (path !== wanted) navigate(wanted, { replace: true });
  }, [path, wanted]);
  return session ? <MePage /> : <LoginPage />;
}

function Localized() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AppShell>
          <Routes />
        </AppShell>
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
