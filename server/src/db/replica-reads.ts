import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { createAppDataSource } from './data-source';
import { inTenant } from './tenancy';

/** How long one finding on the replica's lag is trusted before it is measured again. */
const CHECK_EVERY_MS = 1_000;

/** Where a read may go, and how current what it reads there is. */
export interface ReadSource {
  db: DataSource;
  fromReplica: boolean;
  /** Everything committed on the primary up to this moment is there. */
  asOf: Date;
}

/**
 * Reads that may be a little behind (the public portal, the feeds, the dashboards): from the streaming
 * replica of DATABASE_REPLICA_URL while it is at most `maxLagMs` behind the primary, else, or without a
 * replica, from the primary. A replica that is down or far behind costs its readers nothing but the
 * primary's time.
 *
 * The lag is measured, not assumed: the primary's WAL position at a moment T is read first, then the
 * replica's replay position. If the replica has replayed that far, it holds everything committed before
 * T. If not, it holds what was committed up to the last transaction it replayed, and that commit's time
 * is how current it is.
 */
export class ReplicaReads {
  private finding: { at: number; source: Promise<ReadSource> } | null = null;
  private replicaWasUsable: boolean | null = null;

  private constructor(
    private readonly primary: DataSource,
    private readonly replica: DataSource | null,
    private readonly maxLagMs: number,
    private readonly log: Logger,
  ) {}

  static async open(primary: DataSource, replica: { url: string; maxLagMs: number } | null, poolSize: number, log: Logger): Promise<ReplicaReads> {
    if (!replica) return new ReplicaReads(primary, null, 0, log);
    const db = createAppDataSource(replica.url, poolSize, 'spotcheck-replica-reads');
    await db.initialize();
    return new ReplicaReads(primary, db, replica.maxLagMs, log);
  }

  /** The source for the next reads: measured at most once a second, shared by the reads in between. */
  source(): Promise<ReadSource> {
    if (!this.replica) return Promise.resolve({ db: this.primary, fromReplica: false, asOf: new Date() });
    const now = Date.now();
    if (!this.finding || now - this.finding.at >= CHECK_EVERY_MS) this.finding = { at: now, source: this.measure(this.replica) };
    return this.finding.source;
  }

  /** As DataSource.query: rows of any shape, for the caller to name. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<T = any>(sql: string, params?: unknown[]): Promise<T> {
    return (await this.source()).db.query(sql, params) as Promise<T>;
  }

  /** `work` in one transaction under `tenantId`'s scope, on the source of the moment; `asOf`: how current it is. */
  async inTenant<T>(tenantId: string, work: (manager: EntityManager, asOf: Date) => Promise<T>): Promise<T> {
    const { db, asOf } = await this.source();
    return inTenant(db, tenantId, (m) => work(m, asOf));
  }

  async close(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  private async measure(replica: DataSource): Promise<ReadSource> {
    const primary: ReadSource = { db: this.primary, fromReplica: false, asOf: new Date() };
    try {
      const [mark] = (await this.primary.query(`SELECT pg_current_wal_lsn()::text AS lsn, clock_timestamp() AS at`)) as { lsn: string; at: Date }[];
      const [state] = (await replica.query(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up, pg_last_xact_replay_timestamp() AS replayed_at`,
        [mark!.lsn],
      )) as { standby: boolean; caught_up: boolean | null; replayed_at: Date | null }[];
      if (!state!.standby) return this.decide(false, 'DATABASE_REPLICA_URL is not a standby', primary);
      const asOf = state!.caught_up ? mark!.at : state!.replayed_at;
      if (!asOf || Date.now() - asOf.getTime() > this.maxLagMs) return this.decide(false, 'the replica is too far behind', primary);
      return this.decide(true, null, { db: replica, fromReplica: true, asOf });
    } catch (error) {
      return this.decide(false, `the replica cannot be read: ${(error as Error).message}`, primary);
    }
  }

  /** Logs when the replica starts or stops serving, not on every measurement. */
  private decide(usable: boolean, reason: string | null, source: ReadSource): ReadSource {
    if (usable !== this.replicaWasUsable) {
      if (usable) this.log.info('reads go to the replica');
      else this.log.warn({ reason }, 'reads go to the primary');
      this.replicaWasUsable = usable;
    }
    return source;
  }
}
