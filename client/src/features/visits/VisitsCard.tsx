/**
 * The workbench's 待我办理 for an inspector's visits: the selections of their teams not yet reported,
 * opened or not — a record exists only once opened, so right after the draw these are what waits for them.
 */
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, List, Space, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { PATHS } from '../../app/navigation';
import { AppLink } from '../../components/BackLink';
import { MY_VISITS } from './operations';
import { visitMessages } from './messages';
import { useOpenVisit, visitKey } from './useOpenVisit';

export function VisitsCard() {
  const m = useMessages(visitMessages);
  const { data, loading } = useQuery(MY_VISITS, { variables: { first: 5 }, fetchPolicy: 'cache-and-network' });
  const { busyKey, openVisit } = useOpenVisit();
  const total = data?.myVisits.totalCount;
  return (
    <Card
      size="small"
      data-testid="workbench-visits"
      data-count={total ?? ''}
      title={
        <Space>
          <span>{m('awaitingVisits')}</span>
          <Badge count={total ?? 0} showZero color="#1d4ed8" overflowCount={999} data-testid="workbench-visits-count" />
        </Space>
      }
      extra={<AppLink to={PATHS.myVisits}>{m('all')}</AppLink>}
      style={{ height: '100%' }}
    >
      <List
        loading={loading && !data}
        dataSource={data?.myVisits.edges.map((e) => e.node) ?? []}
        rowKey={visitKey}
        locale={{ emptyText: m('empty') }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button key="open" size="small" loading={busyKey === visitKey(v)} onClick={() => openVisit(v)}>
                {m('open')}
              </Button>,
            ]}
          >
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Typography.Text>{v.entityName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.taskTitle} · {m('due', { date: v.dueOn })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
