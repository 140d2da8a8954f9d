// Every test file and every server process loads the app's module graph; the libraries below are
// large and serve only a few requests (spreadsheets, printed notices, S3), so they are loaded on
// first use. This keeps them out of start-up: a top-level import of one of them fails here.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const HEAVY = ['exceljs', 'pdfkit', 'fontkit', '@aws-sdk/client-s3'];

test('starting the server loads none of the heavy libraries', () => {
  const app = path.resolve(__dirname, '..', 'dist', 'app.js');
  const script = `require('reflect-metadata'); require(${JSON.stringify(app)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' }));
  expect(loaded.length).toBeGreaterThan(500); // the app itself was loaded
  const heavy = HEAVY.filter((name) => loaded.some((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`)));
  expect(heavy).toEqual([]);
});
