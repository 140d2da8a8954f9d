import { In, type DataSource, type EntityManager } from 'typeorm';
import { asSubject, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { notFound } from '../../graphql/errors';
import { publishOnCommit } from '../../graphql/pubsub';
import { inTenant } from '../../db/tenancy';
import { appendAudit, type AuditActor } from '../audit/audit.service';
import { ImportJob, ImportStatus, type ImportKind, type ImportMode } from './import-job.entity';
import { ImportError } from './import-error.entity';

export const IMPORT_PROGRESS_TOPIC = 'IMPORT_JOB_PROGRESS';

export interface ImportProgressNotice {
  tenantId: string;
  jobId: string;
}

export interface NewImportJob {
  id: string;
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  acceptChecksumWarnings: boolean;
  fileBytes: number;
}

/** The job row exists (QUEUED) before the upload is answered; the import itself runs afterwards. */
export function createImportJob(ctx: RequestContext, input: NewImportJob): Promise<ImportJob> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const job = m.create(ImportJob, { ...input, tenantId: viewer.tenantId, status: ImportStatus.QUEUED, createdBy: viewer.userId });
    await m.save(job);
    return job;
  });
}

export type JobCounts = Pick<ImportJob, 'processedRows' | 'insertedRows' | 'updatedRows' | 'errorRows' | 'warningRows'>;

/** Progress and start are written in their own short transactions, so readers see them during the import. */
export function updateJob(db: DataSource, job: ImportJob, changes: Partial<ImportJob>): Promise<void> {
  Object.assign(job, changes);
  return inTenant(db, job.tenantId, async (m) => {
    await m.update(ImportJob, { tenantId: job.tenantId, id: job.id }, changes);
    await publishOnCommit(m, IMPORT_PROGRESS_TOPIC, { tenantId: job.tenantId, jobId: job.id } satisfies ImportProgressNotice);
  });
}

/** The claim a process holds on a job it queued or runs (see WorkClaims); a job nobody claims is orphaned. */
export const importClaimKey = (jobId: string) => `import-job:${jobId}`;

const UNFINISHED = [ImportStatus.QUEUED, ImportStatus.RUNNING];

/**
 * QUEUED → RUNNING, unless the job was settled meanwhile (failed as orphaned after this process lost its
 * database): answers whether the import may run.
 */
export function startJob(db: DataSource, job: ImportJob): Promise<boolean> {
  return inTenant(db, job.tenantId, async (m) => {
    const startedAt = new Date();
    const result = await m.update(ImportJob, { tenantId: job.tenantId, id: job.id, status: ImportStatus.QUEUED }, { status: ImportStatus.RUNNING, startedAt });
    if (!result.affected) return false;
    Object.assign(job, { status: ImportStatus.RUNNING, startedAt });
    await publishOnCommit(m, IMPORT_PROGRESS_TOPIC, { tenantId: job.tenantId, jobId: job.id } satisfies ImportProgressNotice);
    return true;
  });
}

/**
 * Records the outcome and audits it, in the caller's transaction (the import's own when it succeeds).
 * A job is finished once: answers false, and writes nothing, when it already was.
 */
export async function finishJob(
  m: EntityManager,
  job: ImportJob,
  actor: AuditActor,
  action: string,
  outcome: JobCounts & { status: ImportStatus; failureReason: string | null },
): Promise<boolean> {
  const changes = { ...outcome, finishedAt: new Date() };
  const result = await m.update(ImportJob, { tenantId: job.tenantId, id: job.id, status: In(UNFINISHED) }, changes);
  if (!result.affected) return false;
  Object.assign(job, changes);
  await appendAudit(m, actor, {
    action,
    objectType: 'ImportJob',
    objectId: toGlobalId('ImportJob', job.id),
    after: {
      fileName: job.fileName,
      mode: job.mode,
      status: outcome.status,
      processedRows: outcome.processedRows,
      insertedRows: outcome.insertedRows,
      updatedRows: outcome.updatedRows,
      errorRows: outcome.errorRows,
      warningRows: outcome.warningRows,
      failureReason: outcome.failureReason,
    },
  });
  await publishOnCommit(m, IMPORT_PROGRESS_TOPIC, { tenantId: job.tenantId, jobId: job.id } satisfies ImportProgressNotice);
  return true;
}

/** A job the viewer may read; another tenant's, a missing one and a forbidden one all look the same. */
export async function loadReadableJob(ctx: RequestContext, globalId: string): Promise<ImportJob> {
  requireViewer(ctx);
  const id = fromGlobalUuid(globalId, 'ImportJob');
  const job = id ? await tenantTx(ctx, (m) => m.findOneBy(ImportJob, { id })) : null;
  if (!job || !ctx.ability.can('read', asSubject('ImportJob', job))) throw notFound('导入任务');
  return job;
}

export function listImportJobs(ctx: RequestContext, page: PageArgs, kind: ImportKind | null | undefined) {
  return tenantTx(ctx, (m) => {
    const query = m.createQueryBuilder(ImportJob, 'j').orderBy('j.created_at', 'DESC').addOrderBy('j.id', 'ASC');
    if (kind) query.where('j.kind = :kind', { kind });
    return paginate(query, page);
  });
}

/** Row problems in file order. */
export function listImportErrors(ctx: RequestContext, job: ImportJob, page: PageArgs) {
  return tenantTx(ctx, (m) =>
    paginate(
      m.createQueryBuilder(ImportError, 'e').where('e.job_id = :jobId', { jobId: job.id }).orderBy('e.row_number', 'ASC').addOrderBy('e.seq', 'ASC'),
      page,
    ),
  );
}

/** An import job as it is now (no per-request loader cache: the row changes while the import runs). */
export function importJobNow(ctx: RequestContext, id: string): Promise<ImportJob | null> {
  return readTx(ctx, (m) => m.findOneBy(ImportJob, { tenantId: requireViewer(ctx).tenantId, id }));
}
