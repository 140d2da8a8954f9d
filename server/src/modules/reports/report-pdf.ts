import type PDFDocument from 'pdfkit';
import { noticeFont } from '../notices/notice-font';
import { drawTable } from '../notices/pdf-table';
import type { ReportDocument } from './report-document';
import { pageNumbers } from '../notices/pdf-page-numbers';

const MARGIN = 56.7; // 20 mm
const BODY_SIZE = 10.5; // 五号
// Loaded on first use: pdfkit (with fontkit) is heavy, and most processes never print a report.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfkit = () => require('pdfkit') as typeof PDFDocument;

/** The report as an A4 portrait PDF in the notices' embedded CJK font, “第 X 页 共 Y 页” on each page. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const PdfDocument = pdfkit();
  const doc = new PdfDocument({
    autoFirstPage: false,
    bufferPages: true,
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: report.title, Subject: '年度双随机抽查工作总结' },
  });
  doc.registerFont('regular', noticeFont('regular') as unknown as Buffer);
  doc.registerFont('bold', noticeFont('bold') as unknown as Buffer);
  Object.assign(doc.options, { size: 'A4', layout: 'portrait', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(16).text(report.title, { align: 'center', width });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(BODY_SIZE).text(report.byline, { align: 'center', width });
  for (const table of report.tables) {
    doc.moveDown(0.8);
    // A heading never ends a page alone: with its header row and a first line it needs about 4 lines.
    if (doc.y + 4 * 2 * BODY_SIZE > doc.page.maxY()) doc.addPage();
    doc.font('bold').fontSize(12).text(table.heading, MARGIN, undefined, { width });
    doc.moveDown(0.3);
    const first = table.headers.length > 2 ? width * 0.28 : width * 0.6;
    const rest = (width - first) / (table.headers.length - 1);
    drawTable(
      doc,
      table.headers.map((header, i) => ({ header, width: i === 0 ? first : rest, centred: i > 0 })),
      table.rows.length ? table.rows : [{ span: '无' }],
      { regularFont: 'regular', boldFont: 'bold', fontSize: 9.5, padding: 3, headerFill: '#e8e8e8', lineWidth: 0.5 },
    );
  }
  pageNumbers(doc, MARGIN);
  doc.end();
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
