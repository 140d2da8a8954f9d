/** Inputs shared by the department and user forms: a department select, a people select and the role boxes. */
import { useQuery } from '@apollo/client/react';
import { Checkbox, Select, Space, Tooltip, Typography } from 'antd';
import { excludedRoleReason, grantableRoles, ROLE_LABELS, ROLES_NEEDING_APPROVAL, type Role, type TenantKindName } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { peopleMessages } from './messages';
import { DEPARTMENT_OPTIONS, USER_OPTIONS } from './operations';

interface SelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  testId: string;
  ariaLabel: string;
}

export function DepartmentSelect({ value, onChange, placeholder, testId, ariaLabel }: SelectProps) {
  const { data, loading } = useQuery(DEPARTMENT_OPTIONS, { fetchPolicy: 'cache-and-network' });
  return (
    <Select
      data-testid={testId}
      aria-label={ariaLabel}
      placeholder={placeholder}
      loading={loading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(id: string | undefined) => onChange?.(id ?? null)}
      options={(data?.departments.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
    />
  );
}

export function UserSelect({ value, onChange, placeholder, testId, ariaLabel }: SelectProps) {
  const { data, loading } = useQuery(USER_OPTIONS, { fetchPolicy: 'cache-and-network' });
  return (
    <Select
      data-testid={testId}
      aria-label={ariaLabel}
      placeholder={placeholder}
      loading={loading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(id: string | undefined) => onChange?.(id ?? null)}
      options={(data?.users.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.displayName}（${node.username}）` }))}
    />
  );
}

/** The roles the signed-in user may hand out in their own unit (never above their own). */
export function useGrantableRoles(): Role[] {
  const { me } = useCurrentUser();
  return grantableRoles(me.roles, me.tenant.kind as TenantKindName);
}

/**
 * The role boxes. A role that cannot be held with one already chosen (role-separation.ts: the supervisor
 * with anyone it watches, the office with the leader) is disabled, and why is shown; `locked` disables
 * them all (one's own roles are changed by someone else).
 */
export function RoleCheckboxes({ value, onChange, testId, locked }: { value?: Role[]; onChange?: (roles: Role[]) => void; testId: string; locked?: boolean }) {
  const { lang } = useI18n();
  const m = useMessages(peopleMessages);
  const roles = useGrantableRoles();
  const selected = value ?? [];
  const reasons = new Map(roles.map((role) => [role, excludedRoleReason(selected, role)] as const));
  const excluded = roles.filter((role) => reasons.get(role));
  return (
    <Space direction="vertical" size={4}>
      <Checkbox.Group
        data-testid={testId}
        value={value}
        disabled={locked}
        onChange={(checked) => onChange?.(checked as Role[])}
        options={roles.map((role) => ({
          value: role,
          disabled: locked || !!reasons.get(role),
          label: (
            <Tooltip title={reasons.get(role) ?? undefined}>
              <span data-role={role} data-excluded={reasons.get(role) ? 'true' : undefined}>
                {ROLE_LABELS[role][lang]}
              </span>
            </Tooltip>
          ),
        }))}
      />
      {locked && (
        <Typography.Text type="secondary" data-testid={`${testId}-locked`}>
          {m('ownRolesLocked')}
        </Typography.Text>
      )}
      {!locked && excluded.length > 0 && (
        <Typography.Text type="secondary" data-testid={`${testId}-excluded`}>
          {excluded.map((role) => `${ROLE_LABELS[role][lang]}：${reasons.get(role)}`).join('；')}
        </Typography.Text>
      )}
      {!locked && roles.some((role) => ROLES_NEEDING_APPROVAL.includes(role)) && (
        <Typography.Text type="secondary" data-testid={`${testId}-approval-hint`}>
          {m('approvalHint')}
        </Typography.Text>
      )}
    </Space>
  );
}
