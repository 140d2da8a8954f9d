import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import express from 'express';
import ExcelJS from 'exceljs';
import type { AppServices } from '../../graphql/context';
import { pdfText } from '../../test-support/pdf-inspect';
import { forbiddenHttp } from '../imports/http-support';
import { rateLimited, ruleViolation } from '../../graphql/errors';
import { noticeDownloadRoute, noticeFileBase } from './notice-download';
import { sampleNotice } from './sample-notice';

/** The route on its own express app, with a loader standing in for the one that will read inspections. */
describe('notice downloads over HTTP', () => {
  const notice = sampleNotice(3);
  const errors: unknown[] = [];
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const app = { log: { error: (entry: unknown) => errors.push(entry) } } as unknown as AppServices;
    const web = express();
    web.get(
      '/api/notices/:file',
      noticeDownloadRoute(app, async (req, id) => {
        if (id === 'secret') throw forbiddenHttp();
        if (id === 'broken') throw new Error('database went away');
        // The services' typed errors, as a loader reading through them would throw them.
        if (id === 'busy') throw rateLimited('请求过于频繁，请 7 秒后再试', 7);
        if (id === 'unpublished') throw ruleViolation('notice.unpublished', '公示尚未发布');
        return id === 'n1' && req.headers['x-test'] !== 'none' ? notice : null;
      }),
    );
    server = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/notices`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the PDF as a download named after the title', async () => {
    const response = await fetch(`${base}/n1.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="notice-n1.pdf"; filename*=UTF-8''${encodeURIComponent(`${noticeFileBase(notice)}.pdf`)}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const { pages } = await pdfText(bytes);
    expect(pages[0]!.replace(/\s+/g, '')).toContain(notice.rows[0]!.uscc);
  });

  it('sends the spreadsheet whole, with its length', async () => {
    const response = await fetch(`${base}/n1.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(notice.title);
  });

  it('answers 404 alike for an unknown notice, one the loader hides and an unknown format; 403 and 500 as JSON', async () => {
    for (const [path, headers] of [
      ['n2.pdf', {}],
      ['n1.pdf', { 'x-test': 'none' }],
      ['n1.docx', {}],
      ['..%2Fn1.pdf', {}],
    ] as const) {
      const response = await fetch(`${base}/${path}`, { headers });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '公示不存在或不可见' } });
    }
    const forbidden = await fetch(`${base}/secret.pdf`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const broken = await fetch(`${base}/broken.xlsx`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } });
    expect(errors).toHaveLength(1);
  });

  it('answers a service’s AppError with the status of its code and its extensions, as GraphQL would carry them', async () => {
    const busy = await fetch(`${base}/busy.pdf`);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('7');
    expect(await busy.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请 7 秒后再试', retryAfterSeconds: 7 } });
    const unpublished = await fetch(`${base}/unpublished.xlsx`);
    expect(unpublished.status).toBe(409);
    expect(await unpublished.json()).toEqual({ error: { code: 'RULE_VIOLATION', rule: 'notice.unpublished', message: '公示尚未发布' } });
  });

  it('names files without the characters Windows refuses', () => {
    expect(noticeFileBase({ ...notice, title: '公示：2026/第1期 "结果"' })).toBe('公示：2026 第1期 结果');
    expect(noticeFileBase({ ...notice, title: '???' })).toBe('公示');
  });
});
