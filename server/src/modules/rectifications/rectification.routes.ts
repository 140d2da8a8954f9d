import fs from 'node:fs/promises';
import type express from 'express';
import type { Request } from 'express';
import type { AppServices } from '../../graphql/context';
import { restRoute } from '../../http/rest-errors';
import { receiveEvidence } from '../evidence/evidence-upload';
import { evidenceView } from '../evidence/evidence.types';
import { scopeOfAccessCode } from '../statements/access-code-lookup';
import { limitEntityWrites } from '../statements/entity-limits';
import { addRectificationFile, precheckRectificationFile } from './rectification-entity.service';

/** The code travels in a header, never in the URL. */
function codeOf(req: Request): string {
  const value = req.headers['x-access-code'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The entity adds a file to its rectification report by its access code (multipart, field `file`), with the evidence upload's limits. */
export function registerRectificationRoutes(web: express.Express, app: AppServices): void {
  web.post(
    '/api/entity-records/rectification/files',
    restRoute(app, async (req, res) => {
      const scope = await scopeOfAccessCode(app, req.ip ?? null, codeOf(req));
      await limitEntityWrites(app, scope, req.ip ?? null);
      await precheckRectificationFile(app, scope);
      const file = await receiveEvidence(req, app.config.evidence.maxFileBytes);
      try {
        const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null;
        const row = await addRectificationFile(app, scope, file, requestId);
        res.status(201).json(evidenceView(row, 'entity'));
      } finally {
        await fs.rm(file.tempPath, { force: true });
      }
    }),
  );
}
