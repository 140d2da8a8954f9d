/**
 * The rectification (整改) of an inspection record, on the record's page: what was ordered and by when
 * (working days on the bureau's calendar), the entity's report, the team's re-check, the head's closing
 * proposal and the leader's approval. The office may record a 责令整改 on an approved or published record.
 */
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { RECTIFICATION_STATUS_COLORS, rectificationMessages } from './messages';
import {
  DECIDE_RECTIFICATION_CLOSING,
  INSPECTION_RECTIFICATIONS,
  OPEN_RECTIFICATION,
  PROPOSE_RECTIFICATION_CLOSING,
  RECORD_RECTIFICATION_RECHECK,
  type OwnRectification,
} from './operations';
import { downloadWithToken } from '../imports/authed-download';

const ORDERABLE = ['APPROVED', 'PUBLISHED'];
const RUNNING = ['OPEN', 'REPORTED', 'RECHECKED', 'CLOSE_PROPOSED'];
const refetchQueries = ['InspectionRectifications'];

/** A button opening a small form in a modal; `submit` gets the form's values. */
function FormAction<V extends object>(props: { label: string; title: string; testId: string; children: ReactNode; submit: (v: V) => Promise<unknown> }) {
  const m = useMessages(rectificationMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<V>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={props.testId}>
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': `${props.testId}-ok` } as Record<string, string>}
        width="min(520px, calc(100vw - 32px))"
        destroyOnHidden
      >
        <Form<V>
          form={form}
          layout="vertical"
          onFinish={async (values) => {
            setBusy(true);
            try {
              await props.submit(values);
              void message.success(m('saved'));
              setOpen(false);
            } catch (error) {
              notify(error);
            } finally {
              setBusy(false);
            }
          }}
        >
          {props.children}
        </Form>
      </Modal>
    </>
  );
}

