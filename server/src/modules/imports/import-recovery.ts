import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { inTenant } from '../../db/tenancy';
import { isOrphaned } from '../../db/work-claims';
import { defineJob } from '../../jobs/job';
import { ImportJob, ImportKind, ImportStatus } from './import-job.entity';
import { finishJob, importClaimKey } from './import-job.service';
import { entityImport } from './entity-import';
import { inspectorImport } from './inspector-import';

export const INTERRUPTED_REASON = '导入因服务器中断而未完成，未导入任何数据，请重新导入';

const AUDIT_ACTION: Record<ImportKind, string> = {
  [ImportKind.ENTITIES]: entityImport.auditAction,
  [ImportKind.INSPECTORS]: inspectorImport.auditAction,
};

/**
 * Fails every queued or running import that no process claims any more: its server was killed or lost
 * the database. The import's changes were one transaction that never committed, so nothing of it is in
 * the directory; the job says so, and the file can be imported again. Run at start-up and on a schedule.
 */
export async function recoverInterruptedImports(db: DataSource, log: Logger): Promise<number> {
  const tenants = (await db.query('SELECT active_tenant_ids() AS id')) as { id: string }[];
  let recovered = 0;
  for (const { id: tenantId } of tenants) {
    recovered += await inTenant(db, tenantId, async (m) => {
      const open = await m.find(ImportJob, { where: [{ status: ImportStatus.QUEUED }, { status: ImportStatus.RUNNING }] });
      let failed = 0;
      for (const job of open) {
        if (!(await isOrphaned(m, importClaimKey(job.id)))) continue;
        const actor = { tenantId, userId: null, username: null, requestId: null };
        const counts = { processedRows: job.processedRows, insertedRows: 0, updatedRows: 0, errorRows: job.errorRows, warningRows: job.warningRows };
        if (await finishJob(m, job, actor, AUDIT_ACTION[job.kind], { ...counts, status: ImportStatus.FAILED, failureReason: INTERRUPTED_REASON })) failed += 1;
      }
      return failed;
    });
  }
  if (recovered) log.warn({ recovered }, 'interrupted imports marked as failed');
  return recovered;
}

/** On `IMPORT_RECOVERY_CRON` (every five minutes by default), for servers that died while the others run on. */
export const importRecoveryJob = defineJob({
  name: 'import-recovery',
  policy: 'short',
  schedule: (config) => config.importRecoveryCron,
  handle: ({ services, log }) => recoverInterruptedImports(services.db, log),
});
