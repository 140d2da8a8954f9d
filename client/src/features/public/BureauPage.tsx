/** One bureau's publications, a tab each: results, task notices, plans, the item list, the two directories, draws, audit chain heads. */
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Flex, Space, Tabs, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { navigate } from '../../app/navigation';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { publicMessages } from './messages';
import { PUBLIC_BUREAUS } from './operations';
import { BUREAU_TABS, PUBLIC_FILES, PUBLIC_LINKS, type BureauTab } from './paths';
import { AuditHeadsTab } from './tabs/AuditHeadsTab';
import { DrawsTab } from './tabs/DrawsTab';
import { EntitiesTab } from './tabs/EntitiesTab';
import { InspectorsTab } from './tabs/InspectorsTab';
import { ItemsTab } from './tabs/ItemsTab';
import { NoticesTab } from './tabs/NoticesTab';
import { PlansTab } from './tabs/PlansTab';
import { ResultsTab } from './tabs/ResultsTab';

const LABELS = {
  results: 'tabResults',
  notices: 'tabNotices',
  plans: 'tabPlans',
  items: 'tabItems',
  entities: 'tabEntities',
  inspectors: 'tabInspectors',
  draws: 'tabDraws',
  anchors: 'tabAnchors',
} as const satisfies Record<BureauTab, string>;

export function BureauPage({ id, tab }: { id: string; tab: BureauTab }) {
  const { t } = useI18n();
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_BUREAUS);
  if (!data) return <QueryState error={error} />;
  const bureau = data.publicBureaus.find((b) => b.id === id);
  if (!bureau) return <Alert type="error" showIcon role="alert" title={t('notFoundPage')} data-testid="public-bureau-missing" />;

  const content: Record<BureauTab, () => ReactNode> = {
    results: () => <ResultsTab bureauId={id} />,
    notices: () => <NoticesTab bureauId={id} />,
    plans: () => <PlansTab bureauId={id} />,
    items: () => <ItemsTab bureauId={id} />,
    entities: () => <EntitiesTab bureauId={id} />,
    inspectors: () => <InspectorsTab bureauId={id} />,
    draws: () => <DrawsTab bureauId={id} />,
    anchors: () => <AuditHeadsTab bureauId={id} />,
  };

  return (
    <Flex vertical gap={16} data-testid="public-bureau-page">
      <BackLink to={PUBLIC_LINKS.home} label={m('home')} />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-bureau-name">
            {bureau.displayName || bureau.name}
          </Typography.Title>
        }
        extra={
          <Space>
            <Typography.Link href={PUBLIC_FILES.feed('atom', id)} target="_blank">
              {m('feedAtom')}
            </Typography.Link>
            <Typography.Link href={PUBLIC_FILES.feed('json', id)} target="_blank">
              {m('feedJson')}
            </Typography.Link>
          </Space>
        }
      >
        {bureau.publicHeader && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{bureau.publicHeader}</Typography.Paragraph>}
        {bureau.contact && (
          <Typography.Text type="secondary">
            {m('contact')}：{bureau.contact}
          </Typography.Text>
        )}
        <Tabs
          style={{ marginTop: 8 }}
          activeKey={tab}
          onChange={(key) => navigate(PUBLIC_LINKS.bureau(id, key as BureauTab))}
          items={BUREAU_TABS.map((key) => ({ key, label: <span data-testid={`public-tab-${key}`}>{m(LABELS[key])}</span> }))}
        />
        <div data-testid={`public-tab-content-${tab}`}>{content[tab]()}</div>
        {bureau.publicFooter && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>
            {bureau.publicFooter}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
