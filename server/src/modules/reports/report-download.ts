import type express from 'express';
import type { AppServices } from '../../graphql/context';
import { restRoute } from '../../http/rest-errors';
import { heavySlotHttp, notFoundHttp, signedInContext, startDownload } from '../imports/http-support';
import { loadAnnualReport } from './annual-report.service';
import { reportDocument } from './report-document';
import { renderReportPdf } from './report-pdf';
import { renderReportXlsx } from './report-xlsx';

const FILE = /^(\d{4})\.(xlsx|pdf)$/;
const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * `GET /api/reports/annual/<year>.xlsx|pdf`: the viewer's year's report, the same figures as
 * `annualReport(year)` and behind the same checks. Rendered whole before the answer starts, so a
 * failure is still an error answer.
 */
export function registerReportRoutes(web: express.Express, app: AppServices): void {
  web.get(
    '/api/reports/annual/:file',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      const match = FILE.exec(String(req.params.file));
      if (!match) throw notFoundHttp('文件');
      const format = match[2] as keyof typeof CONTENT_TYPES;
      const doc = reportDocument(await loadAnnualReport(ctx, Number(match[1])));
      const release = heavySlotHttp(app, ctx.viewer!.tenantId);
      let bytes: Buffer;
      try {
        bytes = format === 'xlsx' ? await renderReportXlsx(doc) : await renderReportPdf(doc);
      } finally {
        release();
      }
      startDownload(res, CONTENT_TYPES[format], `${doc.fileBase}.${format}`, `annual-report-${match[1]}.${format}`);
      res.setHeader('Content-Length', bytes.length);
      res.end(bytes);
    }),
  );
}
