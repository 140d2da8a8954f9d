/**
 * Username + password sign-in. On success the session is stored and the app shows the "me" page.
 * `?username=` (set after 设置密码) fills in the username; a link leads to 设置密码 for invitation codes.
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { saveSession } from '../../app/auth';
import { describeError, type ApiProblem } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { navigate, PATHS, queryParam } from '../../app/navigation';
import { LOGIN } from './operations';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginForm>();
  const [login, { loading }] = useMutation(LOGIN);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [prefilled] = useState(() => queryParam('username') ?? '');

  const submit = async (values: LoginForm) => {
    setProblem(null);
    try {
      const { data } = await login({ variables: { username: values.username.trim(), password: values.password } });
      if (data) saveSession(data.login);
    } catch (error) {
      const described = describeError(error as Error);
      setProblem(described);
      if (described?.fields.length) {
        form.setFields(
          described.fields
            .filter((f) => f.field === 'username' || f.field === 'password')
            .map((f) => ({ name: f.field as keyof LoginForm, errors: [f.message] })),
        );
      }
    }
  };

  return (
    <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login-card">
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 24 }}>
        {t('loginTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('loginSubtitle')}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="login-error"
          style={{ marginBottom: 16 }}
          title={t('loginFailed')}
          description={problem.message ?? t('networkError')}
        />
      )}
      <Form<LoginForm>
        form={form}
        name="login"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        disabled={loading}
        initialValues={{ username: prefilled }}
      >
        <Form.Item label={t('username')} name="username" rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
          <Input
            prefix={<UserOutlined aria-hidden />}
            placeholder={t('usernamePlaceholder')}
            autoComplete="username"
            autoFocus={!prefilled}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password
            prefix={<LockOutlined aria-hidden />}
            placeholder={t('passwordPlaceholder')}
            autoComplete="current-password"
            autoFocus={Boolean(prefilled)}
            data-testid="login-password"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
            {t('login')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Typography.Link
          href={PATHS.redeem}
          data-testid="login-redeem-link"
          onClick={(event) => {
            event.preventDefault();
            navigate(PATHS.redeem);
          }}
        >
          {t('haveCode')}
        </Typography.Link>
        {' · '}
        <Typography.Link
          href={PATHS.publicPortal}
          data-testid="login-public-link"
          onClick={(event) => {
            event.preventDefault();
            navigate(PATHS.publicPortal);
          }}
        >
          {t('publicPortal')}
        </Typography.Link>
        {' · '}
        <Typography.Link
          href={PATHS.entityRecord}
          data-testid="login-entity-record-link"
          onClick={(event) => {
            event.preventDefault();
            navigate(PATHS.entityRecord);
          }}
        >
          {t('entityRecordLink')}
        </Typography.Link>
      </Typography.Paragraph>
    </Card>
  );
}
