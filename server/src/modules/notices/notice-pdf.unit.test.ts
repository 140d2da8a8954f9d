import { completeUscc } from '@spotcheck/shared';
import { pdfBaseFonts, pdfPageSizes, pdfStreams, pdfText } from '../../test-support/pdf-inspect';
import { EMPTY_NOTICE_TEXT, type NoticeRow, type PublicationNotice } from './notice';
import { renderNoticePdfBuffer } from './notice-pdf';
import { sampleNotice } from './sample-notice';

const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/** Rows of one line each and no optional column: a portrait table with a fixed number of rows a page. */
function plainNotice(count: number): PublicationNotice {
  const rows: NoticeRow[] = Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    entityName: `舞钢市测试建材有限公司${i + 1}`,
    uscc: completeUscc(`91410481MA${String(i + 1).padStart(7, '0')}`),
    items: ['土地利用情况检查'],
    inspectedOn: '2026-03-02',
    resultCategory: '未发现问题',
  }));
  return { ...sampleNotice(0), rows, verification: null };
}

const pageLabel = (page: number, total: number) => `第 ${page} 页 共 ${total} 页`;
const squash = (text: string) => text.replace(/\s+/g, '');

describe('publication notice as PDF', () => {
  it('is an A4 PDF with only the embedded CJK font, whose Chinese text a reader can extract', async () => {
    const notice = sampleNotice(3);
    const bytes = await renderNoticePdfBuffer(notice);

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const { pages, total } = await pdfText(bytes);
    expect(total).toBe(1);
    expect(pdfPageSizes(bytes)).toEqual([A4_LANDSCAPE]); // address, inspectors, findings, remarks: a wide table

    // Subsets (six-letter tag) of the two weights of the npm-shipped font, and nothing else: no Helvetica.
    const fonts = pdfBaseFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
    expect(new Set(fonts.map((f) => f.split('+')[1]))).toEqual(new Set(['NotoSansHans-Regular', 'NotoSansHans-Bold']));
    expect(bytes.toString('latin1')).toMatch(/\/ToUnicode \d+ 0 R/);
    // The embedded CFF programs are sound (a broken offSize makes viewers drop every glyph while text still extracts).
    const cff = pdfStreams(bytes, /\/Subtype \/CIDFontType0C/);
    expect(cff).toHaveLength(2);
    for (const program of cff) {
      expect([program[0], program[1]]).toEqual([1, 0]);
      expect(program[3]).toBeGreaterThanOrEqual(1);
      expect(program[3]).toBeLessThanOrEqual(4);
    }
    expect(bytes.length).toBeLessThan(300_000);

    const text = squash(pages[0]!);
    for (const expected of [
      notice.title,
      notice.bureauName,
      '舞自然资公示〔2026〕2号',
      '发布日期：2026年4月10日',
      '序号',
      '市场主体名称',
      '统一社会信用代码',
      '抽查事项',
      '检查日期',
      '检查结果',
      '监督电话：0375-8123456。',
      notice.verification!.inputHash,
      squash(pageLabel(1, 1)),
      ...notice.rows.map((r) => r.uscc),
      ...notice.rows.map((r) => r.entityName),
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('prints a plain table upright, and the header row and page numbers on every page of 500 rows', async () => {
    const one = await renderNoticePdfBuffer(plainNotice(1));
    expect(pdfPageSizes(one)).toEqual([A4]);
    expect((await pdfText(one)).total).toBe(1);

    const started = performance.now();
    const bytes = await renderNoticePdfBuffer(plainNotice(500));
    const ms = performance.now() - started;
    const { pages, total } = await pdfText(bytes);
    process.stdout.write(`notice PDF, 500 rows: ${total} pages, ${bytes.length} bytes, rendered in ${ms.toFixed(0)} ms\n`);

    expect(total).toBe(15);
    expect(pdfPageSizes(bytes)).toEqual(Array.from({ length: total }, () => A4));
    const perPage = pages.map((page, i) => {
      const text = squash(page);
      expect(text).toContain('序号市场主体名称统一社会信用代码抽查事项检查日期检查结果');
      expect(text).toContain(squash(pageLabel(i + 1, total)));
      return plainNotice(500)
        .rows.filter((r) => text.includes(r.uscc))
        .map((r) => r.seq);
    });
    // Every row once, in order; full pages after the first hold the same number of rows.
    expect(perPage.flat()).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const middle = perPage.slice(1, -1).map((rows) => rows.length);
    expect(new Set(middle).size).toBe(1);
    expect(perPage[0]!.length).toBeLessThan(middle[0]!);
    expect(squash(pages[total - 1]!)).toContain('监督电话');
    expect(bytes.length).toBeLessThan(1_500_000);
  });

  it('says so when there are no results, and cuts a row taller than a page instead of looping', async () => {
    const empty = await renderNoticePdfBuffer({ ...sampleNotice(0), verification: null });
    const emptyText = await pdfText(empty);
    expect(emptyText.total).toBe(1);
    expect(squash(emptyText.pages[0]!)).toContain(EMPTY_NOTICE_TEXT);

    const notice = sampleNotice(2);
    notice.rows[1]!.findings = '未按批准的用途使用土地。'.repeat(400);
    const bytes = await renderNoticePdfBuffer(notice);
    const { pages, total } = await pdfText(bytes);
    // Page 2 holds the row alone, cut at the page's foot; the footer runs on to page 3, also landscape.
    expect(total).toBe(3);
    expect(pdfPageSizes(bytes)).toEqual([A4_LANDSCAPE, A4_LANDSCAPE, A4_LANDSCAPE]);
    expect(squash(pages[1]!)).toContain(notice.rows[1]!.uscc);
    expect(squash(pages[1]!)).toContain('…');
    expect(squash(pages[2]!)).toContain('监督电话');
    expect(squash(pages[2]!)).toContain(squash(pageLabel(3, 3)));
  });
});
