/**
 * The pages behind sign-in: each menu item (path, label, icon, who may open it — by the shared
 * ability) with the pages below it (`pages`: "/tasks/:id/edit" …), and what each shows.
 */
import { lazy, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FundOutlined,
  IdcardOutlined,
  MailOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  StopOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { asSubject } from '@spotcheck/shared';
import type { CurrentUser } from './current-user';
import type { MessageKey } from './i18n';
import { LINKS, PATHS } from './navigation';
import {
  canEditPlans,
  canImport,
  canManageDirectories,
  canPlanTasks,
  canReadCalendar,
  canReadDirectories,
  canReadImports,
  canReadInspections,
  canReadPlans,
  canReadAudit,
  canReadTasks,
  canSeeAnnualReport,
  canSeeDashboard,
  canSeeJointInvitations,
  canSeeReferrals,
  canSeeProvincialDashboard,
  canSeeRecusals,
  canSeeMyVisits,
  canSeeWorkbench,
  canSetRuleBounds,
} from './permissions';
import type { RouteParams } from './route-match';

// Each page is its own chunk, loaded when first opened (SignedInApp shows a spinner meanwhile).
const AccountPage = lazy(() => import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
const TenantsPage = lazy(() => import('../features/tenants/TenantsPage').then((m) => ({ default: m.TenantsPage })));
const PeoplePage = lazy(() => import('../features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const RoleGrantsPage = lazy(() => import('../features/people/RoleGrantsPage').then((m) => ({ default: m.RoleGrantsPage })));
const TenantSettingsPage = lazy(() => import('../features/settings/TenantSettingsPage').then((m) => ({ default: m.TenantSettingsPage })));
const PlansPage = lazy(() => import('../features/plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('../features/plans/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlanFormPage = lazy(() => import('../features/plans/PlanFormPage').then((m) => ({ default: m.PlanFormPage })));
const TasksPage = lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import('../features/tasks/TaskPage').then((m) => ({ default: m.TaskPage })));
const TaskFormPage = lazy(() => import('../features/tasks/TaskFormPage').then((m) => ({ default: m.TaskFormPage })));
const CeremonyPage = lazy(() => import('../features/draws/CeremonyPage').then((m) => ({ default: m.CeremonyPage })));
const CeremonyScreen = lazy(() => import('../features/draws/CeremonyScreen').then((m) => ({ default: m.CeremonyScreen })));
const InvitationsPage = lazy(() => import('../features/joint/InvitationsPage').then((m) => ({ default: m.InvitationsPage })));
const InvitationPage = lazy(() => import('../features/joint/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const ReferralsPage = lazy(() => import('../features/referrals/ReferralsPage').then((m) => ({ default: m.ReferralsPage })));
const ReferralPage = lazy(() => import('../features/referrals/ReferralsPage').then((m) => ({ default: m.ReferralPage })));
const DashboardPage = lazy(() => import('../features/dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ProvincialDashboardPage = lazy(() => import('../features/dashboards/ProvincialDashboardPage').then((m) => ({ default: m.ProvincialDashboardPage })));
const AnnualReportPage = lazy(() => import('../features/reports/AnnualReportPage').then((m) => ({ default: m.AnnualReportPage })));
const ItemsPage = lazy(() => import('../features/items/ItemsPage').then((m) => ({ default: m.ItemsPage })));
const EntitiesPage = lazy(() => import('../features/entities/EntitiesPage').then((m) => ({ default: m.EntitiesPage })));
const EntityPage = lazy(() => import('../features/entities/EntityPage').then((m) => ({ default: m.EntityPage })));
const EntityFormPage = lazy(() => import('../features/entities/EntityFormPage').then((m) => ({ default: m.EntityFormPage })));
const InspectorsPage = lazy(() => import('../features/inspectors/InspectorsPage').then((m) => ({ default: m.InspectorsPage })));
const RecusalsPage = lazy(() => import('../features/inspectors/RecusalsPage').then((m) => ({ default: m.RecusalsPage })));
const RulesPage = lazy(() => import('../features/rules/RulesPage').then((m) => ({ default: m.RulesPage })));
const CreditListsPage = lazy(() => import('../features/credit/CreditListsPage').then((m) => ({ default: m.CreditListsPage })));
const RuleBoundsPage = lazy(() => import('../features/rules/RuleBoundsPage').then((m) => ({ default: m.RuleBoundsPage })));
const ImportJobsPage = lazy(() => import('../features/imports/ImportJobsPage').then((m) => ({ default: m.ImportJobsPage })));
const ImportWizardPage = lazy(() => import('../features/imports/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));
const ImportJobPage = lazy(() => import('../features/imports/ImportJobPage').then((m) => ({ default: m.ImportJobPage })));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const MyVisitsPage = lazy(() => import('../features/visits/MyVisitsPage').then((m) => ({ default: m.MyVisitsPage })));
const WorkbenchPage = lazy(() => import('../features/workbench/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const InspectionsPage = lazy(() => import('../features/inspections/InspectionsPage').then((m) => ({ default: m.InspectionsPage })));
const InspectionPage = lazy(() => import('../features/inspections/InspectionPage').then((m) => ({ default: m.InspectionPage })));

/** A page below a menu item. */
export interface SubPage {
  pattern: string;
  allowed?: (user: CurrentUser) => boolean;
  render: (params: RouteParams) => ReactNode;
  /** Shown alone, without header and menu (the big screen in the witness room). */
  bare?: boolean;
}

export interface AppRoute {
  path: string;
  /** Names the menu item's data-testid: nav-<name>. */
  name: string;
  label: (user: CurrentUser) => MessageKey;
  icon: ReactNode;
  allowed: (user: CurrentUser) => boolean;
  render: () => ReactNode;
  pages?: readonly SubPage[];
}

const id = (params: RouteParams) => params.id ?? '';

export const ROUTES: readonly AppRoute[] = [
  {
    path: PATHS.myVisits,
    name: 'my-visits',
    label: () => 'navMyVisits',
    icon: <EnvironmentOutlined aria-hidden />,
    allowed: canSeeMyVisits,
    render: () => <MyVisitsPage />,
  },
  {
    path: PATHS.workbench,
    name: 'workbench',
    label: () => 'navWorkbench',
    icon: <DesktopOutlined aria-hidden />,
    allowed: canSeeWorkbench,
    render: () => <WorkbenchPage />,
  },
  {
    path: PATHS.me,
    name: 'me',
    label: () => 'navMe',
    icon: <UserOutlined aria-hidden />,
    allowed: () => true,
    render: () => <AccountPage />,
    // Everyone's own notifications (the bell in the header opens them).
    pages: [{ pattern: PATHS.notifications, render: () => <NotificationsPage /> }],
  },
  {
    path: PATHS.items,
    name: 'items',
    label: () => 'navItems',
    icon: <ContainerOutlined aria-hidden />,
    allowed: canReadDirectories,
    render: () => <ItemsPage />,
  },
  {
    path: PATHS.entities,
    name: 'entities',
    label: () => 'navEntities',
    icon: <ShopOutlined aria-hidden />,
    allowed: canReadDirectories,
    render: () => <EntitiesPage />,
    pages: [
      { pattern: `${PATHS.entities}/new`, allowed: canManageDirectories, render: () => <EntityFormPage /> },
      { pattern: `${PATHS.entities}/:id`, render: (p) => <EntityPage id={id(p)} /> },
      { pattern: `${PATHS.entities}/:id/edit`, allowed: canManageDirectories, render: (p) => <EntityFormPage id={id(p)} /> },
    ],
  },
  {
    path: PATHS.inspectors,
    name: 'inspectors',
    label: () => 'navInspectors',
    icon: <IdcardOutlined aria-hidden />,
    allowed: canReadDirectories,
    render: () => <InspectorsPage />,
    pages: [{ pattern: `${PATHS.inspectors}/recusals`, allowed: canSeeRecusals, render: () => <RecusalsPage /> }],
  },
  {
    path: PATHS.rules,
    name: 'rules',
    label: () => 'navRules',
    icon: <ReadOutlined aria-hidden />,
    allowed: canReadDirectories,
    render: () => <RulesPage />,
  },
  {
    path: PATHS.creditLists,
    name: 'credit-lists',
    label: () => 'navCreditLists',
    icon: <StopOutlined aria-hidden />,
    allowed: canSeeWorkbench,
    render: () => <CreditListsPage />,
  },
  {
    path: PATHS.plans,
    name: 'plans',
    label: () => 'navPlans',
    icon: <CalendarOutlined aria-hidden />,
    allowed: canReadPlans,
    render: () => <PlansPage />,
    pages: [
      { pattern: `${PATHS.plans}/new`, allowed: canEditPlans, render: () => <PlanFormPage /> },
      { pattern: `${PATHS.plans}/:id`, render: (p) => <PlanPage id={id(p)} /> },
      { pattern: `${PATHS.plans}/:id/edit`, allowed: canEditPlans, render: (p) => <PlanFormPage id={id(p)} /> },
    ],
  },
  {
    path: PATHS.tasks,
    name: 'tasks',
    label: () => 'navTasks',
    icon: <ProfileOutlined aria-hidden />,
    allowed: canReadTasks,
    render: () => <TasksPage />,
    pages: [
      { pattern: `${PATHS.tasks}/new`, allowed: canPlanTasks, render: () => <TaskFormPage /> },
      { pattern: `${PATHS.tasks}/:id`, render: (p) => <TaskPage id={id(p)} /> },
      { pattern: `${PATHS.tasks}/:id/edit`, allowed: canPlanTasks, render: (p) => <TaskFormPage id={id(p)} /> },
      { pattern: `${PATHS.tasks}/:id/ceremony`, render: (p) => <CeremonyPage taskId={id(p)} /> },
      { pattern: `${PATHS.tasks}/:id/ceremony/screen`, bare: true, render: (p) => <CeremonyScreen taskId={id(p)} /> },
    ],
  },
  {
    path: PATHS.inspections,
    name: 'inspections',
    label: () => 'navInspections',
    icon: <FileDoneOutlined aria-hidden />,
    allowed: canReadInspections,
    render: () => <InspectionsPage />,
    pages: [{ pattern: `${PATHS.inspections}/:id`, render: (p) => <InspectionPage id={id(p)} /> }],
  },
  {
    path: PATHS.jointInvitations,
    name: 'joint-invitations',
    label: () => 'navJointInvitations',
    icon: <MailOutlined aria-hidden />,
    allowed: canSeeJointInvitations,
    render: () => <InvitationsPage />,
    pages: [{ pattern: `${PATHS.jointInvitations}/:id`, render: (p) => <InvitationPage id={id(p)} /> }],
  },
  {
    path: PATHS.referrals,
    name: 'referrals',
    label: () => 'navReferrals',
    icon: <SendOutlined aria-hidden />,
    allowed: canSeeReferrals,
    render: () => <ReferralsPage />,
    pages: [{ pattern: `${PATHS.referrals}/:id`, render: (p) => <ReferralPage id={id(p)} /> }],
  },
  {
    path: PATHS.imports,
    name: 'imports',
    label: () => 'navImports',
    icon: <UploadOutlined aria-hidden />,
    allowed: canReadImports,
    render: () => <ImportJobsPage />,
    pages: [
      { pattern: `${PATHS.imports}/new`, allowed: canImport, render: () => <ImportWizardPage /> },
      { pattern: `${PATHS.imports}/:id`, render: (p) => <ImportJobPage id={id(p)} /> },
    ],
  },
  {
    path: PATHS.calendar,
    name: 'calendar',
    label: () => 'navCalendar',
    icon: <CarryOutOutlined aria-hidden />,
    allowed: canReadCalendar,
    render: () => <CalendarPage />,
  },
  {
    path: PATHS.dashboard,
    name: 'dashboard',
    label: () => 'navDashboard',
    icon: <BarChartOutlined aria-hidden />,
    allowed: canSeeDashboard,
    render: () => <DashboardPage />,
    pages: [{ pattern: LINKS.annualReport, allowed: canSeeAnnualReport, render: () => <AnnualReportPage /> }],
  },
  {
    path: PATHS.provincialDashboard,
    name: 'provincial-dashboard',
    label: () => 'navProvincialDashboard',
    icon: <FundOutlined aria-hidden />,
    allowed: canSeeProvincialDashboard,
    render: () => <ProvincialDashboardPage />,
    pages: [{ pattern: LINKS.provincialAnnualReport, render: () => <AnnualReportPage /> }],
  },
  {
    path: PATHS.ruleBounds,
    name: 'rule-bounds',
    label: () => 'navRuleBounds',
    icon: <ReadOutlined aria-hidden />,
    allowed: canSetRuleBounds,
    render: () => <RuleBoundsPage />,
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
    path: PATHS.roleGrants,
    name: 'roleGrants',
    label: () => 'navRoleGrants',
    icon: <SafetyCertificateOutlined aria-hidden />,
    // Those who decide role grants (leaders, the operator for units without one) and the supervisor who watches;
    // the office sees them with its people.
    allowed: ({ me }) => me.roles.some((r) => r === 'LEADER' || r === 'SUPERVISOR' || r === 'PLATFORM_OPERATOR'),
    render: () => <RoleGrantsPage />,
  },
  {
    path: PATHS.settings,
    name: 'settings',
    label: () => 'navSettings',
    icon: <SettingOutlined aria-hidden />,
    allowed: ({ ability, me }) => ability.can('update', asSubject('Tenant', { id: me.tenant.id })),
    render: () => <TenantSettingsPage />,
  },
  {
    path: PATHS.audit,
    name: 'audit',
    label: () => 'navAudit',
    icon: <AuditOutlined aria-hidden />,
    allowed: canReadAudit,
    render: () => <AuditPage />,
  },
];
