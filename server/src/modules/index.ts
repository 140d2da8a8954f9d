import type { SpotCheckModule } from '../core/module';
import { authModule } from './auth/module';
import { usersModule } from './users/module';
import { tenantsModule } from './tenants/module';
import { departmentsModule } from './departments/module';
import { auditModule } from './audit/module';
import { nodeModule } from './node/module';
import { regionsModule } from './regions/module';
import { itemsModule } from './items/module';
import { entitiesModule } from './entities/module';
import { inspectorsModule } from './inspectors/module';
import { invitationsModule } from './invitations/module';
import { publicationModule } from './publication/module';
import { rulesModule } from './rules/module';
import { plansModule } from './plans/module';
import { tasksModule } from './tasks/module';
import { drawsModule } from './draws/module';
import { importsModule } from './imports/module';
import { jointModule } from './joint/module';
import { calendarModule } from './calendar/module';
import { inspectionsModule } from './inspections/module';
import { evidenceModule } from './evidence/module';
import { statementsModule } from './statements/module';
import { notificationsModule } from './notifications/module';
import { creditModule } from './credit/module';
import { dashboardsModule } from './dashboards/module';
import { listPublicationsModule } from './list-publications/module';
import { noticesModule } from './notices/module';
import { reportsModule } from './reports/module';
import { referralsModule } from './referrals/module';
import { rectificationsModule } from './rectifications/module';
import { handlingModule } from './handling/module';

/** Every module of the app: the schema, the database's entities, the REST routes and the jobs are derived from this list. */
export const MODULES: readonly SpotCheckModule[] = [
  authModule,
  usersModule,
  tenantsModule,
  departmentsModule,
  auditModule,
  nodeModule,
  regionsModule,
  itemsModule,
  entitiesModule,
  inspectorsModule,
  invitationsModule,
  publicationModule,
  rulesModule,
  plansModule,
  tasksModule,
  drawsModule,
  importsModule,
  jointModule,
  calendarModule,
  inspectionsModule,
  evidenceModule,
  statementsModule,
  notificationsModule,
  creditModule,
  dashboardsModule,
  listPublicationsModule,
  noticesModule,
  reportsModule,
  referralsModule,
  rectificationsModule,
  handlingModule,
];
