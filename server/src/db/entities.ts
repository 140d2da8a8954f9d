import { Tenant } from '../modules/tenants/tenant.entity';
import { Department } from '../modules/departments/department.entity';
import { User } from '../modules/users/user.entity';
import { Session } from '../modules/auth/session.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Region } from '../modules/regions/region.entity';
import { Invitation } from '../modules/invitations/invitation.entity';
import { RuleSetVersion } from '../modules/rules/rule-set.entity';

export const ENTITIES = [Tenant, Department, User, Session, AuditEvent, Region, Invitation, RuleSetVersion];
