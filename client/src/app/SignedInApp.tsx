/**
 * Everything behind sign-in: loads the signed-in user once, derives the ability, shows the side menu
 * with the pages that ability allows (the big screen alone, without it), opens "/" on the user's landing
 * page (landing.ts), and answers any other address that no allowed page matches with the 404 page.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Alert, Button, Card, Grid, Menu, Space, Spin, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useLogout } from '../features/auth/useLogout';
import { useMe } from '../features/me/useMe';
import { AppShell } from './AppShell';
import { abilityOf, CurrentUserProvider, type CurrentUser } from './current-user';
import { describeError } from './errors';
import { useI18n } from './i18n';
import { landingPath } from './landing';
import { navigate } from './navigation';
import { resolvePage } from './route-resolve';
import { ROUTES } from './routes';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OfflineSync } from '../features/offline/OfflineSync';

const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function SignedInApp({ path }: { path: string }) {
  const { t } = useI18n();
  const { data, error } = useMe();
  const { logout, loggingOut } = useLogout();
  const phone = Grid.useBreakpoint().md === false;
  const me = data?.me ?? null;
  const user = useMemo<CurrentUser | null>(() => (me ? { me, ability: abilityOf(me) } : null), [me]);
  const allowed = useMemo(() => (user ? ROUTES.filter((route) => route.allowed(user)) : []), [user]);
  const page = useMemo(() => (user ? resolvePage(allowed, user, path) : null), [allowed, user, path]);
  const route = page?.route;

  const landing = landingPath(allowed);
  const home = path === '/' || path === '';
  useEffect(() => {
    if (user && home) navigate(landing, { replace: true });
  }, [user, home, landing]);

  const logoutButton = (
    <Button ghost size="small" icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()} loading={loggingOut} data-testid="logout-button">
      {t('logout')}
    </Button>
  );

  if (error) {
    return (
      <AppShell extra={logoutButton}>
        <Card style={{ width: '100%', maxWidth: 640 }}>
          <Alert type="error" showIcon role="alert" title={t('loadFailed')} description={describeError(error)?.message ?? t('networkError')} />
        </Card>
      </AppShell>
    );
  }
  const spinner = (
    <Spin tip={t('loading')}>
      <div style={{ width: 320, height: 120 }} aria-busy="true" />
    </Spin>
  );
  if (!user) return <AppShell>{spinner}</AppShell>;

  const menu = (
    <Menu
      mode="inline"
      aria-label={t('mainMenu')}
      selectedKeys={route ? [route.path] : []}
      style={{ height: '100%', paddingTop: 8 }}
      onClick={({ key }) => navigate(key)}
      items={allowed.map((r) => ({ key: r.path, icon: r.icon, label: <span data-testid={`nav-${r.name}`}>{t(r.label(user))}</span> }))}
    />
  );
  // On a phone the header keeps the bell and the user's name (never squeezed below its width); the bureau and 退出登录 go into the menu drawer.
  const extra = (
    <Space size={phone ? 8 : 12} style={{ minWidth: 0 }}>
      <NotificationBell />
      <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="header-user">
        {phone ? user.me.displayName : `${user.me.displayName} · ${user.me.tenant.name}`}
      </Typography.Text>
      {!phone && logoutButton}
    </Space>
  );
  const drawerExtra = (
    <>
      <Typography.Text data-testid="drawer-user">
        {user.me.displayName} · {user.me.tenant.name}
      </Typography.Text>
      <Button size="small" icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()} loading={loggingOut} data-testid="logout-button">
        {t('logout')}
      </Button>
    </>
  );

  const content = <Suspense fallback={spinner}>{page ? page.node() : home ? spinner : <NotFoundPage path={path} landing={landing} />}</Suspense>;
  return (
    <CurrentUserProvider value={user}>
      <OfflineSync owner={user.me.id} />
      {page?.bare ? (
        content
      ) : (
        <AppShell sider={menu} extra={extra} drawerExtra={phone ? drawerExtra : undefined}>
          {content}
        </AppShell>
      )}
    </CurrentUserProvider>
  );
}
