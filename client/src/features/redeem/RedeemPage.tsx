/**
 * 设置密码, without signing in: the one-time code from onboarding, an invitation or a reset, and a new
 * password checked as you type. Afterwards: the username, and a way to the sign-in page with it filled in.
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Card, Descriptions, Form, Input, Result, Typography } from 'antd';
import { KeyOutlined, LockOutlined } from '@ant-design/icons';
import { passwordRule, sameAsRule } from '../../app/form-rules';
import { useMessages } from '../../app/i18n';
import { navigate, PATHS } from '../../app/navigation';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { redeemMessages } from './messages';
import { REDEEM_INVITATION } from './operations';

interface RedeemForm {
  code: string;
  password: string;
  confirmPassword: string;
}

const FIELDS = ['code', 'password'] as const;

export function RedeemPage() {
  const m = useMessages(redeemMessages);
  const [form] = Form.useForm<RedeemForm>();
  const [redeem, { loading }] = useMutation(REDEEM_INVITATION);
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [done, setDone] = useState<{ username: string; tenantName: string } | null>(null);

  const submit = async ({ code, password }: RedeemForm) => {
    clear();
    try {
      const { data } = await redeem({ variables: { code: code.trim(), password } });
      if (data) setDone(data.redeemInvitation);
    } catch (error) {
      report(error);
    }
  };

  const toSignIn = (username?: string) => navigate(username ? `${PATHS.login}?username=${encodeURIComponent(username)}` : PATHS.login);

  if (done) {
    return (
      <Card style={{ width: '100%', maxWidth: 480 }} data-testid="redeem-success">
        <Result
          status="success"
          title={m('doneTitle')}
          subTitle={m('doneSubtitle', { username: done.username, tenantName: done.tenantName })}
          extra={
            <Button type="primary" onClick={() => toSignIn(done.username)} data-testid="redeem-go-login">
              {m('goSignIn')}
            </Button>
          }
        >
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'username', label: m('username'), children: <strong data-testid="redeem-username">{done.username}</strong> },
              { key: 'tenant', label: m('tenant'), children: <span data-testid="redeem-tenant">{done.tenantName}</span> },
            ]}
          />
        </Result>
      </Card>
    );
  }

  return (
    <Card style={{ width: '100%', maxWidth: 440 }} data-testid="redeem-card">
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {m('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m('subtitle')}</Typography.Paragraph>
      <ProblemAlert problem={problem} testId="redeem-error" />
      <Form<RedeemForm> form={form} name="redeem" layout="vertical" onFinish={submit} requiredMark={false} disabled={loading}>
        <Form.Item label={m('code')} name="code" rules={[{ required: true, whitespace: true, message: m('codeRequired') }]}>
          <Input prefix={<KeyOutlined aria-hidden />} placeholder={m('codePlaceholder')} autoComplete="one-time-code" autoFocus data-testid="redeem-code" />
        </Form.Item>
        <Form.Item label={m('password')} name="password" extra={m('passwordHint')} rules={[{ required: true, message: m('passwordRequired') }, passwordRule()]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" data-testid="redeem-password" />
        </Form.Item>
        <Form.Item
          label={m('confirm')}
          name="confirmPassword"
          dependencies={['password']}
          rules={[{ required: true, message: m('confirmRequired') }, sameAsRule('password', m('mismatch'))]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" data-testid="redeem-confirm" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" block loading={loading} data-testid="redeem-submit">
            {m('submit')}
          </Button>
        </Form.Item>
        <Button type="link" block onClick={() => toSignIn()} data-testid="redeem-back">
          {m('backToSignIn')}
        </Button>
      </Form>
    </Card>
  );
}
