import fs from 'node:fs/promises';
import type express from 'express';
import { fromGlobalUuid } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { tenantTx } from '../../graphql/context';
import { notFound, forbidden } from '../../graphql/errors';
import { signedInContext } from '../imports/http-support';
import { Inspection } from '../inspections/inspection.entity';
import { Rectification } from '../rectifications/rectification.entity';
import { sendEvidence } from './evidence-download';
import { EvidenceFile } from './evidence-file.entity';
import { restRoute } from '../../http/rest-errors';
import { receiveEvidence } from './evidence-upload';
import { addTeamEvidence, mayReadEvidence, precheckTeamUpload } from './evidence.service';
import { evidenceView } from './evidence.types';
import { fieldMetadata } from './field-metadata';

/** The team uploads a record's evidence (multipart, field `file`); staff of the bureau download it. */
export function registerEvidenceRoutes(web: express.Express, app: AppServices): void {
  web.post(
    '/api/inspections/:id/evidence',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      await precheckTeamUpload(ctx, String(req.params.id));
      const file = await receiveEvidence(req, app.config.evidence.maxFileBytes);
      try {
        const meta = fieldMetadata(file.fields);
        const row = await addTeamEvidence(ctx, String(req.params.id), file, meta);
        // A retry with the key of an earlier upload is answered with that upload's row (the same id).
        res.status(201).json(evidenceView(row, 'staff'));
      } finally {
        await fs.rm(file.tempPath, { force: true });
      }
    }),
  );

  web.get(
    '/api/evidence/:id',
    restRoute(app, async (req, res) => {
      const ctx = await signedInContext(app, req);
      const file = await tenantTx(ctx, async (m) => {
        const id = fromGlobalUuid(String(req.params.id), 'EvidenceFile');
        const row = id ? await m.findOneBy(EvidenceFile, { id }) : null;
        const record = row ? await m.findOneBy(Inspection, { id: row.inspectionId }) : null;
        if (!row || !record) throw notFound('证据文件');
        // An entity's attachment of a draft statement is not yet part of the record.
        if (row.statementId && !row.sealedAt) throw notFound('证据文件');
        const recheckTeam = row.rectificationId
          ? ((await m.findOneBy(Rectification, { tenantId: row.tenantId, id: row.rectificationId }))?.recheckTeamIds ?? [])
          : [];
        if (!(await mayReadEvidence(ctx, m, { teamIds: [...record.teamIds, ...recheckTeam] })))
          throw forbidden('只有检查组、检查部门负责人、分管领导、纪检监督和领导小组办公室可以查看证据');
        return row;
      });
      await sendEvidence(app, res, file);
    }),
  );
}
