/**
 * The frame around every page: the product name and the 中文/English switch; once signed in also the
 * side menu (`sider`) and the user's name with 退出登录 (`extra`).
 */
import type { ReactNode } from 'react';
import { Grid, Layout, Segmented, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n, type Lang } from './i18n';

const LANG_OPTIONS = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

interface Props {
  children: ReactNode;
  sider?: ReactNode;
  extra?: ReactNode;
}

export function AppShell({ children, sider, extra }: Props) {
  const { lang, setLang, t } = useI18n();
  // On a phone (375 px) the header's padding and gaps shrink, so a signed-in page does not scroll sideways.
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: narrow ? 12 : 24, gap: narrow ? 8 : 16 }}>
        <Space size={10}>
          <SafetyCertificateOutlined style={{ color: '#fff', fontSize: 22 }} aria-hidden />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('appName')}
          </Typography.Text>
        </Space>
        <Space size={narrow ? 8 : 16}>
          {extra}
          <Segmented
            size="small"
            aria-label={t('language')}
            data-testid="lang-switch"
            value={lang}
            options={LANG_OPTIONS}
            onChange={(value) => setLang(value as Lang)}
          />
        </Space>
      </Layout.Header>
      {sider ? (
        <Layout>
          <Layout.Sider width={208} theme="light" breakpoint="md" collapsedWidth={0} data-testid="side-menu">
            {sider}
          </Layout.Sider>
          <Layout.Content style={{ padding: 24, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', minWidth: 0 }}>{children}</Layout.Content>
        </Layout>
      ) : (
        <Layout.Content style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '64px 16px' }}>{children}</Layout.Content>
      )}
    </Layout>
  );
}
