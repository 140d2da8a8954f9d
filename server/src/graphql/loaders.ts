import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
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

/**
 * A per-request loader that also answers synchronously for the rows the request already holds (primed
 * by a list that read them, or loaded before): a field resolver that returns `get(id)` hands graphql-js
 * a value instead of a promise, so a list whose rows are all known completes without a promise per row.
 */
export class RequestLoader<T> extends DataLoader<string, T | null> {
  private readonly known = new Map<string, T | null>();

  constructor(batch: (ids: readonly string[]) => Promise<(T | null)[]>) {
    super(async (ids) => {
      const rows = await batch(ids);
      ids.forEach((id, i) => this.known.set(id, rows[i] ?? null));
      return rows;
    });
  }

  override prime(id: string, value: T | null | Error): this {
    if (!(value instanceof Error) && !this.known.has(id)) this.known.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: string): this {
    this.known.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  /** The row itself when this request holds it already, else its load. */
  get(id: string): T | null | Promise<T | null> {
    return this.known.has(id) ? this.known.get(id)! : this.load(id);
  }
}

/**
 * What the loaders need of their request: whether someone is signed in, the request's reads under the
 * viewer's tenant (`readTx`), and the database for reference data. The request context passes itself
 * this way, so that this file imports nothing of context.ts, which builds the loaders.
 */
export interface LoaderScope {
  readonly signedIn: boolean;
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  readonly db: DataSource;
}

/** Per-request batch loaders by local id, all read under the viewer's RLS scope: invisible rows load as null. */
export function createLoaders(scope: LoaderScope) {
  const byId = <T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>) =>
    new RequestLoader<T>(async (ids) => {
      if (!scope.signedIn) return ids.map(() => null);
      const rows = await scope.read((m) => m.getRepository(entity).findBy({ id: In([...ids]) } as never));
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
    Region: new RequestLoader<Region>(async (codes) => {
      const rows = await scope.db.getRepository(Region).findBy({ code: In([...codes]) });
      const found = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => found.get(code) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type NodeTypeName = Exclude<keyof Loaders, 'Region'>;
