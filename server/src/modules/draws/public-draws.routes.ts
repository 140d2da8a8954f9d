import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type express from 'express';
import type { AppServices } from '../../graphql/context';
import { listPublicDraws, publicDrawRecordGz } from './public-draws';

/** No sign-in: anyone lists the draws and downloads any record to verify it. */
export function registerPublicDrawRoutes(web: express.Express, app: AppServices): void {
  web.get('/api/public/draws', async (req, res, next) => {
    try {
      const first = Math.min(Math.max(Number(req.query.first ?? 20) || 20, 1), 100);
      const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0);
      const bureau = typeof req.query.bureau === 'string' ? req.query.bureau : null;
      res.json({ ...(await listPublicDraws(app, bureau, first, offset)), first, offset });
    } catch (error) {
      next(error);
    }
  });
  /**
   * The record is the one public answer that grows with the pool (tens of megabytes for a million
   * entities): it is unzipped as a stream into the response, never held as one text, and carries a
   * strong ETag (of the stored bytes, which change once, when the draw is performed) so that caches
   * and repeated downloads get 304.
   */
  web.get('/api/public/draws/:id', async (req, res, next) => {
    try {
      const gz = await publicDrawRecordGz(app, req.params.id);
      if (!gz) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '摇号记录不存在或不可见' } });
        return;
      }
      res.set({ 'Cache-Control': 'public, max-age=60', ETag: `"${crypto.createHash('sha256').update(gz).digest('hex').slice(0, 32)}"` });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.type('application/json; charset=utf-8');
      await pipeline(Readable.from([gz]), createGunzip(), res);
    } catch (error) {
      if (res.headersSent) res.destroy();
      else next(error);
    }
  });
}
