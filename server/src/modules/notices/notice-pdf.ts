import type PDFDocument from 'pdfkit';
import { EMPTY_NOTICE_TEXT, noticeByline, noticeColumns, verificationText, type NoticeColumn, type PublicationNotice } from './notice';
import { noticeFont } from './notice-font';
import { drawTable, type PdfTableRow } from './pdf-table';
import { pageNumbers } from './pdf-page-numbers';
import { drawQrCode } from './pdf-qr';

const MARGIN = 42.5; // 15 mm
const BODY_SIZE = 10.5; // 五号
const TABLE_SIZE = 9;
const PADDING = 3;
/** The least a wrapping column gets per spreadsheet character unit: a CJK character is two units. */
const MIN_POINTS_PER_UNIT = TABLE_SIZE / 2;
const A4_PORTRAIT_WIDTH = 595.28;
// Loaded on first use: pdfkit (with fontkit) is heavy, and most processes never print a notice.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfkit = () => require('pdfkit') as typeof PDFDocument;

/**
 * The notice as a printable A4 PDF: title, byline, intro, the results table (its header row on
 * every page), footer, the draw's verification data with a QR code to its public page, and “第 X 页 共 Y 页” on each page. Returns
 * the document as a stream; it holds every page until the end, when it knows the page count.
 */
export function renderNoticePdf(notice: PublicationNotice): PDFKit.PDFDocument {
  const PdfDocument = pdfkit();
  const doc = new PdfDocument({
    autoFirstPage: false,
    bufferPages: true,
    // No default font: pdfkit's is Helvetica, which would end up in the file unused. (Passing a font
    // here instead would make each later switch to that font parse the whole font file again.)
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: notice.title, Author: notice.bureauName, Subject: '双随机、一公开抽查结果公示' },
  });
  // pdfkit takes a parsed fontkit font as a source, though its typings name only files and bytes.
  doc.registerFont('regular', noticeFont('regular') as unknown as Buffer);
  doc.registerFont('bold', noticeFont('bold') as unknown as Buffer);

  const columns = noticeColumns(notice);
  const cells = notice.rows.map((row) => columns.map((c) => String(c.value(row))));
  const { widths, landscape } = columnWidths(doc, columns, cells);
  // Every page, also those pdfkit adds itself when text runs on, takes the document's options.
  Object.assign(doc.options, {
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(16).text(notice.title, { align: 'center', width });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(BODY_SIZE).text(noticeByline(notice), { align: 'center', width });
  doc.moveDown(0.8);
  paragraphs(doc, notice.intro, width);
  doc.moveDown(0.6);

  const rows: PdfTableRow[] = cells.length ? cells : [{ span: EMPTY_NOTICE_TEXT }];
  drawTable(
    doc,
    columns.map((c, i) => ({ header: c.header, width: widths(width)[i]!, centred: c.fit })),
    rows,
    {
      regularFont: 'regular',
      boldFont: 'bold',
      fontSize: TABLE_SIZE,
      padding: PADDING,
      headerFill: '#e8e8e8',
      lineWidth: 0.5,
    },
  );

  doc.moveDown(1);
  doc.font('regular').fontSize(BODY_SIZE);
  paragraphs(doc, notice.footer, width);
  const verification = verificationText(notice);
  if (verification) {
    doc.moveDown(0.6);
    doc.fontSize(8).fillColor('#444444').text(verification, { width }).fillColor('#000000');
    doc.moveDown(0.6);
    drawQrCode(doc, notice.verification!.pageUrl, '扫描二维码，在公示平台核验本次摇号');
  }
  pageNumbers(doc, MARGIN);
  doc.end();
  return doc;
}

/** The whole PDF in memory, for callers that want bytes rather than a stream. */
export async function renderNoticePdfBuffer(notice: PublicationNotice): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderNoticePdf(notice)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Text in paragraphs as official documents set them: each line of the input its own paragraph, indented two characters. */
function paragraphs(doc: PDFKit.PDFDocument, text: string, width: number): void {
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    doc.text(line, doc.page.margins.left, undefined, { width, indent: 2 * BODY_SIZE, lineGap: 3, paragraphGap: 2 });
  }
}

/**
 * Fitted columns (序号, codes, dates) get the width of their widest text, at most a quarter of the
 * page; the others share the rest in proportion to their spreadsheet widths. Landscape when the
 * wrapping columns would be too narrow on a portrait page.
 */
function columnWidths(doc: PDFKit.PDFDocument, columns: NoticeColumn[], cells: string[][]) {
  const fitted = columns.map((c, i) => {
    if (!c.fit) return 0;
    doc.font('bold').fontSize(TABLE_SIZE);
    let widest = doc.widthOfString(c.header);
    doc.font('regular');
    for (const row of cells) widest = Math.max(widest, doc.widthOfString(row[i]!));
    return widest + 2 * PADDING + 1;
  });
  const units = columns.reduce((sum, c) => sum + (c.fit ? 0 : c.width), 0);
  const fittedTotal = (width: number) => fitted.reduce((sum, w) => sum + Math.min(w, width / 4), 0);
  const portrait = A4_PORTRAIT_WIDTH - 2 * MARGIN;
  const landscape = fittedTotal(portrait) + units * MIN_POINTS_PER_UNIT > portrait;
  const widths = (width: number) => {
    const perUnit = (width - fittedTotal(width)) / units;
    return columns.map((c, i) => (c.fit ? Math.min(fitted[i]!, width / 4) : c.width * perUnit));
  };
  return { widths, landscape };
}
