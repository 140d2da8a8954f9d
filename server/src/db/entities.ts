import { ListPublication } from '../modules/list-publications/list-publication.entity';
import { Tenant } from '../modules/tenants/tenant.entity';
import { Department } from '../modules/departments/department.entity';
import { User } from '../modules/users/user.entity';
import { RoleGrant } from '../modules/users/role-grant.entity';
import { Session } from '../modules/auth/session.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AuditAnchor, AuditAnchorCopy } from '../modules/audit/audit-anchor.entity';
import { Region } from '../modules/regions/region.entity';
import { Invitation } from '../modules/invitations/invitation.entity';
import { RuleSetVersion } from '../modules/rules/rule-set.entity';
import { RuleProposal } from '../modules/rules/rule-proposal.entity';
import { RuleBoundsRow } from '../modules/rules/rule-bounds.entity';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { InspectionItemVersion } from '../modules/items/inspection-item-version.entity';
import { Inspector } from '../modules/inspectors/inspector.entity';
import { Recusal } from '../modules/inspectors/recusal.entity';
import { MarketEntity } from '../modules/entities/market-entity.entity';
import { MarketEntityChange } from '../modules/entities/market-entity-change.entity';
import { ImportJob } from '../modules/imports/import-job.entity';
import { ImportError } from '../modules/imports/import-error.entity';
import { AnnualPlan } from '../modules/plans/annual-plan.entity';
import { AnnualPlanItem } from '../modules/plans/annual-plan-item.entity';
import { Task } from '../modules/tasks/task.entity';
import { TaskItem } from '../modules/tasks/task-item.entity';
import { JointParticipation } from '../modules/joint/joint-participant.entity';
import { Inspection } from '../modules/inspections/inspection.entity';
import { InspectionConfirmation } from '../modules/inspections/inspection-confirmation.entity';
import { InspectionStep } from '../modules/inspections/inspection-step.entity';
import { CustomResultCategory } from '../modules/inspections/result-category.entity';
import { Draw } from '../modules/draws/draw.entity';
import { DrawSelection } from '../modules/draws/draw-selection.entity';
import { PlatformCalendarEntry } from '../modules/calendar/calendar-entry.entity';
import { CalendarAdjustment } from '../modules/calendar/calendar-adjustment.entity';
import { EvidenceFile } from '../modules/evidence/evidence-file.entity';
import { InspectionStatement } from '../modules/statements/statement.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { DeadlineNotice } from '../jobs/deadlines/deadline-notice.entity';
import { CreditRecord } from '../modules/credit/credit-record.entity';

export const ENTITIES = [
  Tenant,
  Department,
  User,
  Session,
  AuditEvent,
  AuditAnchor,
  AuditAnchorCopy,
  Region,
  Invitation,
  RuleSetVersion,
  RuleProposal,
  RuleBoundsRow,
  InspectionItem,
  InspectionItemVersion,
  Inspector,
  Recusal,
  MarketEntity,
  MarketEntityChange,
  ImportJob,
  ImportError,
  AnnualPlan,
  AnnualPlanItem,
  Task,
  TaskItem,
  Draw,
  DrawSelection,
  JointParticipation,
  PlatformCalendarEntry,
  CalendarAdjustment,
  Inspection,
  InspectionConfirmation,
  InspectionStep,
  CustomResultCategory,
  CreditRecord,
  EvidenceFile,
  InspectionStatement,
  Notification,
  DeadlineNotice,
  ListPublication,
  RoleGrant,
];
