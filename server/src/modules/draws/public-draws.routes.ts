import type express from 'express';
import type { AppServices } from '../../graphql/context';
import { listPublicDraws, publicDrawRecordJson } from './public-draws';

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
  web.get('/api/public/draws/:id', async (req, res, next) => {
    try {
      const json = await publicDrawRecordJson(app, req.params.id);
      if (!json) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '摇号记录不存在或不可见' } });
        return;
      }
      res.type('application/json; charset=utf-8').set('Cache-Control', 'public, max-age=60').send(json);
    } catch (error) {
      next(error);
    }
  });
}
