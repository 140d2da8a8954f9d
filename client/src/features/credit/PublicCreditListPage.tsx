/**
 * 信用公示 on the portal (/public/credit, /public/credit/:bureauId): a bureau's published 黑名单 and
 * 重点关注名单 — entity, USCC, reason, basis, decision date and period — as cards, so a phone's 375 px
 * never scrolls sideways.
 */
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Flex, List, Select, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { navigate, PATHS } from '../../app/navigation';
import { QueryState } from '../../components/QueryState';
import { PUBLIC_BUREAUS } from '../public/operations';
import { creditMessages } from './messages';
import { PUBLIC_CREDIT_LIST, type PublicCreditRow } from './operations';

export const PUBLIC_CREDIT_PATH = `${PATHS.publicPortal}/credit`;
export const publicCreditLink = (bureauId: string) => `${PUBLIC_CREDIT_PATH}/${encodeURIComponent(bureauId)}`;

function EntryCard({ row }: { row: PublicCreditRow }) {
  const m = useMessages(creditMessages);
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="public-credit-entry">
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <span style={{ overflowWrap: 'anywhere' }}>
          <Tag color={row.list === 'BLACKLIST' ? 'red' : 'orange'}>{m(row.list)}</Tag>
          <Typography.Text strong>{row.entityName}</Typography.Text>
        </span>
        <Descriptions size="small" column={1} colon>
          <Descriptions.Item label={m('uscc')}>
            <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{row.entityUscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('reason')}>
            <span style={{ overflowWrap: 'anywhere' }}>{row.reason}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('legalBasis')}>
            <span style={{ overflowWrap: 'anywhere' }}>{row.legalBasis}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('decidedOn')}>{row.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={m('validUntil')}>{row.validUntil}</Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

export function PublicCreditListPage({ bureauId }: { bureauId: string | null }) {
  const m = useMessages(creditMessages);
  const bureaus = useQuery(PUBLIC_BUREAUS);
  const list = useQuery(PUBLIC_CREDIT_LIST, { variables: { bureauId: bureauId ?? '' }, skip: !bureauId });
  return (
    <Flex vertical gap={16} style={{ width: '100%', minWidth: 0 }} data-testid="public-credit-page">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m('publicTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{m('publicIntro')}</Typography.Paragraph>
        <Select
          style={{ width: '100%', maxWidth: 420 }}
          placeholder={m('chooseBureau')}
          aria-label={m('bureau')}
          value={bureauId ?? undefined}
          loading={bureaus.loading}
          options={(bureaus.data?.publicBureaus ?? []).map((b) => ({ value: b.id, label: b.displayName ?? b.name }))}
          onChange={(id: string) => navigate(publicCreditLink(id))}
          data-testid="public-credit-bureau"
        />
      </Card>
      {bureauId &&
        (list.data ? (
          list.data.publicCreditList.length ? (
            <List
              dataSource={list.data.publicCreditList}
              renderItem={(row) => (
                <List.Item key={row.id} style={{ paddingInline: 0 }}>
                  <EntryCard row={row} />
                </List.Item>
              )}
            />
          ) : (
            <Empty description={m('publicEmpty')} data-testid="public-credit-empty" />
          )
        ) : (
          <QueryState error={list.error} />
        ))}
    </Flex>
  );
}
