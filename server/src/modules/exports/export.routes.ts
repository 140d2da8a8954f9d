import type express from 'express';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { asSubject } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { forEachBatch } from '../imports/cursor';
import { forbiddenHttp, heavySlotHttp, notFoundHttp, signedInContext, startDownload } from '../imports/http-support';
import { restRoute } from '../../http/rest-errors';
import { ENTITY_EXPORT, INSPECTOR_EXPORT, type DirectoryExport } from './directory-exports';
import { openTableWriter, type TableFormat } from './table-writer';
import { TEMPLATE_HEADERS, entityExample, inspectorExample } from './templates';

const FILE = /^(entities|inspectors)\.(xlsx|csv)$/;
const CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const FETCH = 2000;

function parseFile(name: string | string[] | undefined): { which: 'entities' | 'inspectors'; format: TableFormat } {
  const match = typeof name === 'string' ? FILE.exec(name) : null;
  if (!match) throw notFoundHttp('文件');
  return { which: match[1] as 'entities' | 'inspectors', format: match[2] as TableFormat };
}

/** Streams the directory through a server-side cursor, so a large one never sits in memory. */
async function streamDirectory(m: EntityManager, spec: DirectoryExport, format: TableFormat, res: Response): Promise<void> {
  const table = openTableWriter(res, format, spec.fileBase, spec.headers);
  await forEachBatch<Record<string, unknown>>(m, spec.sql, FETCH, async (rows) => {
    for (const row of rows) table.addRow(spec.cells(row));
    await table.ready();
    if (res.destroyed) throw new Error('client went away during the export');
  });
  await table.end();
}

/** Downloads of the two directories and their import templates; each reads only the viewer's own tenant. */
export function registerExportRoutes(web: express.Express, app: AppServices): void {
  web.get(
    '/api/exports/:file',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      const { which, format } = parseFile(req.params.file);
      const spec = which === 'entities' ? ENTITY_EXPORT : INSPECTOR_EXPORT;
      const tenantId = ctx.viewer!.tenantId;
      if (!ctx.ability.can('read', asSubject(spec.subject, { tenantId }))) throw forbiddenHttp();
      const release = heavySlotHttp(app, tenantId);
      try {
        // A directory export may be a little behind: from the read replica while it keeps up (db/replica-reads.ts).
        await app.replicaReads.inTenant(tenantId, async (m) => {
          startDownload(res, CONTENT_TYPES[format], `${spec.fileBase}.${format}`, `${spec.asciiBase}.${format}`);
          await streamDirectory(m, spec, format, res);
        });
      } finally {
        release();
      }
    }),
  );

  web.get(
    '/api/templates/:file',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      const { which, format } = parseFile(req.params.file);
      const example = await inTenant(app.db, ctx.viewer!.tenantId, (m) => (which === 'entities' ? entityExample(m) : inspectorExample(m)));
      const fileBase = which === 'entities' ? '检查对象导入模板' : '执法检查人员导入模板';
      startDownload(res, CONTENT_TYPES[format], `${fileBase}.${format}`, `${which}-template.${format}`);
      const table = openTableWriter(res, format, fileBase, TEMPLATE_HEADERS[which]);
      table.addRow(example);
      await table.end();
    }),
  );
}
