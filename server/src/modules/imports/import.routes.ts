import fs from 'node:fs/promises';
import type express from 'express';
import { asSubject, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { AppError } from '../../graphql/errors';
import { actorOf } from '../audit/audit.service';
import { registerExportRoutes } from '../exports/export.routes';
import { writeErrorReport } from './error-report';
import { fileRoute, forbiddenHttp, notFoundHttp, signedInContext, startDownload } from './http-support';
import { ImportKind } from './import-job.entity';
import { createImportJob, importClaimKey, loadReadableJob } from './import-job.service';
import { parseImportOptions } from './import-options';
import { enqueueImport } from './import-queue';
import { runImport } from './import-runner';
import { MAX_UPLOAD_BYTES, receiveUpload } from './upload';

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
      fileRoute(app, async (req, res) => {
        const ctx = await signedInContext(app, req);
        // Only the leading-group office keeps the directories.
        if (!ctx.ability.can('create', asSubject('ImportJob', { tenantId: ctx.viewer!.tenantId }))) {
          throw forbiddenHttp('只有领导小组办公室可以导入名录');
        }
        const upload = await receiveUpload(req, options.maxUploadBytes);
        let started = false;
        try {
          const choice = parseImportOptions(upload.fields);
          const job = await createImportJob(ctx, { kind, mode: choice.mode, fileName: upload.fileName, acceptChecksumWarnings: choice.acceptChecksumWarnings });
          const actor = actorOf(ctx);
          await app.claims.claim(importClaimKey(job.id));
          enqueueImport(() => runImport(app, { job, filePath: upload.filePath, encoding: choice.encoding, actor }), app.log);
          started = true;
          res.status(202).json({ jobId: toGlobalId('ImportJob', job.id), status: job.status });
        } finally {
          if (!started) await fs.rm(upload.filePath, { force: true });
        }
      }),
    );
  }

  web.get(
    '/api/imports/:id/errors.xlsx',
    fileRoute(app, async (req, res) => {
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
