/**
 * The province's 联合惩戒 setting (on its rules-bounds page): whether an entity on the blacklist of any
 * bureau of the province weighs more in the other bureaus' draws, and by which weight.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { creditMessages } from './messages';
import { JOINT_PUNISHMENT, SET_JOINT_PUNISHMENT } from './operations';

interface Values {
  enabled: boolean;
  weight: number;
  reason: string;
}

export function JointPunishmentCard() {
  const m = useMessages(creditMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { data } = useQuery(JOINT_PUNISHMENT, { fetchPolicy: 'cache-and-network' });
  const [save, { loading }] = useMutation(SET_JOINT_PUNISHMENT);
  if (!data) return null;
  const current = data.jointPunishment;
  return (
    <Card title={m('jointTitle')} data-testid="joint-punishment-card">
      <Typography.Paragraph type="secondary">{m('jointIntro')}</Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        initialValues={{ enabled: current.enabled, weight: current.weight, reason: '' }}
        onFinish={async (v) => {
          try {
            await save({ variables: { input: { enabled: v.enabled, weight: v.weight }, reason: v.reason } });
            void message.success(m('jointSaved'));
          } catch (error) {
            notify(error);
          }
        }}
      >
        <Form.Item name="enabled" label={m('jointEnabled')} valuePropName="checked">
          <Switch data-testid="joint-punishment-enabled" />
        </Form.Item>
        <Form.Item name="weight" label={m('jointWeight')} rules={[{ required: true, message: m('required') }]}>
          <InputNumber min={1} max={100} step={0.5} data-testid="joint-punishment-weight" />
        </Form.Item>
        <Form.Item name="reason" label={m('jointReason')} rules={[{ required: true, whitespace: true, message: m('required') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="joint-punishment-save">
          {m('jointSave')}
        </Button>
      </Form>
    </Card>
  );
}
