import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Role } from './roles';

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'verify';
export type SubjectName =
  | 'Tenant'
  | 'Department'
  | 'User'
  | 'Session'
  | 'AuditEvent'
  | 'InspectionItem'
  | 'Inspector'
  | 'MarketEntity'
  | 'Recusal'
  | 'AnnualPlan'
  | 'Task'
  | 'Draw'
  | 'ImportJob'
  | 'JointParticipation'
  | 'PlatformCalendarEntry'
  | 'CalendarAdjustment'
  | 'Inspection'
  | 'Notification'
  | 'all';

/** Rows as CASL sees them: tagged with their subject name, carrying the fields rules test. */
interface Tagged<N extends string> {
  __typename: N;
  id?: string;
  tenantId?: string;
  userId?: string;
  departmentId?: string | null;
  leadTenantId?: string;
  createdBy?: string | null;
}
type TaggedSubject = { [N in Exclude<SubjectName, 'all'>]: Tagged<N> }[Exclude<SubjectName, 'all'>];

export type AppAbility = MongoAbility<[Action, SubjectName | TaggedSubject]>;

export interface AbilityUser {
  id: string;
  tenantId: string;
  departmentId?: string | null;
  roles: readonly Role[];
}

/**
 * The one definition of who may do what, used by the server (first wall) and the client (what to show).
 * Conditions name the row's own fields so the server can check a loaded row; tenant isolation itself
 * is also enforced by PostgreSQL row-level security underneath.
 */
export function defineAbilityFor(user: AbilityUser): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const own = { tenantId: user.tenantId };

  // Everyone signed in reads their own tenant, their own account and sessions.
  can('read', 'Tenant', { id: user.tenantId });
  can('read', 'User', { id: user.id });
  can(['read', 'delete'], 'Session', { userId: user.id });
  // Everyone reads and marks their own notifications, and nobody anyone else's.
  can(['read', 'update'], 'Notification', { userId: user.id });
  can('read', 'Department', own);
  // The item list and the directories are open to everyone in the bureau (and published to the public).
  can('read', ['InspectionItem', 'Inspector', 'MarketEntity', 'AnnualPlan', 'Task', 'Draw', 'Inspection'], own);
  // A joint task's participation is seen by its two parties: the invited bureau and the lead.
  can('read', 'JointParticipation', own);
  can('read', 'JointParticipation', { leadTenantId: user.tenantId });
  // The working-day calendar: platform entries are reference data for all, local adjustments the bureau's own.
  can('read', 'PlatformCalendarEntry');
  can('read', 'CalendarAdjustment', own);
  // A recusal is read by whoever declared it (an inspector their own); the office and supervisor read all.
  can('read', 'Recusal', { ...own, createdBy: user.id });

  for (const role of user.roles) {
    switch (role) {
      case 'PLATFORM_OPERATOR':
        can('read', 'Tenant');
        can(['create', 'update'], 'Tenant');
        can(['create', 'delete'], 'PlatformCalendarEntry');
        break;
      case 'PROVINCIAL_VIEWER':
        // The tenant list below the province is filtered by the database (tenant tree); no people, no data.
        can('read', 'Tenant');
        break;
      case 'OFFICE':
        can('manage', ['InspectionItem', 'Inspector', 'MarketEntity', 'Recusal'], own);
        can('manage', 'ImportJob', own);
        can(['create', 'delete'], 'CalendarAdjustment', own);
        can('update', 'Tenant', { id: user.tenantId });
        can('manage', 'Department', own);
        can(['read', 'create', 'update'], 'User', own);
        can('read', 'AuditEvent', own);
        break;
      case 'DEPARTMENT_HEAD':
        can('read', 'User', own);
        break;
      case 'LEADER':
        can('read', 'User', own);
        can('read', 'AuditEvent', own);
        can('read', 'ImportJob', own);
        break;
      case 'SUPERVISOR':
        can('read', 'Recusal', own);
        can('read', 'User', own);
        can('read', 'Session', own);
        can(['read', 'verify'], 'AuditEvent', own);
        can('read', 'ImportJob', own);
        break;
      case 'INSPECTOR':
        break;
    }
  }
  return build({ detectSubjectType: (object) => object.__typename });
}

/** Tags a row with its subject name so CASL can match conditions against it. */
export function asSubject<N extends Exclude<SubjectName, 'all'>, T extends object>(typename: N, row: T): T & Tagged<N> {
  return { ...row, __typename: typename };
}
