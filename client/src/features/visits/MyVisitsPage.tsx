/**
 * 我的检查, the inspector's home on a phone: their visits across tasks (entity, address, task, deadline,
 * status) in two groups, today's and overdue first, then the upcoming ones; one tap opens the record.
 */
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { todayInChina } from '../inspections/format';
import { useCursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { PlainList, PlainListItem } from '../../components/PlainList';
import { PendingUploads } from '../offline/PendingUploads';
import { MY_VISITS, type VisitRow } from './operations';
import { visitMessages } from './messages';
import { useOpenVisit, visitKey } from './useOpenVisit';

const PAGE = 50;

export function MyVisitsPage() {
  const m = useMessages(visitMessages);
  const pages = useCursorPages(PAGE);
  const { data, loading } = useQuery(MY_VISITS, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const { busyKey, openVisit } = useOpenVisit();
  const connection = data?.myVisits;
  const visits = connection?.edges.map((e) => e.node) ?? [];
  const today = todayInChina();
  const groups = [
    { key: 'today', title: m('today'), rows: visits.filter((v) => v.dueOn <= today) },
    { key: 'upcoming', title: m('upcoming'), rows: visits.filter((v) => v.dueOn > today) },
  ].filter((g) => g.rows.length > 0);

  const statusTag = (v: VisitRow) =>
    v.status ? (
      <Tag color={v.status === 'RETURNED' ? 'warning' : 'default'}>{m(v.status as 'DRAFT' | 'RETURNED')}</Tag>
    ) : (
      <Tag color="blue">{m('notStarted')}</Tag>
    );
  const dueTag = (v: VisitRow) =>
    v.dueOn < today ? <Tag color="red">{m('overdue')}</Tag> : v.dueOn === today ? <Tag color="orange">{m('dueToday')}</Tag> : null;

  return (
    <div style={{ width: '100%', maxWidth: 720 }} data-testid="my-visits-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {m('title')} <Tag data-testid="my-visits-count">{connection?.totalCount ?? '…'}</Tag>
        </Typography.Title>
        <Typography.Text type="secondary">{m('intro')}</Typography.Text>
        <PendingUploads />
      </Card>
      {!loading && visits.length === 0 && <Empty description={m('empty')} />}
      {groups.map((group) => (
        <Card key={group.key} size="small" title={group.title} style={{ marginBottom: 12 }} data-testid={`my-visits-${group.key}`}>
          <PlainList>
            {group.rows.map((v) => (
              <PlainListItem key={visitKey(v)} data-testid="my-visit" data-entity={v.entityName}>
                <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 16, wordBreak: 'break-all' }}>
                    {v.entityName}
                  </Typography.Text>
                  {v.entityAddress && (
                    <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                      <EnvironmentOutlined aria-hidden /> {v.entityAddress}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {v.taskTitle}
                  </Typography.Text>
                  <Space wrap size={4}>
                    {statusTag(v)}
                    {v.participationId && <Tag color="purple">{m('joint')}</Tag>}
                    <Typography.Text>{m('due', { date: v.dueOn })}</Typography.Text>
                    {dueTag(v)}
                  </Space>
                  <Button
                    type="primary"
                    block
                    size="large"
                    loading={busyKey === visitKey(v)}
                    onClick={() => openVisit(v)}
                    data-testid="my-visit-open"
                    icon={<RightOutlined aria-hidden />}
                  >
                    {m('open')}
                  </Button>
                </Space>
              </PlainListItem>
            ))}
          </PlainList>
        </Card>
      ))}
      {(connection?.totalCount ?? 0) > pages.first && (
        <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="my-visits-pager" />
      )}
    </div>
  );
}
