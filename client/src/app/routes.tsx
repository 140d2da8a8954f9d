/** The pages behind sign-in: path, menu label and icon, who may open it (by the shared ability), and what it shows. */
import { lazy, type ReactNode } from 'react';
import { ApartmentOutlined, BankOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { asSubject } from '@spotcheck/shared';
import type { CurrentUser } from './current-user';
import type { MessageKey } from './i18n';
import { PATHS } from './navigation';

// Each page is its own chunk, loaded when first opened (SignedInApp shows a spinner meanwhile).
const AccountPage = lazy(() => import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const TenantsPage = lazy(() => import('../features/tenants/TenantsPage').then((m) => ({ default: m.TenantsPage })));
const PeoplePage = lazy(() => import('../features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const TenantSettingsPage = lazy(() => import('../features/settings/TenantSettingsPage').then((m) => ({ default: m.TenantSettingsPage })));

export interface AppRoute {
  path: string;
  /** Names the menu item's data-testid: nav-<name>. */
  name: string;
  label: (user: CurrentUser) => MessageKey;
  icon: ReactNode;
  allowed: (user: CurrentUser) => boolean;
  render: () => ReactNode;
}

export const ROUTES: readonly AppRoute[] = [
  {
    path: PATHS.me,
    name: 'me',
    label: () => 'navMe',
    icon: <UserOutlined aria-hidden />,
    allowed: () => true,
    render: () => <AccountPage />,
  },
  {
    path: PATHS.tenants,
    name: 'tenants',
    // The operator manages every unit; a provincial viewer only looks at the units below.
    label: ({ ability }) => (ability.can('create', 'Tenant') ? 'navTenants' : 'navSubTenants'),
    icon: <BankOutlined aria-hidden />,
    // Reading a unit other than one's own (an empty id matches no own-unit condition).
    allowed: ({ ability }) => ability.can('read', asSubject('Tenant', { id: '' })),
    render: () => <TenantsPage />,
  },
  {
    path: PATHS.people,
    name: 'people',
    label: () => 'navPeople',
    icon: <ApartmentOutlined aria-hidden />,
    allowed: ({ ability, me }) => ability.can('create', asSubject('User', { tenantId: me.tenant.id })),
    render: () => <PeoplePage />,
  },
  {
    path: PATHS.settings,
    name: 'settings',
    label: () => 'navSettings',
    icon: <SettingOutlined aria-hidden />,
    allowed: ({ ability, me }) => ability.can('update', asSubject('Tenant', { id: me.tenant.id })),
    render: () => <TenantSettingsPage />,
  },
];
