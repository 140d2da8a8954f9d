import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { switchTenantScope } from './tenancy';

interface Session {
  runner: QueryRunner;
  opened: Promise<void>;
  pending: number;
  idle: NodeJS.Immediate | null;
  broken: boolean;
}

/**
 * A request's reads, in one READ ONLY transaction under its tenant's row-level security, opened at
 * the first read and committed as soon as no read is pending when the event loop next turns. GraphQL
 * resolves a level of fields, and the loaders it calls dispatch, within the promise jobs that follow a
 * read's answer, before that turn: a request's reads share one transaction, paying BEGIN, the tenant
 * setting and COMMIT once instead of per loader or per row. A request that waits for something else
 * meanwhile (a write transaction, a file) finds it committed and opens another one; nothing depends
 * on the session outliving that. A statement that fails ends the session; the next read opens a new one.
 * The work given must only read, and must not open transactions of its own.
 */
export class RequestReads {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly db: DataSource) {}

  async read<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const session = this.sessionFor(tenantId);
    session.pending += 1;
    if (session.idle) clearImmediate(session.idle);
    session.idle = null;
    try {
      await session.opened;
      return await work(session.runner.manager);
    } catch (error) {
      // A statement that failed aborted the transaction; an error of the work's own (a refusal) did not.
      if (
        error instanceof QueryFailedError ||
        !(await session.opened.then(
          () => true,
          () => false,
        ))
      )
        this.end(tenantId, session, true);
      throw error;
    } finally {
      session.pending -= 1;
      if (session.pending === 0 && !session.broken) session.idle = setImmediate(() => this.end(tenantId, session, false));
    }
  }

  private sessionFor(tenantId: string): Session {
    const open = this.sessions.get(tenantId);
    if (open && !open.broken) return open;
    const runner = this.db.createQueryRunner();
    inTurn(runner);
    const opened = (async () => {
      await runner.query('START TRANSACTION READ ONLY');
      await switchTenantScope(runner.manager, tenantId);
    })();
    const session: Session = { runner, opened, pending: 0, idle: null, broken: false };
    opened.catch(() => undefined);
    this.sessions.set(tenantId, session);
    return session;
  }

  private end(tenantId: string, session: Session, failed: boolean): void {
    if (session.broken) return;
    session.broken = true;
    if (this.sessions.get(tenantId) === session) this.sessions.delete(tenantId);
    const finish = async () => {
      await session.opened.catch(() => undefined);
      // Reads still in flight finish first (on a failed session they fail with it: the same transaction).
      while (session.pending > 0) await new Promise((resolve) => setImmediate(resolve));
      try {
        await session.runner.query(failed ? 'ROLLBACK' : 'COMMIT');
      } catch {
        // The connection is closed by release below if it is unusable.
      } finally {
        await session.runner.release();
      }
    };
    void finish();
  }
}

/**
 * Sends the runner's statements one after the other: the loaders of a level read at once, and pg
 * deprecates a second query on a client that is still answering one (it queued them anyway).
 */
function inTurn(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const sent = last.then(() => query(...args));
    last = sent.catch(() => undefined);
    return sent;
  }) as QueryRunner['query'];
}
