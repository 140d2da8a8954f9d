import DataLoader from 'dataloader';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { tenantTx, type RequestContext } from './context';
import { Tenant } from '../modules/tenants/tenant.entity';
import { Department } from '../modules/departments/department.entity';
import { User } from '../modules/users/user.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Session } from '../modules/auth/session.entity';
import { Region } from '../modules/regions/region.entity';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { Inspector } from '../modules/inspectors/inspector.entity';
import { Recusal } from '../modules/inspectors/recusal.entity';
import { MarketEntity } from '../modules/entities/market-entity.entity';
import { AnnualPlan } from '../modules/plans/annual-plan.entity';
import { Task } from '../modules/tasks/task.entity';
import { Draw } from '../modules/draws/draw.entity';
import { ImportJob } from '../modules/imports/import-job.entity';
import { JointParticipation } from '../modules/joint/joint-participant.entity';
import { Inspection } from '../modules/inspections/inspection.entity';
import { Notification } from '../modules/notifications/notification.entity';

/** Per-request batch loaders by local id, all read under the viewer's RLS scope: invisible rows load as null. */
export function createLoaders(ctx: RequestContext) {
  const byId = <T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>) =>
    new DataLoader<string, T | null>(async (ids) => {
      if (!ctx.viewer) return ids.map(() => null);
      const rows = await tenantTx(ctx, (m) => m.getRepository(entity).findBy({ id: In([...ids]) } as never));
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  return {
    Tenant: byId(Tenant),
    Department: byId(Department),
    User: byId(User),
    AuditEvent: byId(AuditEvent),
    Session: byId(Session),
    InspectionItem: byId(InspectionItem),
    Inspector: byId(Inspector),
    Recusal: byId(Recusal),
    MarketEntity: byId(MarketEntity),
    AnnualPlan: byId(AnnualPlan),
    Task: byId(Task),
    Draw: byId(Draw),
    ImportJob: byId(ImportJob),
    JointParticipation: byId(JointParticipation),
    Inspection: byId(Inspection),
    Notification: byId(Notification),
    /** Reference data: read without a tenant scope. */
    Region: new DataLoader<string, Region | null>(async (codes) => {
      const rows = await ctx.app.db.getRepository(Region).findBy({ code: In([...codes]) });
      const found = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => found.get(code) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type NodeTypeName = Exclude<keyof Loaders, 'Region'>;
