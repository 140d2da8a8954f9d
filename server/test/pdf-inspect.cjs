// Reads a PDF on stdin with pdf.js (through pdf-parse) in plain Node, outside jest's module loader,
// which cannot run pdf.js's dynamic import of its worker. Prints JSON: { total, pages } for `text`,
// or writes page 1 as PNG to the path given for `png`:
//   node server/test/pdf-inspect.cjs text < notice.pdf
//   node server/test/pdf-inspect.cjs png page1.png < notice.pdf
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
    } else {
      throw new Error('usage: pdf-inspect.cjs text|png [out.png] < file.pdf');
    }
  } finally {
    await parser.destroy();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
