/** 修改密码: current password, a new one checked as you type, and the same again. Other devices are signed out. */
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Form, Input } from 'antd';
import { passwordRule, sameAsRule } from '../../app/form-rules';
import { useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { accountMessages } from './messages';
import { CHANGE_PASSWORD } from './operations';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordCard({ username }: { username: string }) {
  const m = useMessages(accountMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);
  const { problem, report, clear } = useFormProblem(form, FIELDS);

  const submit = async ({ currentPassword, newPassword }: ChangePasswordForm) => {
    clear();
    try {
      // The other devices are signed out: the device list changes too.
      await changePassword({ variables: { currentPassword, newPassword }, refetchQueries: ['MySessions'] });
      form.resetFields();
      void message.success(m('passwordChanged'));
    } catch (error) {
      report(error);
    }
  };

  return (
    <Card title={m('changePasswordTitle')} data-testid="change-password-card">
      <ProblemAlert problem={problem} testId="change-password-error" />
      <Form<ChangePasswordForm> form={form} layout="vertical" onFinish={submit} disabled={loading} style={{ maxWidth: 420 }}>
        <Form.Item label={m('currentPassword')} name="currentPassword" rules={[{ required: true, message: m('currentPasswordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          label={m('newPassword')}
          name="newPassword"
          extra={m('passwordHint')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: m('newPasswordRequired') },
            passwordRule(() => username),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(m('sameAsCurrent'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          label={m('confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[{ required: true, message: m('confirmRequired') }, sameAsRule('newPassword', m('mismatch'))]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="change-password-submit">
          {m('changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
