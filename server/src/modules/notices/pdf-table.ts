/** A table drawn with pdfkit: cells wrap, rows never split, and the header row starts every page. */

export interface PdfTableColumn {
  header: string;
  width: number;
  centred?: boolean;
}

/** A row of cells, or one text across the whole table. */
export type PdfTableRow = string[] | { span: string };

export interface PdfTableStyle {
  regularFont: string;
  boldFont: string;
  fontSize: number;
  padding: number;
  headerFill: string;
  lineWidth: number;
}

const TEXT_OPTIONS = { lineGap: 1 };

export function drawTable(doc: PDFKit.PDFDocument, columns: PdfTableColumn[], rows: PdfTableRow[], style: PdfTableStyle): void {
  const left = doc.page.margins.left;
  const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const pad = style.padding;
  const cellHeight = (text: string, width: number) => doc.heightOfString(text || ' ', { ...TEXT_OPTIONS, width: width - 2 * pad }) + 2 * pad;

  const cell = (text: string, x: number, y: number, width: number, height: number, centred: boolean) => {
    doc.rect(x, y, width, height).lineWidth(style.lineWidth).stroke('#000000');
    if (!text) return;
    const inner = width - 2 * pad;
    const textHeight = Math.min(doc.heightOfString(text, { ...TEXT_OPTIONS, width: inner }), height - 2 * pad);
    // `height` keeps pdfkit from ever breaking the page inside a cell; a row taller than a page is cut with an ellipsis.
    doc.fillColor('#000000').text(text, x + pad, y + (height - textHeight) / 2, {
      ...TEXT_OPTIONS,
      width: inner,
      height: height - 2 * pad + 1,
      ellipsis: true,
      align: centred ? 'center' : 'left',
    });
  };

  const header = () => {
    doc.font(style.boldFont).fontSize(style.fontSize);
    const height = Math.max(...columns.map((c) => cellHeight(c.header, c.width)));
    const y = doc.y;
    doc.rect(left, y, tableWidth, height).fill(style.headerFill);
    let x = left;
    for (const c of columns) {
      cell(c.header, x, y, c.width, height, true);
      x += c.width;
    }
    doc.font(style.regularFont);
    return y + height;
  };

  const bottom = () => doc.page.maxY();
  const pageRoom = () => bottom() - doc.page.margins.top;
  let headerHeight = 0;
  const rowHeight = (row: PdfTableRow) => {
    doc.font(style.regularFont).fontSize(style.fontSize);
    const height = Array.isArray(row) ? Math.max(...row.map((text, i) => cellHeight(text, columns[i]!.width))) : cellHeight(row.span, tableWidth);
    return Math.min(height, pageRoom() - headerHeight);
  };

  const first = rows[0];
  doc.font(style.boldFont).fontSize(style.fontSize);
  headerHeight = Math.max(...columns.map((c) => cellHeight(c.header, c.width)));
  if (first && doc.y + headerHeight + rowHeight(first) > bottom()) doc.addPage();
  let y = header();

  for (const row of rows) {
    const height = rowHeight(row);
    if (y + height > bottom()) {
      doc.addPage();
      y = header();
    }
    doc.font(style.regularFont).fontSize(style.fontSize);
    if (Array.isArray(row)) {
      let x = left;
      row.forEach((text, i) => {
        cell(text, x, y, columns[i]!.width, height, !!columns[i]!.centred);
        x += columns[i]!.width;
      });
    } else {
      cell(row.span, left, y, tableWidth, height, true);
    }
    y += height;
  }
  doc.x = left;
  doc.y = y;
}
