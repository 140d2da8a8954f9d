/**
 * The workbench's card for a leader: entries proposed for the bureau's lists and credit repairs the office
 * granted, each approved or rejected here (a refusal with a comment; one's own proposal is another leader's).
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { creditMessages } from './messages';
import { CREDIT_LIST_ENTRIES, CREDIT_REPAIR_REQUESTS, REVIEW_CREDIT_ENTRY, REVIEW_CREDIT_REPAIR } from './operations';

interface Pending {
  key: string;
  id: string;
  kind: 'entry' | 'repair';
  title: string;
  detail: string;
  own: boolean;
}

function ReviewButtons({ item, onDone }: { item: Pending; onDone: () => void }) {
  const { t } = useI18n();
  const m = useMessages(creditMessages);
  const notify = useNotifyProblem();
  const [comment, setComment] = useState('');
  const [reviewEntry, entry] = useMutation(REVIEW_CREDIT_ENTRY);
  const [reviewRepair, repair] = useMutation(REVIEW_CREDIT_REPAIR);
  const busy = entry.loading || repair.loading;
  const run = async (approve: boolean) => {
    try {
      const variables = { id: item.id, approve, comment: comment.trim() || null };
      if (item.kind === 'entry') await reviewEntry({ variables });
      else await reviewRepair({ variables });
      onDone();
    } catch (error) {
      notify(error);
    }
  };
  if (item.own) return <Typography.Text type="secondary">{m('ownProposal')}</Typography.Text>;
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Input size="small" placeholder={m('comment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="credit-approval-comment" />
      <Space wrap>
        <Popconfirm
          title={m(item.kind === 'entry' ? 'approveEntryConfirm' : 'approveRepairConfirm')}
          okText={t('confirm')}
          cancelText={t('cancel')}
          onConfirm={() => run(true)}
        >
          <Button size="small" type="primary" loading={busy} data-testid="credit-approval-approve">
            {m('approve')}
          </Button>
        </Popconfirm>
        <Button
          size="small"
          danger
          loading={busy}
          disabled={!comment.trim()}
          title={m('commentRequired')}
          onClick={() => run(false)}
          data-testid="credit-approval-reject"
        >
          {m('reject')}
        </Button>
      </Space>
    </Flex>
  );
}

export function CreditApprovalsCard() {
  const m = useMessages(creditMessages);
  const entries = useQuery(CREDIT_LIST_ENTRIES, { variables: { status: 'PENDING' }, fetchPolicy: 'cache-and-network' });
  const repairs = useQuery(CREDIT_REPAIR_REQUESTS, { variables: { status: 'GRANTED' }, fetchPolicy: 'cache-and-network' });
  const refresh = () => {
    void entries.refetch();
    void repairs.refetch();
  };
  const items: Pending[] = [
    ...(entries.data?.creditListEntries ?? []).map((e) => ({
      key: `e:${e.id}`,
      id: e.id,
      kind: 'entry' as const,
      title: `${m('entryToApprove')}${m(e.list)}：${e.entityName}（${e.entityUscc}）`,
      detail: `${e.reason}；${m('legalBasis')}：${e.legalBasis}；${m('period')}：${e.decidedOn} ～ ${e.validUntil}；${m('proposedBy')}：${e.proposedByName}`,
      own: e.proposedByMe,
    })),
    ...(repairs.data?.creditRepairRequests ?? []).map((r) => ({
      key: `r:${r.id}`,
      id: r.id,
      kind: 'repair' as const,
      title: `${m('repairToApprove')}：${r.entry.entityName}（${m(r.entry.list)}）`,
      detail: `${m('repairReasons')}：${r.reasons}；${m('note')}：${r.decisionNote ?? ''}`,
      own: r.decidedByMe,
    })),
  ];
  return (
    <Card size="small" title={m('approvalsTitle')} data-testid="workbench-credit-approvals">
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: m('approvalsEmpty') }}
        renderItem={(item) => (
          <List.Item key={item.key} data-testid="credit-approval-item">
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <span>
                <Tag color={item.kind === 'entry' ? 'red' : 'green'}>{item.kind === 'entry' ? m('entryToApprove') : m('repairToApprove')}</Tag>
                {item.title}
              </span>
              <Typography.Text type="secondary">{item.detail}</Typography.Text>
              <ReviewButtons item={item} onDone={refresh} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
