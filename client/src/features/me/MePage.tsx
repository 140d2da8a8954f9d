/** Who is signed in: name, username, roles (Chinese labels), unit, department. (Signing out is in the header.) */
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n } from '../../app/i18n';

export function MePage() {
  const { t, lang } = useI18n();
  const { me } = useCurrentUser();

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
    <Card style={{ width: '100%' }} title={t('meTitle')} data-testid="me-card" aria-label={t('meTitle')} role="region">
      <Descriptions column={1} bordered size="middle" items={items} />
    </Card>
  );
}
