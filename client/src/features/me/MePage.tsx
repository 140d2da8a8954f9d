/** Who is signed in: name, username, roles (Chinese labels), unit, department; and signing out. */
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@spotcheck/shared';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { useLogout } from '../auth/useLogout';
import { useMe } from './useMe';

export function MePage() {
  const { t, lang } = useI18n();
  const { data, loading, error } = useMe();
  const { logout, loggingOut } = useLogout();
  const me = data?.me;

  const logoutButton = (
    <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()} loading={loggingOut} data-testid="logout-button">
      {t('logout')}
    </Button>
  );

  if (error) {
    return (
      <Card style={{ width: '100%', maxWidth: 640 }} extra={logoutButton}>
        <Alert type="error" showIcon role="alert" title={t('loadFailed')} description={describeError(error)?.message ?? t('networkError')} />
      </Card>
    );
  }
  if (loading || !me) {
    return (
      <Card style={{ width: '100%', maxWidth: 640 }}>
        <Spin tip={t('loading')}>
          <div style={{ height: 120 }} aria-busy="true" />
        </Spin>
      </Card>
    );
  }

  const items = [
    { key: 'displayName', label: t('displayName'), children: <span data-testid="me-display-name">{me.displayName}</span> },
    { key: 'username', label: t('username'), children: <span data-testid="me-username">{me.username}</span> },
    {
      key: 'roles',
      label: t('roles'),
      children: (
        <Space size={[4, 4]} wrap data-testid="me-roles">
          {me.roles.map((role) => (
            <Tag color="blue" key={role} data-role={role}>
              {ROLE_LABELS[role]?.[lang] ?? role}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'tenant',
      label: t('tenant'),
      children: (
        <span data-testid="me-tenant">
          {me.tenant.name}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('regionCode')} <span data-testid="me-region-code">{me.tenant.regionCode}</span>
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'department',
      label: t('department'),
      children: (
        <span data-testid="me-department">
          {me.department ? me.department.name : t('noDepartment')}
          {me.department?.isOffice && (
            <Tag style={{ marginInlineStart: 8 }} color="gold">
              {t('officeTag')}
            </Tag>
          )}
        </span>
      ),
    },
  ];

  return (
    <Card
      style={{ width: '100%', maxWidth: 640 }}
      title={t('meTitle')}
      extra={logoutButton}
      data-testid="me-card"
      aria-label={t('meTitle')}
      role="region"
    >
      <Descriptions column={1} bordered size="middle" items={items} />
    </Card>
  );
}
