// Reads a PDF on stdin with pdf.js (through pdf-parse) in plain Node, outside jest's module loader,
// which cannot run pdf.js's dynamic import of its worker. Prints JSON: { total, pages } for `text`,
// or writes page 1 as PNG to the path given for `png`:
//   node server/test/pdf-inspect.cjs text < notice.pdf
//   node server/test/pdf-inspect.cjs png page1.png < notice.pdf
//   node server/test/pdf-inspect.cjs qr < notice.pdf   (the text of each QR code found, page by page, as JSON)
const fs = require('node:fs');
const { PDFParse } = require('pdf-parse');

async function main([command, out]) {
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(0)) });
  try {
    if (command === 'text') {
      const result = await parser.getText();
      process.stdout.write(JSON.stringify({ total: result.total, pages: result.pages.map((p) => p.text) }));
    } else if (command === 'png') {
      const shot = await parser.getScreenshot({ partial: [1], scale: 1.5, imageDataUrl: false, imageBuffer: true });
      fs.writeFileSync(out, Buffer.from(shot.pages[0].data));
    } else if (command === 'qr') {
      process.stdout.write(JSON.stringify(await qrCodes(parser)));
    } else {
      throw new Error('usage: pdf-inspect.cjs text|png [out.png]|qr < file.pdf');
    }
  } finally {
    await parser.destroy();
  }
}

/** Renders each page as a reader's screen would, and reads a QR code on it (jsQR), or null. */
async function qrCodes(parser) {
  const { loadImage, createCanvas } = require('@napi-rs/canvas');
  const jsQR = require('jsqr');
  const shots = await parser.getScreenshot({ scale: 3, imageDataUrl: false, imageBuffer: true });
  const found = [];
  for (const page of shots.pages) {
    const image = await loadImage(Buffer.from(page.data));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    found.push(jsQR(pixels.data, image.width, image.height)?.data ?? null);
  }
  return found;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
