import fs from 'node:fs/promises';
import type express from 'express';
import type { Request } from 'express';
import type { AppServices } from '../../graphql/context';
import { sendEvidence } from '../evidence/evidence-download';
import { restRoute } from '../../http/rest-errors';
import { receiveEvidence } from '../evidence/evidence-upload';
import { evidenceView } from '../evidence/evidence.types';
import { scopeOfAccessCode } from './access-code-lookup';
import { limitEntityWrites } from './entity-limits';
import { addStatementAttachment, entityFile, precheckAttachment } from './entity-record.service';

/** The code travels in a header, never in the URL (where it would end up in logs and histories). */
function codeOf(req: Request): string {
  const value = req.headers['x-access-code'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function requestIdOf(req: Request): string | null {
  return typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null;
}

/** The entity's files, by its access code: attachments to its draft statement, and downloads. */
export function registerEntityRecordRoutes(web: express.Express, app: AppServices): void {
  web.post(
    '/api/entity-records/statements/:id/attachments',
    restRoute(app, async (req, res) => {
      const scope = await scopeOfAccessCode(app, req.ip ?? null, codeOf(req));
      await limitEntityWrites(app, scope, req.ip ?? null);
      await precheckAttachment(app, scope, String(req.params.id));
      const file = await receiveEvidence(req, app.config.evidence.maxFileBytes);
      try {
        const row = await addStatementAttachment(app, scope, String(req.params.id), file, requestIdOf(req));
        res.status(201).json(evidenceView(row, 'entity'));
      } finally {
        await fs.rm(file.tempPath, { force: true });
      }
    }),
  );

  web.get(
    '/api/entity-records/evidence/:id',
    restRoute(app, async (req, res) => {
      const scope = await scopeOfAccessCode(app, req.ip ?? null, codeOf(req));
      await sendEvidence(app, res, await entityFile(app, scope, String(req.params.id)));
    }),
  );
}
