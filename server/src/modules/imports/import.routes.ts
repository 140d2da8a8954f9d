import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type express from 'express';
import { asSubject, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { AppError } from '../../graphql/errors';
import { actorOf } from '../audit/audit.service';
import { registerExportRoutes } from '../exports/export.routes';
import { writeErrorReport } from './error-report';
import { forbiddenHttp, heavySlotHttp, notFoundHttp, signedInContext, startDownload } from './http-support';
import { restRoute } from '../../http/rest-errors';
import { ImportKind } from './import-job.entity';
import { createImportJob, importClaimKey, loadReadableJob } from './import-job.service';
import { parseImportOptions } from './import-options';
import { runImport } from './import-runner';
import { MAX_UPLOAD_BYTES, receiveUpload } from './upload';
import { quotaExceeded, uploadAllowance } from './upload-quota';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * File endpoints of the two directories: uploads that start an import (answered 202 as soon as the job
 * exists; the import runs on in the background), the per-row error report, and the downloads.
 */
export function registerImportRoutes(web: express.Express, app: AppServices, options = { maxUploadBytes: MAX_UPLOAD_BYTES }): void {
  for (const [path, kind] of [
    ['/api/imports/entities', ImportKind.ENTITIES],
    ['/api/imports/inspectors', ImportKind.INSPECTORS],
  ] as const) {
    web.post(
      path,
      restRoute(app, async (req, res) => {
        const ctx = await signedInContext(app, req);
        // Only the leading-group office keeps the directories.
        if (!ctx.ability.can('create', asSubject('ImportJob', { tenantId: ctx.viewer!.tenantId }))) {
          throw forbiddenHttp('只有领导小组办公室可以导入名录');
        }
        const tenantId = ctx.viewer!.tenantId;
        // A slot of the bureau's heavy-work budget from before the body is read until the import ends.
        const release = heavySlotHttp(app, tenantId);
        let started = false;
        try {
          const allowance = await uploadAllowance(app, tenantId);
          if (allowance <= 0) throw quotaExceeded(app);
          const overQuota = allowance < options.maxUploadBytes;
          const upload = await receiveUpload(req, Math.min(options.maxUploadBytes, allowance), overQuota ? () => quotaExceeded(app) : undefined);
          // Claimed before the row exists: no moment when another server could take it for orphaned.
          const id = crypto.randomUUID();
          try {
            const choice = parseImportOptions(upload.fields);
            await app.claims.claim(importClaimKey(id));
            const job = await createImportJob(ctx, {
              id,
              kind,
              mode: choice.mode,
              fileName: upload.fileName,
              acceptChecksumWarnings: choice.acceptChecksumWarnings,
              fileBytes: upload.bytes,
            });
            const actor = actorOf(ctx);
            app.importQueue.enqueue(tenantId, () => runImport(app, { job, filePath: upload.filePath, encoding: choice.encoding, actor }).finally(release));
            started = true;
            res.status(202).json({ jobId: toGlobalId('ImportJob', job.id), status: job.status });
          } finally {
            if (!started) {
              await fs.rm(upload.filePath, { force: true });
              await app.claims.release(importClaimKey(id));
            }
          }
        } finally {
          if (!started) release();
        }
      }),
    );
  }

  web.get(
    '/api/imports/:id/errors.xlsx',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      const job = await loadReadableJob(ctx, String(req.params.id)).catch((error: unknown) => {
        throw error instanceof AppError ? notFoundHttp('导入任务') : error;
      });
      await inTenant(app.db, job.tenantId, async (m) => {
        startDownload(res, XLSX, `导入错误报告-${job.fileName.replace(/\.[^.]*$/, '')}.xlsx`, 'import-errors.xlsx');
        await writeErrorReport(m, job, res);
      });
    }),
  );

  registerExportRoutes(web, app);
}
