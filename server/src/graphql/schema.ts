import { buildSchema, getMetadataStorage } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AuthResolver, SessionResolver } from '../modules/auth/auth.resolver';
import { RegionResolver } from '../modules/regions/region.resolver';
import { ItemResolver } from '../modules/items/item.resolver';
import { EntityResolver } from '../modules/entities/entity.resolver';
import { InspectorResolver, RecusalResolver } from '../modules/inspectors/inspector.resolver';
import { PublicDirectoryResolver } from '../modules/publication/public-directory.resolver';
import { PublicPortalResolver } from '../modules/publication/public-portal.resolver';
import { CreditResolver } from '../modules/credit/credit.resolver';
import { RuleProposalResolver, RuleSetResolver } from '../modules/rules/rule-set.resolver';
import { PlanRiskResolver } from '../modules/rules/plan-risk.resolver';
import { PlanResolver } from '../modules/plans/plan.resolver';
import { TaskResolver } from '../modules/tasks/task.resolver';
import { DrawResolver, TaskDrawResolver } from '../modules/draws/draw.resolver';
import { PublicDrawResolver } from '../modules/draws/public-draw.resolver';
import { ProvinceDrawResolver } from '../modules/draws/province-draw.resolver';
import { InspectionJointResolver, JointResolver, TaskJointResolver } from '../modules/joint/joint.resolver';
import { InspectionResolver } from '../modules/inspections/inspection.resolver';
import { TaskDeadlineResolver } from '../modules/inspections/task-deadline.resolver';
import { ResultCategoryResolver } from '../modules/inspections/result-category.resolver';
import { InspectionEvidenceResolver } from '../modules/evidence/evidence.resolver';
import { EntityStatementResolver, InspectionStatementsResolver } from '../modules/statements/statement.resolver';
import { EntityRecordResolver } from '../modules/statements/entity-record.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { RoleGrantResolver } from '../modules/users/role-grant.resolver';
import { TenantResolver } from '../modules/tenants/tenant.resolver';
import { DepartmentResolver } from '../modules/departments/department.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuditAnchorResolver } from '../modules/audit/audit-anchor.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { CalendarResolver } from '../modules/calendar/calendar.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { ListPublicationResolver } from '../modules/list-publications/list-publication.resolver';
import { DashboardResolver } from '../modules/dashboards/dashboard.resolver';
import { Tenant } from '../modules/tenants/tenant.entity';
import { Department } from '../modules/departments/department.entity';
import { User } from '../modules/users/user.entity';
import { Session } from '../modules/auth/session.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { guardRootFields } from './permissions';
import type { AppPubSub } from './pubsub';

export const RESOLVERS = [
  AuthResolver,
  SessionResolver,
  UserResolver,
  RoleGrantResolver,
  TenantResolver,
  DepartmentResolver,
  AuditResolver,
  AuditAnchorResolver,
  NodeResolver,
  RegionResolver,
  ItemResolver,
  EntityResolver,
  InspectorResolver,
  RecusalResolver,
  PublicDirectoryResolver,
  RuleSetResolver,
  RuleProposalResolver,
  PlanRiskResolver,
  PlanResolver,
  TaskResolver,
  DrawResolver,
  TaskDrawResolver,
  ProvinceDrawResolver,
  PublicDrawResolver,
  ImportResolver,
  JointResolver,
  TaskJointResolver,
  InspectionJointResolver,
  CalendarResolver,
  InspectionResolver,
  TaskDeadlineResolver,
  ResultCategoryResolver,
  InspectionEvidenceResolver,
  InspectionStatementsResolver,
  EntityStatementResolver,
  EntityRecordResolver,
  NotificationResolver,
  PublicPortalResolver,
  CreditResolver,
  DashboardResolver,
  ListPublicationResolver,
] as const;

/** Builds the executable schema, every root field guarded; `pubSub` may be absent when only printing the schema. */
export async function buildAppSchema(pubSub?: AppPubSub): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Tenant, Department, User, Session, AuditEvent],
    pubSub: pubSub ?? {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('no pubsub');
      },
    },
    validate: false,
  });
  return guardRootFields(schema);
}

type FieldPipeline = { name: string; schemaName: string; middlewares?: unknown[]; roles?: unknown[] };

/** A `@Field` that reads the property of its own name with nothing (a middleware, a role) in between. */
function readsOwnProperty(field: FieldPipeline): boolean {
  return field.name === field.schemaName && !field.middlewares?.length && !field.roles?.length;
}

/**
 * A field that reads the property of its own name, with no middleware or role, answers through
 * graphql-js's default resolver: type-graphql's wrapper around it would only allocate, once per field
 * of every row (a page of 50 drawn entities resolves some 1,000). A field with a field resolver keeps
 * it: type-graphql looks for one before it reads this flag. `id` reads Node's `globalId` getter, so it
 * keeps the wrapper.
 */
function readPlainFieldsDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && readsOwnProperty(field)) field.simple = true;
  }
}
