/** The frame around every page: the product name and the 中文/English switch. */
import type { ReactNode } from 'react';
import { Layout, Segmented, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useI18n, type Lang } from './i18n';

const LANG_OPTIONS = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

export function AppShell({ children }: { children: ReactNode }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Space size={10}>
          <SafetyCertificateOutlined style={{ color: '#fff', fontSize: 22 }} aria-hidden />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('appName')}
          </Typography.Text>
        </Space>
        <Segmented
          size="small"
          aria-label={t('language')}
          data-testid="lang-switch"
          value={lang}
          options={LANG_OPTIONS}
          onChange={(value) => setLang(value as Lang)}
        />
      </Layout.Header>
      <Layout.Content style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '64px 16px' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
