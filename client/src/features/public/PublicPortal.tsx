/**
 * The public portal (公示查询), open to anyone without sign-in: its own frame (title, home, the draw
 * verifier, the language switch, a link to the staff sign-in) and its pages below /public.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Grid, Layout, Segmented, Space, Spin, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useSession } from '../../app/auth';
import { useI18n, useMessages, type Lang } from '../../app/i18n';
import { PATHS } from '../../app/navigation';
import { matchPattern } from '../../app/route-match';
import { AppLink } from '../../components/BackLink';
import { publicMessages } from './messages';
import { BUREAU_TABS, PUBLIC_LINKS, type BureauTab } from './paths';

const BureausPage = lazy(() => import('./BureausPage').then((m) => ({ default: m.BureausPage })));
const BureauPage = lazy(() => import('./BureauPage').then((m) => ({ default: m.BureauPage })));
const EntityProfilePage = lazy(() => import('./EntityProfilePage').then((m) => ({ default: m.EntityProfilePage })));
const DrawPage = lazy(() => import('./DrawPage').then((m) => ({ default: m.DrawPage })));
const PublicCreditListPage = lazy(() => import('../credit/PublicCreditListPage').then((m) => ({ default: m.PublicCreditListPage })));
const VerifyPage = lazy(() => import('./VerifyPage').then((m) => ({ default: m.VerifyPage })));

const LANG_OPTIONS = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

function pageFor(path: string): ReactNode {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (clean === PATHS.publicPortal) return <BureausPage />;
  if (clean === PUBLIC_LINKS.verify) return <VerifyPage />;
  if (clean === `${PATHS.publicPortal}/credit`) return <PublicCreditListPage bureauId={null} />;
  let p = matchPattern(`${PATHS.publicPortal}/credit/:id`, clean);
  if (p) return <PublicCreditListPage bureauId={p.id!} />;
  p = matchPattern(`${PATHS.publicPortal}/bureaus/:id`, clean);
  if (p) return <BureauPage id={p.id!} tab="results" />;
  p = matchPattern(`${PATHS.publicPortal}/bureaus/:id/:tab`, clean);
  if (p && (BUREAU_TABS as readonly string[]).includes(p.tab!)) return <BureauPage id={p.id!} tab={p.tab as BureauTab} />;
  p = matchPattern(`${PATHS.publicPortal}/entities/:uscc`, clean);
  if (p) return <EntityProfilePage uscc={p.uscc!} />;
  p = matchPattern(`${PATHS.publicPortal}/draws/:id`, clean);
  if (p) return <DrawPage id={p.id!} />;
  return <BureausPage />;
}

export function PublicPortal({ path }: { path: string }) {
  const { lang, setLang, t } = useI18n();
  const m = useMessages(publicMessages);
  const session = useSession();
  const headerLink = { color: '#fff' };
  // On a phone the header grows to two rows (title, then the links and the language switch) instead of hiding what does not fit.
  const phone = Grid.useBreakpoint().md === false;
  const phoneHeader = phone ? { height: 'auto', lineHeight: '32px', paddingBlock: 8, flexWrap: 'wrap' as const, rowGap: 4 } : {};
  return (
    <Layout style={{ minHeight: '100vh', maxWidth: '100vw', overflowX: 'clip' }} data-testid="public-portal">
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: phone ? 12 : 24, gap: 16, ...phoneHeader }}
      >
        <Space size={10}>
          <SafetyCertificateOutlined style={{ color: '#fff', fontSize: 22 }} aria-hidden />
          <Typography.Title level={1} style={{ fontSize: 16, margin: 0 }}>
            <AppLink to={PUBLIC_LINKS.home} testId="public-title">
              <span style={{ ...headerLink, fontWeight: 600 }}>{m('portalTitle')}</span>
            </AppLink>
          </Typography.Title>
        </Space>
        <Space size={phone ? 12 : 16} wrap>
          <AppLink to={PUBLIC_LINKS.home} testId="public-nav-home">
            <span style={headerLink}>{m('home')}</span>
          </AppLink>
          <AppLink to={`${PATHS.publicPortal}/credit`} testId="public-nav-credit">
            <span style={headerLink}>{m('creditNav')}</span>
          </AppLink>
          <AppLink to={PUBLIC_LINKS.verify} testId="public-nav-verify">
            <span style={headerLink}>{m('verifyNav')}</span>
          </AppLink>
          <AppLink to={session ? PATHS.me : PATHS.login} testId="public-nav-signin">
            <span style={headerLink}>{session ? t('navMe') : m('signIn')}</span>
          </AppLink>
          <Segmented size="small" aria-label={t('language')} value={lang} options={LANG_OPTIONS} onChange={(value) => setLang(value as Lang)} />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: phone ? '12px 8px' : '24px 16px', display: 'flex', justifyContent: 'center', minWidth: 0 }}>
        <div style={{ width: '100%', maxWidth: 1200 }}>
          <Suspense
            fallback={
              <Spin tip={t('loading')}>
                <div style={{ height: 160 }} aria-busy="true" />
              </Spin>
            }
          >
            {pageFor(path)}
          </Suspense>
        </div>
      </Layout.Content>
    </Layout>
  );
}
