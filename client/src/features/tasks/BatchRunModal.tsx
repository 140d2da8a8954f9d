/**
 * One workflow step over many records: a confirmation saying what will happen (and, for 公示, that it
 * cannot be undone), then the records sent in small slices so that the bar shows real progress, then
 * each record's result — 已办理, or the server's reason (the same as for a single record).
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, List, Modal, Progress, Space, Tag, Typography } from 'antd';
import { describeError } from '../../app/errors';
import { useMessages } from '../../app/i18n';
import type { InspectionStatus } from '../inspections/operations';
import { batchMessages } from './batch-messages';
import { TRANSITION_INSPECTIONS } from './operations';

export type BatchAction = 'PASS_REVIEW' | 'APPROVE' | 'PUBLISH';
export interface BatchRecord {
  id: string;
  entityName: string;
  entityUscc: string;
  status: InspectionStatus;
  availableActions: readonly string[];
}
interface RecordResult {
  id: string;
  name: string;
  ok: boolean;
  message: string | null;
}

/** Records per request: small enough for the bar to move, large enough to keep requests few. */
const SLICE = 10;

export function BatchRunModal({ action, records, onClose }: { action: BatchAction; records: BatchRecord[]; onClose: (done: boolean) => void }) {
  const m = useMessages(batchMessages);
  const [comment, setComment] = useState('');
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');
  const [results, setResults] = useState<RecordResult[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [transition] = useMutation(TRANSITION_INSPECTIONS);
  const label = m(action);
  const ready = records.filter((r) => r.availableActions.includes(action)).length;
  const names = new Map(records.map((r) => [r.id, r.entityName]));

  const run = async () => {
    setPhase('running');
    const collected: RecordResult[] = [];
    try {
      for (let start = 0; start < records.length; start += SLICE) {
        const ids = records.slice(start, start + SLICE).map((r) => r.id);
        const { data } = await transition({ variables: { ids, action, comment: comment.trim() || null } });
        for (const answer of data?.transitionInspections ?? []) {
          collected.push({ id: answer.id, name: names.get(answer.id) ?? answer.id, ok: answer.ok, message: answer.message ?? null });
        }
        setResults([...collected]);
      }
    } catch (error) {
      setFailure(describeError(error as never)?.message ?? String(error));
    }
    setPhase('done');
  };

  const ok = results.filter((r) => r.ok).length;
  return (
    <Modal
      open
      title={m('confirmTitle', { action: label })}
      onCancel={() => phase !== 'running' && onClose(phase === 'done')}
      closable={phase !== 'running'}
      maskClosable={false}
      width={560}
      footer={
        phase === 'confirm' ? (
          <Space wrap>
            <Button onClick={() => onClose(false)} data-testid="batch-cancel">
              {m('cancel')}
            </Button>
            <Button type="primary" danger={action === 'PUBLISH'} onClick={() => void run()} data-testid="batch-confirm">
              {m('run', { action: label })}
            </Button>
          </Space>
        ) : (
          <Button type="primary" disabled={phase === 'running'} onClick={() => onClose(true)} data-testid="batch-close">
            {m('close')}
          </Button>
        )
      }
      data-testid="batch-modal"
    >
      {phase === 'confirm' ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph data-testid="batch-confirm-text">{m('confirmText', { count: records.length, action: label, ready })}</Typography.Paragraph>
          {action === 'PUBLISH' && <Alert type="warning" showIcon message={m('confirmPublish')} />}
          <Form layout="vertical">
            <Form.Item label={m('comment')}>
              <Input.TextArea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="batch-comment" />
            </Form.Item>
          </Form>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress
            percent={Math.round((results.length / records.length) * 100)}
            status={phase === 'running' ? 'active' : failure ? 'exception' : 'normal'}
            data-testid="batch-progress"
            data-done={results.length}
            data-total={records.length}
          />
          <Typography.Text data-testid="batch-summary" data-phase={phase}>
            {phase === 'running' ? m('running', { done: results.length, total: records.length }) : m('finished', { ok, refused: results.length - ok })}
          </Typography.Text>
          {failure && <Alert type="error" showIcon message={m('failed', { reason: failure })} data-testid="batch-failure" />}
          <List
            size="small"
            dataSource={results}
            style={{ maxHeight: 320, overflowY: 'auto' }}
            renderItem={(r) => (
              <List.Item data-testid="batch-result" data-id={r.id} data-ok={r.ok ? 'true' : 'false'} style={{ wordBreak: 'break-all' }}>
                <Space direction="vertical" size={0}>
                  <span>{r.name}</span>
                  {r.ok ? (
                    <Tag color="success">{m('resultOk')}</Tag>
                  ) : (
                    <Typography.Text type="danger">{m('resultRefused', { reason: r.message ?? '' })}</Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Modal>
  );
}
