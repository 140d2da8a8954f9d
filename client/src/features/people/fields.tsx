/** Inputs shared by the department and user forms: a department select, a people select and the role boxes. */
import { useQuery } from '@apollo/client/react';
import { Checkbox, Select } from 'antd';
import { grantableRoles, ROLE_LABELS, type Role, type TenantKindName } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { useI18n } from '../../app/i18n';
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

export function RoleCheckboxes({ value, onChange, testId }: { value?: Role[]; onChange?: (roles: Role[]) => void; testId: string }) {
  const { lang } = useI18n();
  const roles = useGrantableRoles();
  return (
    <Checkbox.Group
      data-testid={testId}
      value={value}
      onChange={(checked) => onChange?.(checked as Role[])}
      options={roles.map((role) => ({ value: role, label: ROLE_LABELS[role][lang] }))}
    />
  );
}
