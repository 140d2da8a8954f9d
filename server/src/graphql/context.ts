import type { PersonKeys } from '../security/id-numbers';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { ReplicaReads } from '../db/replica-reads';
import { defineAbilityFor, type AppAbility, type Role } from '@spotcheck/shared';
import { inTenant } from '../db/tenancy';
import { RequestReads } from '../db/request-reads';
import type { Config } from '../config';
import type { TokenService } from '../modules/auth/tokens';
import type { SessionRevocations } from '../modules/auth/session-revocations';
import type { JobQueue } from '../jobs/job-queue';
import type { Metrics } from '../observability/metrics';
import type { WorkClaims } from '../db/work-claims';
import type { HeavyWork } from '../lib/heavy-work';
import type { ImportQueue } from '../modules/imports/import-queue';
import { RequestLoaders } from './loaders';
import type { EntityCatalog } from '../core/entity-catalog';
import type { AppPubSub } from './pubsub';
import { unauthenticated } from './errors';

/** Who is asking: decoded from a verified access token. */
export interface Viewer {
  userId: string;
  tenantId: string;
  username: string;
  roles: Role[];
  departmentId: string | null;
  sessionId: string;
}

/** Long-lived collaborators shared by every request. */
export interface AppServices {
  config: Config;
  db: DataSource;
  /** Reads that may be a little behind (portal, feeds, dashboards): the streaming replica while it keeps up, else `db`. */
  replicaReads: ReplicaReads;
  tokens: TokenService;
  pubsub: AppPubSub;
  revocations: SessionRevocations;
  log: Logger;
  /** Background jobs: `jobs.send(name, data, { startAfter, singletonKey, manager })`. */
  jobs: JobQueue;
  /** This instance's Prometheus metrics (served at /metrics). */
  metrics: Metrics;
  /** Work this process keeps in memory (imports), claimed so that others can tell when it died. */
  claims: WorkClaims;
  /** Each bureau's budget of heavy work at once (imports, exports, draws). */
  heavyWork: HeavyWork;
  /** Background imports, bureaus taking turns. */
  importQueue: ImportQueue;
  /** Natural persons' directory keys: a keyed hash of the ID number, which is never stored. */
  personKeys: PersonKeys;
  /** The node types and reference data the modules declare (built from the module list at startup). */
  catalog: EntityCatalog;
}

/**
 * Built once per request (or subscription operation) and passed explicitly as the first argument of
 * every service call. Apollo hands resolvers a shallow copy; the sign-in state lives in one shared
 * holder so a sign-in during the request (login) is seen by every copy and by the loaders.
 */
export class RequestContext {
  readonly loaders: RequestLoaders;
  /** The request's reads under the viewer's tenant, in one shared read-only transaction: `readTx`. */
  readonly reads: RequestReads;
  private readonly auth: { viewer: Viewer | null; ability: AppAbility };

  constructor(
    readonly app: AppServices,
    readonly requestId: string,
    viewer: Viewer | null,
    readonly ip: string | null,
    readonly userAgent: string | null,
  ) {
    this.auth = { viewer, ability: abilityOf(viewer) };
    this.reads = new RequestReads(app.db);
    const signedIn = () => this.viewer !== null;
    this.loaders = new RequestLoaders(
      {
        get signedIn() {
          return signedIn();
        },
        read: (work) => readTx(this, work),
        db: app.db,
      },
      app.catalog,
    );
  }

  get viewer(): Viewer | null {
    return this.auth.viewer;
  }

  get ability(): AppAbility {
    return this.auth.ability;
  }

  /** The rest of this request is answered as `viewer`. */
  signIn(viewer: Viewer): void {
    this.auth.viewer = viewer;
    this.auth.ability = abilityOf(viewer);
  }
}

export function abilityOf(viewer: Viewer | null): AppAbility {
  return viewer
    ? defineAbilityFor({ id: viewer.userId, tenantId: viewer.tenantId, departmentId: viewer.departmentId, roles: viewer.roles })
    : defineAbilityFor({ id: '', tenantId: '', roles: [] });
}

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** One transaction under the viewer's tenant: the row-level-security scope of everything in it. */
export function tenantTx<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return inTenant(ctx.app.db, requireViewer(ctx).tenantId, work);
}

/**
 * Reads under the viewer's tenant that may be a little behind (the dashboards): on the streaming replica
 * while it keeps up (db/replica-reads.ts), else on the primary. `asOf`: how current the data read is.
 */
export function replicaTenantTx<T>(ctx: RequestContext, work: (manager: EntityManager, asOf: Date) => Promise<T>): Promise<T> {
  return ctx.app.replicaReads.inTenant(requireViewer(ctx).tenantId, work);
}

/**
 * Reads under the viewer's tenant, in the request's shared read-only transaction (db/request-reads.ts):
 * what loaders and list queries use. Writes, and reads that must see a lock, take `tenantTx`.
 */
export function readTx<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return ctx.reads.read(requireViewer(ctx).tenantId, work);
}
