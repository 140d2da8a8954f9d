import qrcode from 'qrcode-generator';

/**
 * A QR code drawn as vector squares at the cursor (below the text so far), with its caption beside it;
 * a new page when it would not fit. Medium error correction: a printed, stamped notice still scans.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, caption: string, size = 80): void {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4; // the white border a reader needs, in modules
  const cell = size / (count + 2 * quiet);
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + size > bottom) doc.addPage();
  const left = doc.page.margins.left;
  const top = doc.y;
  doc.save().rect(left, top, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) doc.rect(left + (col + quiet) * cell, top + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
  doc
    .fontSize(8)
    .fillColor('#444444')
    .text(caption, left + size + 8, top + size / 2 - 8, { width: 260 })
    .fillColor('#000000');
  doc.x = left;
  doc.y = top + size;
}
