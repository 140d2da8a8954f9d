import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import compression from 'compression';

/** A file name that vite gave a content hash (`assets/index-B3x9_aQz.js`): its bytes never change. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const FOR_A_YEAR = 'public, max-age=31536000, immutable';

/**
 * gzip or brotli (whichever the browser prefers) for every compressible text answer: HTML, JS, CSS,
 * JSON, GraphQL answers, CSV. `compressible` leaves images, PDFs, archives and other packed formats alone.
 */
export function compressResponses(): express.RequestHandler {
  return compression({ threshold: 1024 });
}

/**
 * A hashed asset's brotli copy written by the build (`client/vite-precompress.ts`, best quality), for a
 * browser that takes brotli: smaller than what `compression` can afford to make on each answer.
 */
function storedBrotli(clientDist: string): express.RequestHandler {
  return (req, res, next) => {
    const relative = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !HASHED_ASSET.test(relative)) return next();
    res.vary('Accept-Encoding');
    if (!req.acceptsEncodings('br')) return next();
    const stored = path.join(clientDist, `${relative}.br`);
    if (path.relative(clientDist, stored).startsWith('..') || !fs.existsSync(stored)) return next();
    res.type(path.extname(relative));
    res.setHeader('Content-Encoding', 'br');
    res.sendFile(stored, { headers: { 'Cache-Control': FOR_A_YEAR } });
  };
}

/**
 * The built web app: hashed assets cached for a year and never revalidated; index.html and every other
 * file revalidated on each load (its ETag keeps that cheap), so a deploy reaches browsers at once.
 * Every unknown GET path is answered by index.html (client-side routes, and the app's own 404 page).
 */
export function serveClient(web: express.Express, clientDist: string): void {
  const index = path.join(clientDist, 'index.html');
  web.use(storedBrotli(clientDist));
  web.use(
    express.static(clientDist, {
      index: false,
      setHeaders: (res, filePath) => {
        const relative = path.relative(clientDist, filePath).split(path.sep).join('/');
        res.setHeader('Cache-Control', HASHED_ASSET.test(relative) ? FOR_A_YEAR : 'no-cache');
      },
    }),
  );
  web.get('/{*path}', (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else res.status(503).type('text/plain; charset=utf-8').send('网页端尚未构建：请先运行 npm run build（npm start 会自动构建）。');
  });
}