export function RectificationCard({ inspectionId, status }: { inspectionId: string; status: string }) {
  const m = useMessages(rectificationMessages);
  const roles = useCurrentUser().me.roles;
  const { data } = useQuery(INSPECTION_RECTIFICATIONS, { variables: { inspectionId }, fetchPolicy: 'cache-and-network' });
  const [openRectification] = useMutation(OPEN_RECTIFICATION);
  const rows = data?.inspectionRectifications ?? [];
  const canOrder = (roles.includes('OFFICE') || roles.includes('LEADER')) && ORDERABLE.includes(status) && !rows.some((r) => RUNNING.includes(r.status));
  if (!rows.length && !canOrder) return null;
  const order = canOrder && (
    <FormAction<{ basis: string; dueWorkingDays: number }>
      label={m('open')}
      title={m('openTitle')}
      testId="rectification-open"
      submit={(v) => openRectification({ variables: { inspectionId, ...v }, refetchQueries })}
    >
      <Form.Item name="basis" label={m('basis')} rules={[{ required: true, whitespace: true, message: m('basisRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="rectification-basis" />
      </Form.Item>
      <Form.Item name="dueWorkingDays" label={m('dueWorkingDays')} initialValue={15} rules={[{ required: true }]}>
        <InputNumber min={1} max={180} precision={0} data-testid="rectification-days" />
      </Form.Item>
    </FormAction>
  );
  return (
    <Card title={m('cardTitle')} data-testid="rectification-card" extra={order}>
      <List dataSource={rows} locale={{ emptyText: m('empty') }} renderItem={(r) => <RectificationItem r={r} />} />
    </Card>
  );
}

function RectificationItem({ r }: { r: OwnRectification }) {
  const m = useMessages(rectificationMessages);
  const roles = useCurrentUser().me.roles;
  const [recheck] = useMutation(RECORD_RECTIFICATION_RECHECK);
  const [propose] = useMutation(PROPOSE_RECTIFICATION_CLOSING);
  const [decide, deciding] = useMutation(DECIDE_RECTIFICATION_CLOSING);
  const notify = useNotifyProblem();
  const item = (key: 'openedOn' | 'dueOn' | 'reportedOn' | 'reportText' | 'recheckedOn' | 'recheckResult' | 'closingNote' | 'closedOn') =>
    r[key]
      ? [{ key, label: m(key === 'closingNote' ? 'note' : key), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r[key]}</span> }]
      : [];
  const mayRecheck = roles.includes('INSPECTOR') && (r.status === 'REPORTED' || (r.status === 'OPEN' && r.overdue));
  return (
    <List.Item data-testid="rectification-item" data-status={r.status}>
      <Flex vertical gap={8} style={{ width: '100%', minWidth: 0 }}>
        <Space wrap>
          <Tag color={RECTIFICATION_STATUS_COLORS[r.status]} data-testid="rectification-status">
            {m(r.status)}
          </Tag>
          {r.overdue && <Tag color="red">{m('overdue')}</Tag>}
          {r.status === 'CLOSE_PROPOSED' && r.proposedOutcome && <Tag>{m(r.proposedOutcome)}</Tag>}
          {r.recheckPassed != null && <Tag color={r.recheckPassed ? 'green' : 'red'}>{m(r.recheckPassed ? 'recheckPassed' : 'recheckFailed')}</Tag>}
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.basis}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            ...item('openedOn'),
            { key: 'due', label: m('dueOn'), children: `${r.dueOn}（${r.dueWorkingDays} 个工作日）` },
            {
              key: 'recheckTeam',
              label: m('recheckTeam'),
              children: (
                <Space wrap data-testid="rectification-recheck-team" data-drawn={r.recheckDraw ? 'true' : 'false'}>
                  <span>{r.recheckTeam.join('、') || '—'}</span>
                  {r.recheckDraw ? <Tag color="purple">{m('recheckDrawn')}</Tag> : null}
                </Space>
              ),
            },
            ...(r.recheckDraw
              ? [
                  {
                    key: 'recheckDraw',
                    label: m('recheckDrawSeed'),
                    children: (
                      <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                        {String((r.recheckDraw as { seedHex?: string }).seedHex ?? '')}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
            ...item('reportedOn'),
            ...item('reportText'),
            ...(r.reportFiles.length
              ? [
                  {
                    key: 'reportFiles',
                    label: '整改附件',
                    children: (
                      <Space wrap data-testid="rectification-report-files">
                        {r.reportFiles.map((f) => (
                          <Typography.Link key={f.id} onClick={() => void downloadWithToken(f.url, f.fileName).catch(notify)}>
                            {f.fileName}
                          </Typography.Link>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            ...item('recheckedOn'),
            ...item('recheckResult'),
            ...item('closingNote'),
            ...item('closedOn'),
          ]}
        />
        <Space wrap>
          {mayRecheck && (
            <FormAction<{ passed: boolean; result: string }>
              label={m('recheck')}
              title={m('recheck')}
              testId="rectification-recheck"
              submit={(v) => recheck({ variables: { id: r.id, ...v }, refetchQueries })}
            >
              <Form.Item name="passed" initialValue={true}>
                <Radio.Group
                  options={[
                    { value: true, label: m('recheckPassed') },
                    { value: false, label: m('recheckFailed') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="result" label={m('recheckResult')} rules={[{ required: true, whitespace: true, message: m('resultRequired') }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="rectification-recheck-result" />
              </Form.Item>
            </FormAction>
          )}
          {r.status === 'RECHECKED' && roles.includes('DEPARTMENT_HEAD') && (
            <FormAction<{ outcome: 'DONE' | 'NOT_DONE'; note: string }>
              label={m('propose')}
              title={m('propose')}
              testId="rectification-propose"
              submit={(v) => propose({ variables: { id: r.id, ...v }, refetchQueries })}
            >
              <Form.Item name="outcome" initialValue={r.recheckPassed === false ? 'NOT_DONE' : 'DONE'}>
                <Radio.Group
                  options={[
                    { value: 'DONE', label: m('proposeDone'), disabled: r.recheckPassed === false },
                    { value: 'NOT_DONE', label: m('proposeNotDone') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label={m('note')} rules={[{ required: true, whitespace: true, message: m('noteRequired') }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="rectification-propose-note" />
              </Form.Item>
            </FormAction>
          )}
          {r.status === 'CLOSE_PROPOSED' && roles.includes('LEADER') && (
            <>
              <Button
                type="primary"
                size="small"
                loading={deciding.loading}
                data-testid="rectification-approve"
                onClick={() => void decide({ variables: { id: r.id, approve: true }, refetchQueries }).catch(notify)}
              >
                {m('approve')}
              </Button>
              <Button size="small" onClick={() => void decide({ variables: { id: r.id, approve: false }, refetchQueries }).catch(notify)}>
                {m('sendBack')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
    </List.Item>
  );
}
