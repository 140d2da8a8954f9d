/** A bureau's task notices (任务公告): each task once its pool is frozen, with its 实施方案, items, draw and 公示 files. */
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Collapse, Descriptions, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, useMessages } from '../../../app/i18n';
import { useCursorPages } from '../../../app/useCursorPages';
import { AppLink } from '../../../components/BackLink';
import { CursorPager } from '../../../components/CursorPager';
import { percent } from '../format';
import { publicMessages } from '../messages';
import { PUBLIC_ITEMS, PUBLIC_PLANS, PUBLIC_TASK_NOTICES, type PublicNotice } from '../operations';
import { PUBLIC_LINKS } from '../paths';
import { VerificationTag } from '../VerificationTag';
import { NoticeDownloads } from './ResultsTab';

const STATUS_COLORS = { COMMITTED: 'gold', DRAWN: 'green', CANCELLED: 'default' } as const;

function NoticeCard({ notice, bureauId }: { notice: PublicNotice; bureauId: string }) {
  const { lang } = useI18n();
  const m = useMessages(publicMessages);
  return (
    <Card
      size="small"
      data-testid="public-notice"
      data-title={notice.title}
      title={
        <Space wrap>
          <span>{notice.title}</span>
          <Tag color={STATUS_COLORS[notice.status]} data-testid="public-notice-status">
            {m(`status_${notice.status}`)}
          </Tag>
          {notice.joint && <Tag color="purple">{m('joint')}</Tag>}
        </Space>
      }
      extra={
        <AppLink to={PUBLIC_LINKS.bureau(bureauId, 'results', { task: notice.id })} testId="public-notice-results">
          {m('viewResults')}
        </AppLink>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: m('period'), children: `${notice.startsOn} — ${notice.endsOn}` },
          { key: 'team', label: m('teamSize'), children: notice.teamSize },
          { key: 'announced', label: m('announcedAt'), children: formatDateTime(notice.announcedAt, lang) },
          {
            key: 'draw',
            label: m('draw'),
            children: (
              <Space wrap>
                <VerificationTag verification={notice.draw.verification} />
                <AppLink to={PUBLIC_LINKS.draw(notice.draw.id)} testId="public-notice-draw">
                  {m('drawRecord')}
                </AppLink>
              </Space>
            ),
          },
          {
            key: 'items',
            label: m('items'),
            span: 'filled',
            children: notice.items.map((i) => `${i.name}（${m('ratioAtLeast', { percent: percent(i.ratio) })}）`).join('；'),
          },
        ]}
      />
      <NoticeDownloads bureauId={bureauId} taskId={notice.id} />
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'plan',
            label: m('implementationPlan'),
            children: (
              <Descriptions
                size="small"
                column={1}
                items={(['purpose', 'procedure', 'divisionOfLabour', 'confidentiality'] as const).map((k) => ({
                  key: k,
                  label: m(k),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{notice[k]}</span>,
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

export function NoticesTab({ bureauId }: { bureauId: string }) {
  const { t } = useI18n();
  const m = useMessages(publicMessages);
  const pages = useCursorPages(10);
  const [search, setSearch] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [withCount, setWithCount] = useState(false);
  const items = useQuery(PUBLIC_ITEMS, { variables: { bureauId } });
  const plans = useQuery(PUBLIC_PLANS, { variables: { bureauId } });
  const { data, loading, error } = useQuery(PUBLIC_TASK_NOTICES, {
    variables: { bureauId, itemId, planId, search: search || null, first: pages.first, after: pages.after, withCount },
  });
  const connection = data?.publicTaskNotices;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={m('searchNotices')}
          aria-label={m('searchNotices')}
          style={{ width: 240 }}
          onSearch={(v) => {
            setSearch(v.trim());
            pages.reset();
          }}
        />
        <Select<string | null>
          style={{ width: 220 }}
          aria-label={m('filterItem')}
          value={itemId}
          onChange={(v) => {
            setItemId(v ?? null);
            pages.reset();
          }}
          options={[{ value: null, label: m('allItems') }, ...(items.data?.publicItems ?? []).map((i) => ({ value: i.id, label: i.name }))]}
        />
        <Select<string | null>
          style={{ width: 220 }}
          aria-label={m('filterPlan')}
          value={planId}
          onChange={(v) => {
            setPlanId(v ?? null);
            pages.reset();
          }}
          options={[{ value: null, label: m('allPlans') }, ...(plans.data?.publicPlans ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))]}
        />
      </Space>
      {error && <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>}
      {connection && connection.edges.length === 0 && <Empty description={m('noNotices')} />}
      {connection?.edges.map((e) => (
        <NoticeCard key={e.node.id} notice={e.node} bureauId={bureauId} />
      ))}
      <CursorPager
        pages={pages}
        totalCount={connection?.totalCount}
        onCount={() => setWithCount(true)}
        pageInfo={connection?.pageInfo}
        loading={loading}
        testId="public-notices-pager"
      />
    </Flex>
  );
}
