/**
 * The entity page's public history beyond its results: the rectifications ordered on its published results
 * (ordered, deadline, how they ended) and its 黑名单/重点关注名单 entries of every bureau, with a 信用修复
 * where one ended an entry early. Cards, so a phone's 375 px never scrolls sideways.
 */
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import type { PublicEntityHistoryQuery } from '../../gql/graphql';
import { useMessages } from '../../app/i18n';
import { QueryState } from '../../components/QueryState';
import { publicMessages } from './messages';
import { PUBLIC_ENTITY_HISTORY } from './operations';

type History = PublicEntityHistoryQuery['publicEntity'];
type RectificationRow = History['rectifications'][number];
type CreditRow = History['creditEntries'][number];

const RECTIFICATION_COLOURS: Record<RectificationRow['status'], string> = {
  IN_PROGRESS: 'processing',
  OVERDUE: 'error',
  DONE: 'success',
  NOT_DONE: 'error',
};
const WRAP = { overflowWrap: 'anywhere' } as const;

function RectificationCard({ row }: { row: RectificationRow }) {
  const m = useMessages(publicMessages);
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="public-entity-rectification" data-status={row.status}>
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <span style={WRAP}>
          <Tag color={RECTIFICATION_COLOURS[row.status]} data-testid="public-entity-rectification-status">
            {m(`rectification_${row.status}`)}
          </Tag>
          <Typography.Text strong>{row.bureau.name}</Typography.Text>
        </span>
        <Descriptions size="small" column={1} colon>
          <Descriptions.Item label={m('orderedOn')}>{row.orderedOn}</Descriptions.Item>
          <Descriptions.Item label={m('dueOn')}>{m('dueText', { days: row.dueWorkingDays, date: row.dueOn })}</Descriptions.Item>
          {row.closedOn && <Descriptions.Item label={m('closedOn')}>{row.closedOn}</Descriptions.Item>}
          <Descriptions.Item label={m('rectificationResult')}>
            <Typography.Link href={`#${encodeURIComponent(row.resultId)}`} data-testid="public-entity-rectification-result">
              {m('rectificationResult')}
            </Typography.Link>
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

function CreditCard({ row }: { row: CreditRow }) {
  const m = useMessages(publicMessages);
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="public-entity-credit-entry">
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <span style={WRAP}>
          <Tag color={row.list === 'BLACKLIST' ? 'red' : 'orange'}>{m(`credit_${row.list}`)}</Tag>
          <Typography.Text strong>{row.bureau.name}</Typography.Text>
        </span>
        <Descriptions size="small" column={1} colon>
          <Descriptions.Item label={m('creditReason')}>
            <span style={WRAP}>{row.reason}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('creditBasis')}>
            <span style={WRAP}>{row.legalBasis}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('creditDecidedOn')}>{row.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={m('creditPeriod')}>{m('creditPeriodText', { from: row.decidedOn, until: row.validUntil })}</Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

export function EntityHistoryCards({ uscc }: { uscc: string }) {
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_ENTITY_HISTORY, { variables: { uscc } });
  if (!data) return <QueryState error={error} />;
  const { rectifications, creditEntries } = data.publicEntity;
  return (
    <>
      <Card title={m('entityRectifications')} data-testid="public-entity-rectifications">
        {rectifications.length ? (
          <List
            dataSource={rectifications}
            renderItem={(row) => (
              <List.Item key={row.id} style={{ paddingInline: 0 }}>
                <RectificationCard row={row} />
              </List.Item>
            )}
          />
        ) : (
          <Empty description={m('noRectifications')} data-testid="public-entity-rectifications-empty" />
        )}
      </Card>
      <Card title={m('entityCredit')} data-testid="public-entity-credit">
        {creditEntries.length ? (
          <List
            dataSource={creditEntries}
            renderItem={(row) => (
              <List.Item key={row.id} style={{ paddingInline: 0 }}>
                <CreditCard row={row} />
              </List.Item>
            )}
          />
        ) : (
          <Empty description={m('noCredit')} data-testid="public-entity-credit-empty" />
        )}
      </Card>
    </>
  );
}
