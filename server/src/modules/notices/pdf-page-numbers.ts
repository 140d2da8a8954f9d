/** “第 n 页 共 m 页” centred in the bottom margin of every page a buffered pdfkit document holds. */
export function pageNumbers(doc: PDFKit.PDFDocument, margin: number): void {
  const { start, count } = doc.bufferedPageRange();
  doc.font('regular').fontSize(9).fillColor('#000000');
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin: pdfkit would start a new page unless the margin is lifted meanwhile.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`第 ${i - start + 1} 页 共 ${count} 页`, margin, doc.page.height - bottomMargin / 2 - 5, {
      width: doc.page.width - 2 * margin,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
