import ExcelJS from 'exceljs';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startAppOn, startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { approvedInspection, publishInspection } from '../../test-support/inspection-fixture';
import { pdfQrCodes, pdfText } from '../../test-support/pdf-inspect';

/** The 公示 of a task's published results, as xlsx and PDF, from the public views only. */
describe('task publication notices', () => {
  let t: TestApp;
  let taskId: string;
  let published: { name: string; uscc: string };
  let unpublished: { name: string; uscc: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({ taskId } = await drawWugangTask(t));
    const office = await t.login('wugang.admin');
    const entities = await t.sql(
      `SELECT e.uscc, e.name FROM market_entities e JOIN tenants n ON n.id = e.tenant_id WHERE n.region_code = '410481' ORDER BY e.uscc LIMIT 2`,
    );
    [published, unpublished] = entities;
    const id = await approvedInspection(t, published!.uscc, 'CORRECTED', { findings: '复垦方案未按期报备，已责令改正' });
    expect(await publishInspection(t, id, office)).toBeUndefined();
    await approvedInspection(t, unpublished!.uscc, 'NO_PROBLEM'); // approved, not yet published
  });
  afterAll(() => t.close());

  const download = (file: string) => fetch(`${t.url}/api/public/notices/${file}`);

  it('gives the published results as a spreadsheet without signing in, and nothing unpublished', async () => {
    const res = await download(`${taskId}.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const text = book.worksheets[0]!.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain(published.uscc);
    expect(text).toContain('发现问题经责令已改正');
    expect(text).not.toContain(unpublished.uscc);
  });

  it('gives the same as a Chinese PDF naming the draw to verify', async () => {
    const res = await download(`${taskId}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await pdfText(Buffer.from(await res.arrayBuffer()));
    const all = pages.join('\n');
    expect(all).toContain(published.name);
    expect(all).toContain('舞钢市自然资源和规划局');
    expect(all).not.toContain(unpublished.uscc);
  });

  it('prints its links as absolute addresses and carries a QR code to the draw’s verification page', async () => {
    const bytes = Buffer.from(await (await download(`${taskId}.pdf`)).arrayBuffer());
    const all = (await pdfText(bytes)).pages.join('\n').replace(/\s+/g, '');
    const [{ draw_id: drawId }] = await t.sql(`SELECT id AS draw_id FROM draws WHERE task_id = $1`, [fromGlobalUuid(taskId, 'Task')]);
    const draw = toGlobalId('Draw', drawId);
    // Without PUBLIC_BASE_URL: the address the download came to (a printed page has no site to resolve against).
    expect(all).toContain(`${t.url}/api/public/draws/${draw}`);
    expect(all).toContain(`${t.url}/api/public/feed.atom`);
    expect(all).not.toMatch(/[（\s：]\/api\//);
    expect((await pdfQrCodes(bytes)).filter(Boolean)).toEqual([`${t.url}/public/draws/${draw}`]);
  });

  it('builds them from PUBLIC_BASE_URL when it is set, whatever Host the request names', async () => {
    const apart = await startAppOn(t, { PUBLIC_BASE_URL: 'https://spotcheck.example.gov.cn/' });
    try {
      const bytes = Buffer.from(await (await fetch(`${apart.url}/api/public/notices/${taskId}.pdf`)).arrayBuffer());
      const all = (await pdfText(bytes)).pages.join('\n').replace(/\s+/g, '');
      expect(all).toContain('https://spotcheck.example.gov.cn/api/public/feed.atom');
      expect(all).not.toContain(apart.url);
      expect((await pdfQrCodes(bytes)).filter(Boolean)).toEqual([expect.stringMatching(/^https:\/\/spotcheck\.example\.gov\.cn\/public\/draws\/[\w-]+$/)]);
    } finally {
      await apart.close();
    }
  });

  it('unpacks the draw record once for its verification line, not on every anonymous download', async () => {
    const first = (await pdfText(Buffer.from(await (await download(`${taskId}.pdf`)).arrayBuffer()))).pages.join('\n');
    // Spoil the stored record (as the owner, past the trigger that keeps a drawn draw as it is): a notice
    // must still carry the seed it read the first time, so it did not read the record again.
    const [{ draw_id: drawId, record_gz: kept }] = await t.sql(`SELECT id AS draw_id, record_gz FROM draws WHERE task_id = $1`, [
      fromGlobalUuid(taskId, 'Task'),
    ]);
    await t.sql(`ALTER TABLE draws DISABLE TRIGGER USER`);
    try {
      await t.sql(`UPDATE draws SET record_gz = '\\x00'::bytea WHERE id = $1`, [drawId]);
      const again = (await pdfText(Buffer.from(await (await download(`${taskId}.pdf`)).arrayBuffer()))).pages.join('\n');
      expect(again).toBe(first);
      expect(first).toMatch(/[0-9a-f]{64}/);
    } finally {
      await t.sql(`UPDATE draws SET record_gz = $2 WHERE id = $1`, [drawId, kept]);
      await t.sql(`ALTER TABLE draws ENABLE TRIGGER USER`);
    }
  });

  it('answers 404 for a task without published results, another bureau’s filter, or a malformed id', async () => {
    const [other] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    expect((await download(`${taskId}.pdf?bureau=${toGlobalId('Tenant', other.id)}`)).status).toBe(404);
    expect((await download(`${toGlobalId('Task', '00000000-0000-4000-8000-000000000000')}.pdf`)).status).toBe(404);
    expect((await download('nonsense.pdf')).status).toBe(404);
    expect(fromGlobalUuid(taskId, 'Task')).toBeTruthy();
  });
});
