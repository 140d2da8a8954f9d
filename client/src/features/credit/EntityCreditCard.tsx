/**
 * On the entity's access-code page: its entries in force on the bureau's lists, its repair requests and
 * their decisions, and a request for 信用修复 with its reasons (the office decides, a leader approves).
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Input, List, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { creditMessages } from './messages';
import { ENTITY_CREDIT_ENTRIES, REQUEST_CREDIT_REPAIR, type EntityCreditRow } from './operations';

const OPEN = ['SUBMITTED', 'GRANTED'];

function RepairForm({ accessCode, entry, onDone }: { accessCode: string; entry: EntityCreditRow; onDone: () => void }) {
  const m = useMessages(creditMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [reasons, setReasons] = useState('');
  const [request, { loading }] = useMutation(REQUEST_CREDIT_REPAIR);
  if (entry.repairs.some((r) => OPEN.includes(r.status))) return <Typography.Text type="secondary">{m('repairOpen')}</Typography.Text>;
  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <Input.TextArea
        rows={3}
        maxLength={5000}
        value={reasons}
        placeholder={m('repairReasonsPlaceholder')}
        aria-label={m('repairReasons')}
        onChange={(e) => setReasons(e.target.value)}
        data-testid="entity-credit-reasons"
      />
      <Button
        type="primary"
        disabled={!reasons.trim()}
        loading={loading}
        style={{ alignSelf: 'flex-start' }}
        data-testid="entity-credit-request"
        onClick={async () => {
          try {
            await request({ variables: { accessCode, entryId: entry.id, reasons } });
            void message.success(m('repairSent'));
            setReasons('');
            onDone();
          } catch (error) {
            notify(error);
          }
        }}
      >
        {m('requestRepair')}
      </Button>
    </Flex>
  );
}

export function EntityCreditCard({ accessCode }: { accessCode: string }) {
  const m = useMessages(creditMessages);
  const { data, refetch } = useQuery(ENTITY_CREDIT_ENTRIES, { variables: { accessCode }, fetchPolicy: 'network-only' });
  const entries = data?.entityCreditEntries ?? [];
  return (
    <Card title={m('entityCreditTitle')} data-testid="entity-credit">
      <Typography.Paragraph type="secondary">{entries.length ? m('entityCreditIntro') : m('entityCreditNone')}</Typography.Paragraph>
      <List
        dataSource={entries}
        renderItem={(entry) => (
          <List.Item key={entry.id} data-testid="entity-credit-entry">
            <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
              <span style={{ overflowWrap: 'anywhere' }}>
                <Tag color={entry.list === 'BLACKLIST' ? 'red' : 'orange'}>{m(entry.list)}</Tag>
                {entry.reason}
              </span>
              <Typography.Text type="secondary">{`${m('legalBasis')}：${entry.legalBasis}；${m('period')}：${entry.decidedOn} ～ ${entry.validUntil}`}</Typography.Text>
              {entry.repairs.map((r) => (
                <Typography.Text key={r.id} data-testid="entity-credit-repair">
                  <Tag>{m(r.status)}</Tag>
                  {r.reasons}
                  {r.note ? `（${m('note')}：${r.note}）` : ''}
                </Typography.Text>
              ))}
              <RepairForm accessCode={accessCode} entry={entry} onDone={() => void refetch()} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
