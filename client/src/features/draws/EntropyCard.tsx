/**
 * 现场录入的熵: what has been entered, by whom and when; the witness (纪检监督 or 领导) enters a value,
 * the office the announced public number, and then draws.
 */
import { useState, type HTMLAttributes } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { describeError, type ApiProblem } from '../../app/errors';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { canRunDraw, canWitness } from '../../app/permissions';
import { DrawProblemAlert } from './DrawProblemAlert';
import { entropyOf, type EntropyEntry } from './draw-data';
import { drawMessages } from './messages';
import { ADD_DRAW_ENTROPY, PERFORM_DRAW, type CeremonyDraw, type EntropyKind } from './operations';

export function EntropyCard({ draw, cancelled }: { draw: CeremonyDraw; cancelled: boolean }) {
  const { lang } = useI18n();
  const m = useMessages(drawMessages);
  const user = useCurrentUser();
  const entries = entropyOf(draw);
  const hasWitness = entries.some((e) => e.kind === 'WITNESS');
  const hasPublic = entries.some((e) => e.kind === 'PUBLIC_NUMBER');
  const open = draw.status === 'COMMITTED' && !cancelled;

  const columns = [
    {
      key: 'kind',
      title: m('entropyKind'),
      render: (_: unknown, e: EntropyEntry) => (
        <Tag color={e.kind === 'WITNESS' ? 'blue' : 'gold'} data-kind={e.kind}>
          {m(e.kind)}
        </Tag>
      ),
    },
    { key: 'value', title: m('entropyValue'), render: (_: unknown, e: EntropyEntry) => <Typography.Text code>{e.value}</Typography.Text> },
    { key: 'by', title: m('entropyBy'), render: (_: unknown, e: EntropyEntry) => e.byName ?? e.by },
    { key: 'at', title: m('entropyAt'), render: (_: unknown, e: EntropyEntry) => formatDateTime(e.at, lang) },
  ];

  return (
    <Card title={m('entropy')} data-testid="entropy-card">
      <Table<EntropyEntry>
        rowKey={(e) => `${e.kind}-${e.at}-${e.by}`}
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: m('noEntropy') }}
        onRow={() => ({ 'data-testid': 'entropy-row' }) as HTMLAttributes<HTMLElement>}
      />
      {open && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} size={12}>
          {canWitness(user) && <EntropyForm drawId={draw.id} kind="WITNESS" digits={null} />}
          {canRunDraw(user) &&
            (hasPublic ? (
              <Typography.Text type="secondary">{m('publicDone')}</Typography.Text>
            ) : (
              <EntropyForm drawId={draw.id} kind="PUBLIC_NUMBER" digits={draw.publicNumberDigits ?? null} />
            ))}
          {canRunDraw(user) && <PerformButton draw={draw} ready={hasWitness && hasPublic} />}
          {!hasWitness && <Typography.Text type="secondary">{m('needWitness')}</Typography.Text>}
          {!hasPublic && <Typography.Text type="secondary">{m('needPublic')}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}

/**
 * One entry of entropy. What is entered stays in the draw's permanent record, on the big screen and on
 * the public page: the form checks it (the public number: the declared number of digits) and asks for
 * confirmation showing exactly what will be recorded.
 */
function EntropyForm({ drawId, kind, digits }: { drawId: string; kind: EntropyKind; digits: number | null }) {
  const { t } = useI18n();
  const m = useMessages(drawMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ value: string }>();
  const [add, { loading }] = useMutation(ADD_DRAW_ENTROPY);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const witness = kind === 'WITNESS';
  const testId = witness ? 'witness' : 'public-number';
  const digitRule = !witness && digits !== null ? [{ pattern: new RegExp(`^\\s*[0-9]{${digits}}\\s*$`), message: m('publicDigits', { digits }) }] : [];

  const submit = async (value: string) => {
    setPending(null);
    setProblem(null);
    try {
      await add({ variables: { drawId, kind, value } });
      form.resetFields();
      void message.success(m('entered', { kind: m(kind) }));
    } catch (error) {
      setProblem(describeError(error as never));
    }
  };

  return (
    <div>
      <DrawProblemAlert problem={problem} onClose={() => setProblem(null)} />
      <Form form={form} layout="inline" onFinish={({ value }) => setPending(value.trim())} style={{ rowGap: 8 }}>
        <Form.Item
          label={m(witness ? 'witnessLabel' : 'publicLabel')}
          name="value"
          rules={[
            { required: true, whitespace: true, message: m('valueRequired') },
            { max: 200, message: m('valueRequired') },
            // eslint-disable-next-line no-control-regex
            { pattern: /^[^\u0000-\u001f\u007f\p{Cs}]*$/u, message: m('valueControl') },
            ...digitRule,
          ]}
          style={{ minWidth: 'min(420px, 100%)' }}
        >
          <Input
            maxLength={200}
            placeholder={witness ? m('witnessPlaceholder') : digits !== null ? m('publicDigitsPlaceholder', { digits }) : m('publicPlaceholder')}
            inputMode={witness || digits === null ? undefined : 'numeric'}
            autoComplete="off"
            data-testid={`${testId}-input`}
          />
        </Form.Item>
        <Popconfirm
          open={pending !== null}
          title={m('entropyConfirmTitle', { kind: m(kind) })}
          description={
            <div style={{ maxWidth: 320 }} data-testid={`${testId}-confirm-text`}>
              <Typography.Text code strong>
                {pending}
              </Typography.Text>
              <div>{m('entropyConfirm')}</div>
            </div>
          }
          okText={t('confirm')}
          cancelText={t('cancel')}
          onConfirm={() => void submit(pending ?? '')}
          onCancel={() => setPending(null)}
          onOpenChange={(open) => !open && setPending(null)}
        >
          <Button htmlType="submit" loading={loading} data-testid={`${testId}-submit`}>
            {m(witness ? 'witnessSubmit' : 'publicSubmit')}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}

function PerformButton({ draw, ready }: { draw: CeremonyDraw; ready: boolean }) {
  const { t } = useI18n();
  const m = useMessages(drawMessages);
  const { message } = App.useApp();
  const [perform, { loading }] = useMutation(PERFORM_DRAW);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async () => {
    setProblem(null);
    try {
      await perform({ variables: { drawId: draw.id }, refetchQueries: ['Tasks'] });
      void message.success(m('drawn'));
    } catch (error) {
      setProblem(describeError(error as never));
    }
  };
  return (
    <div>
      <DrawProblemAlert problem={problem} onClose={() => setProblem(null)} />
      <Popconfirm title={m('performConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => void run()} disabled={!ready}>
        <Button type="primary" size="large" danger icon={<ThunderboltOutlined aria-hidden />} disabled={!ready} loading={loading} data-testid="draw-perform">
          {m('perform')}
        </Button>
      </Popconfirm>
    </div>
  );
}
