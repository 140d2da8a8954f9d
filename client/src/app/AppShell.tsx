/**
 * The frame around every page: the product name and the 中文/English switch; once signed in also the
 * side menu (`sider`) and the user's name with 退出登录 (`extra`). Below the md breakpoint (phones) the
 * menu is a drawer opened by a button in the header — never a floating trigger over the page — the
 * header keeps a short title and the user's name, and what does not fit (`drawerExtra`, the language
 * switch) moves into the drawer, so that a 360 px screen never scrolls sideways.
 */
import { useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Segmented, Space, Typography } from 'antd';
import { MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n, type Lang } from './i18n';

const LANG_OPTIONS = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

interface Props {
  children: ReactNode;
  sider?: ReactNode;
  extra?: ReactNode;
  /** On a phone, shown at the top of the drawer instead of in the header (the bureau, 退出登录). */
  drawerExtra?: ReactNode;
}

export function AppShell({ children, sider, extra, drawerExtra }: Props) {
  const { lang, setLang, t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const langSwitch = (
    <Segmented
      size="small"
      aria-label={t('language')}
      data-testid="lang-switch"
      value={lang}
      options={LANG_OPTIONS}
      onChange={(value) => setLang(value as Lang)}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh', maxWidth: '100vw', overflowX: 'clip' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: phone ? 8 : 24, gap: phone ? 8 : 16, minWidth: 0 }}
      >
        <Space size={phone ? 6 : 10} style={{ minWidth: 0, flexShrink: 0 }}>
          {phone && sider && (
            <Button
              type="text"
              aria-label={t('openMenu')}
              data-testid="menu-button"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} aria-hidden />}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <SafetyCertificateOutlined style={{ color: '#fff', fontSize: 22 }} aria-hidden />
          {/* The product's name is the page's level-one heading (each page's own title is a card's heading). */}
          <Typography.Title level={1} style={{ color: '#fff', fontSize: 16, margin: 0, whiteSpace: 'nowrap' }} data-testid="app-title">
            {phone ? t('appShortName') : t('appName')}
          </Typography.Title>
        </Space>
        <Space size={phone ? 8 : 16} style={{ minWidth: 0, justifyContent: 'flex-end' }}>
          {extra}
          {!(phone && sider) && langSwitch}
        </Space>
      </Layout.Header>
      {sider ? (
        <Layout>
          {!phone && (
            <Layout.Sider width={208} theme="light" data-testid="side-menu">
              {sider}
            </Layout.Sider>
          )}
          {phone && (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={280}
              title={t('mainMenu')}
              styles={{ body: { padding: 0 } }}
              data-testid="menu-drawer"
            >
              <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
                <Space direction="vertical" size={8}>
                  {drawerExtra}
                  {langSwitch}
                </Space>
              </div>
              {/* A chosen page closes the drawer. */}
              <div data-testid="side-menu" onClick={(e) => (e.target as HTMLElement).closest('.ant-menu-item') && setDrawerOpen(false)}>
                {sider}
              </div>
            </Drawer>
          )}
          <Layout.Content style={{ padding: phone ? 8 : 24, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', minWidth: 0 }}>
            {children}
          </Layout.Content>
        </Layout>
      ) : (
        <Layout.Content style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: phone ? '24px 8px' : '64px 16px' }}>
          {children}
        </Layout.Content>
      )}
    </Layout>
  );
}
