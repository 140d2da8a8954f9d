import fs from 'node:fs/promises';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuditActor } from '../audit/audit.service';
import type { EncodingChoice } from './encoding';
import { entityImport } from './entity-import';
import { ErrorSink } from './error-sink';
import { EmptyFileFailure, ImportFailure } from './import-failure';
import { ImportKind, ImportMode, ImportStatus, type ImportJob } from './import-job.entity';
import { finishJob, importClaimKey, startJob, updateJob, type JobCounts } from './import-job.service';
import type { ImportKindSpec } from './import-kind';
import { inspectorImport } from './inspector-import';
import { ProgressReporter } from './progress';
import { openRowSource } from './row-source';
import { importRows } from './import-rows';

export interface ImportRun {
  job: ImportJob;
  filePath: string;
  encoding: EncodingChoice;
  actor: AuditActor;
}

const SPECS: Record<ImportKind, ImportKindSpec<string>> = {
  [ImportKind.ENTITIES]: entityImport as ImportKindSpec<string>,
  [ImportKind.INSPECTORS]: inspectorImport as ImportKindSpec<string>,
};

/**
 * Runs one import to its end. Everything that changes the directory happens in one transaction under
 * the tenant's RLS scope: parse → check → COPY into a staging table → upsert, block by block. Any
 * failure rolls it back whole; the job row, its progress and its row problems are written in their own
 * short transactions, so they outlive a rollback. The process holds a claim on the job from upload to
 * end (see import-recovery.ts): if it dies, nothing was merged, and the job is failed as interrupted.
 */
export async function runImport(app: AppServices, run: ImportRun): Promise<void> {
  const { job, actor } = run;
  const spec = SPECS[job.kind];
  const sink = new ErrorSink(app.db, job.tenantId, job.id);
  const counts: JobCounts = { processedRows: 0, insertedRows: 0, updatedRows: 0, errorRows: 0, warningRows: 0 };
  try {
    if (!(await startJob(app.db, job))) {
      app.log.warn({ jobId: job.id }, 'import settled before it started (its claim was lost)');
      return;
    }
    const source = await openRowSource(run.filePath, job.fileName, run.encoding, app.config.imports.xlsx);
    await updateJob(app.db, job, { fileFormat: source.format, encoding: source.encoding });
    const progress = new ProgressReporter(app.db, job);
    const started = Date.now();
    await inTenant(app.db, job.tenantId, async (m) => {
      // One import per directory of a bureau at a time: the merge's existence checks rely on it.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7262))', [`import:${job.kind}:${job.tenantId}`]);
      await importRows(m, spec, job, source.rows, sink, counts, progress, { personKeys: app.personKeys, maxRows: app.config.imports.maxRows });
      if (job.mode === ImportMode.ALL_OR_NOTHING && counts.errorRows) {
        throw new ImportFailure(`有 ${counts.errorRows} 行数据有误，整个文件未导入（全部成功才导入）。请按错误报告修正后重新上传，或选择“导入有效行”`);
      }
      await sink.close();
      if (!(await finishJob(m, job, actor, spec.auditAction, { ...counts, status: ImportStatus.SUCCEEDED, failureReason: null }))) {
        throw new ImportSettled();
      }
    });
    app.log.info({ jobId: job.id, kind: job.kind, ...counts, ms: Date.now() - started }, 'import finished');
  } catch (error) {
    if (error instanceof ImportSettled) {
      app.log.warn({ jobId: job.id }, 'import rolled back: the job was settled while it ran (its claim was lost)');
      return;
    }
    const known = error instanceof ImportFailure;
    const raced = isUniqueViolation(error);
    if (!known && !raced) app.log.error({ err: error, jobId: job.id }, 'import failed unexpectedly');
    const required = spec.columns
      .filter((c) => c.required)
      .map((c) => `“${c.header}”`)
      .join('、');
    const failureReason = known
      ? error instanceof EmptyFileFailure
        ? `${error.message}：导入文件需要表头行，至少包含 ${required} 列（请使用导入模板）`
        : error.message
      : raced
        ? `导入期间有人在名录中添加了相同的${spec.keyLabel}，未导入任何数据，请重新导入`
        : '导入时发生内部错误，未导入任何数据';
    try {
      await sink.close();
      await inTenant(app.db, job.tenantId, (m) =>
        finishJob(m, job, actor, spec.auditAction, { ...counts, insertedRows: 0, updatedRows: 0, status: ImportStatus.FAILED, failureReason }),
      );
    } catch (recordError) {
      app.log.error({ err: recordError, jobId: job.id }, 'could not record the failed import');
    }
  } finally {
    await fs.rm(run.filePath, { force: true });
    await app.claims.release(importClaimKey(job.id));
  }
}

/** The job was failed as orphaned while it ran: its import must not commit. */
class ImportSettled extends Error {}
