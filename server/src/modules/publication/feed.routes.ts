import crypto from 'node:crypto';
import type express from 'express';
import { fromGlobalUuid } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { FEED_DEFAULT, FEED_MAX, feedEntries } from './feed';
import { renderAtomFeed, renderJsonFeed, type FeedMeta } from './feed-format';

const FORMATS = {
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtomFeed },
} as const;

/**
 * No sign-in: `/api/public/feed.json` (JSON Feed 1.1) and `/api/public/feed.atom` (Atom 1.0) of the
 * newest publications, optionally of one bureau (`?bureau=<global id>`), at most `?limit=` (≤ 100).
 * A strong ETag of the body and Last-Modified of the newest entry let readers ask with
 * If-None-Match / If-Modified-Since and get 304. The body depends on nothing in the request but the
 * path and query, so a shared cache may keep it.
 */
export function registerFeedRoutes(web: express.Express, app: AppServices): void {
  // Links never come from the request's Host (a shared cache would keep a stranger's host for everyone):
  // from PUBLIC_BASE_URL, or else site-rooted paths that a reader resolves against the feed's own address.
  const base = app.config.publicBaseUrl ?? '';
  if (!base && app.config.mode === 'production') app.log.warn('PUBLIC_BASE_URL is not set: feed links are relative to the site');
  for (const [name, format] of Object.entries(FORMATS)) {
    web.get(`/api/public/feed.${name}`, async (req, res, next) => {
      try {
        const bureauParam = typeof req.query.bureau === 'string' ? req.query.bureau : null;
        let bureau: { id: string; name: string } | null = null;
        if (bureauParam !== null) {
          const id = fromGlobalUuid(bureauParam, 'Tenant');
          const [row] = id ? ((await app.replicaReads.query('SELECT id, name FROM public_tenants WHERE id = $1', [id])) as { id: string; name: string }[]) : [];
          if (!row) {
            res.status(404).json({ error: { code: 'NOT_FOUND', message: '单位不存在或未公开' } });
            return;
          }
          bureau = row;
        }
        const limit = Math.min(Math.max(Math.trunc(Number(req.query.limit ?? FEED_DEFAULT)) || FEED_DEFAULT, 1), FEED_MAX);
        const entries = await feedEntries(app, bureau?.id ?? null, limit);
        const query = new URLSearchParams({ ...(bureauParam ? { bureau: bureauParam } : {}), ...(req.query.limit ? { limit: String(limit) } : {}) }).toString();
        const suffix = query ? `?${query}` : '';
        const meta: FeedMeta = {
          title: bureau ? `${bureau.name}“双随机、一公开”公示` : '“双随机、一公开”公示（全部单位）',
          base,
          jsonUrl: `${base}/api/public/feed.json${suffix}`,
          atomUrl: `${base}/api/public/feed.atom${suffix}`,
          homeUrl: `${base}/`,
          id: bureauParam ? `urn:spotcheck:feed:${bureauParam}` : 'urn:spotcheck:feed',
        };
        const body = format.render(meta, entries);
        res.set({
          'Content-Type': format.type,
          'Cache-Control': 'public, max-age=60',
          ETag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
          ...(entries[0] ? { 'Last-Modified': entries[0].at.toUTCString() } : {}),
        });
        res.send(body);
      } catch (error) {
        next(error);
      }
    });
  }
}
