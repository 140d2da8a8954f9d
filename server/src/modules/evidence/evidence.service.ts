import crypto from 'node:crypto';
import fs from 'node:fs';
import { IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid, toGlobalId, type Role } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import { requireViewer, tenantTx, type AppServices, type RequestContext } from '../../graphql/context';
import { forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { digestOf } from '../../storage/digest-stream';
import { storageOf } from '../../storage';
import { actorOf, appendAudit } from '../audit/audit.service';
import { assertTeamMember, isTeamMember, loadInspection } from '../inspections/inspection-access';
import { Inspection, InspectionStatus } from '../inspections/inspection.entity';
import { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_READERS } from './evidence-reads';
import type { ReceivedEvidence } from './evidence-upload';
import type { FieldMetadata } from './field-metadata';
import { EvidenceCheck, evidenceView, type EvidenceVerification } from './evidence.types';

const VERIFIERS: Role[] = ['OFFICE', 'LEADER', 'SUPERVISOR'];
const OPEN = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];
export const MAX_FILES_PER_RECORD = 200;

export async function mayReadEvidence(ctx: RequestContext, m: EntityManager, record: Pick<Inspection, 'teamIds'>): Promise<boolean> {
  const viewer = requireViewer(ctx);
  return viewer.roles.some((r) => EVIDENCE_READERS.includes(r)) || (await isTeamMember(ctx, m, record));
}

export function evidenceKey(tenantId: string, id: string): string {
  return `evidence/${tenantId}/${id}`;
}

type Owner = Pick<EvidenceFile, 'inspectionId' | 'statementId' | 'uploadedByUser' | 'uploadedByEntity'> &
  Partial<Pick<EvidenceFile, 'rectificationId' | 'sealedAt' | 'takenAt' | 'latitude' | 'longitude' | 'positionAccuracy' | 'clientKey'>>;

/** Thrown by `attach` when the upload's key was stored before: the earlier row is the answer. */
class AlreadyStored extends Error {
  constructor(readonly row: EvidenceFile) {
    super('already stored');
  }
}

/**
 * Stores a received file and its row as one step: `attach` checks (under the tenant's RLS, holding its
 * locks) where the file goes; the object is written, then the row; if anything fails, the object is
 * removed again, so there is never a row without its file nor a file without its row.
 */
export async function storeEvidence(
  app: AppServices,
  tenantId: string,
  file: ReceivedEvidence,
  attach: (m: EntityManager) => Promise<Owner>,
  audit: (m: EntityManager, row: EvidenceFile) => Promise<unknown>,
): Promise<EvidenceFile> {
  const storage = storageOf(app.config);
  const id = crypto.randomUUID();
  const key = evidenceKey(tenantId, id);
  let stored = false;
  try {
    return await inTenant(app.db, tenantId, async (m) => {
      const owner = await attach(m);
      const written = await storage.put(key, fs.createReadStream(file.tempPath), { contentType: file.type.contentType, size: file.size });
      stored = true;
      if (written.sha256 !== file.sha256) throw new Error('the spooled upload changed before it was stored');
      await m.insert(EvidenceFile, {
        tenantId,
        id,
        sealedAt: null,
        ...owner,
        fileName: file.fileName,
        contentType: file.type.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: key,
      });
      const row = await m.findOneByOrFail(EvidenceFile, { tenantId, id });
      await audit(m, row);
      return row;
    });
  } catch (error) {
    if (error instanceof AlreadyStored) return error.row;
    if (stored) await storage.delete(key).catch((e: unknown) => app.log.error({ err: e, key }, 'could not remove an evidence object after a failed upload'));
    throw error;
  }
}

/** The team adds evidence while the record is open (a draft, or returned for changes). */
async function assertTeamMayAdd(ctx: RequestContext, m: EntityManager, record: Inspection): Promise<void> {
  await assertTeamMember(ctx, m, record);
  if (!OPEN.includes(record.status)) throw ruleViolation('evidence.sealed', '检查记录已提交，证据已封存，不能再添加或删除');
}

/** Checked before the body is read, so a refused upload is not received first; checked again when storing. */
export async function precheckTeamUpload(ctx: RequestContext, inspectionGlobalId: string): Promise<void> {
  await tenantTx(ctx, async (m) => assertTeamMayAdd(ctx, m, await loadInspection(ctx, m, inspectionGlobalId)));
}

/**
 * Adds a team's file with its metadata. With a client key, a retry (the first answer lost) finds the
 * row stored under that key and returns it: one photo however often it is sent. The record's lock
 * orders two retries of one key, so the second sees the first's row.
 */
export async function addTeamEvidence(
  ctx: RequestContext,
  inspectionGlobalId: string,
  file: ReceivedEvidence,
  meta: FieldMetadata = { takenAt: null, latitude: null, longitude: null, positionAccuracy: null, clientKey: null },
): Promise<EvidenceFile> {
  const viewer = requireViewer(ctx);
  return storeEvidence(
    ctx.app,
    viewer.tenantId,
    file,
    async (m) => {
      // The record's row lock orders this against SUBMIT, which seals what is there.
      const record = await loadInspection(ctx, m, inspectionGlobalId, true);
      if (meta.clientKey) {
        const earlier = await m.findOneBy(EvidenceFile, { tenantId: record.tenantId, inspectionId: record.id, clientKey: meta.clientKey });
        if (earlier) {
          await assertTeamMember(ctx, m, record);
          throw new AlreadyStored(earlier);
        }
      }
      await assertTeamMayAdd(ctx, m, record);
      if ((await m.countBy(EvidenceFile, { inspectionId: record.id })) >= MAX_FILES_PER_RECORD) {
        throw ruleViolation('evidence.count', `每份检查记录最多 ${MAX_FILES_PER_RECORD} 个证据文件（含检查对象上传的附件）`);
      }
      return { inspectionId: record.id, statementId: null, uploadedByUser: viewer.userId, uploadedByEntity: false, ...meta };
    },
    (m, row) =>
      appendAudit(m, actorOf(ctx), {
        action: 'evidence.add',
        objectType: 'Inspection',
        objectId: toGlobalId('Inspection', row.inspectionId),
        after: {
          file: toGlobalId('EvidenceFile', row.id),
          fileName: row.fileName,
          contentType: row.contentType,
          size: row.size,
          sha256: row.sha256,
          ...(row.takenAt ? { takenAt: row.takenAt.toISOString() } : {}),
          ...(row.latitude !== null ? { latitude: row.latitude, longitude: row.longitude } : {}),
        },
      }),
  );
}

/** The team removes a file it added, while the record is open and the file unsealed. */
export async function removeEvidence(ctx: RequestContext, globalId: string): Promise<boolean> {
  const row = await tenantTx(ctx, async (m) => {
    const id = fromGlobalUuid(globalId, 'EvidenceFile');
    const file = id ? await m.findOneBy(EvidenceFile, { id }) : null;
    if (!file || file.statementId || file.rectificationId) throw notFound('证据文件');
    const record = await loadInspection(ctx, m, toGlobalId('Inspection', file.inspectionId), true);
    await assertTeamMayAdd(ctx, m, record);
    if (file.sealedAt) throw ruleViolation('evidence.sealed', '证据已封存，不能删除');
    await m.delete(EvidenceFile, { tenantId: file.tenantId, id: file.id });
    await appendAudit(m, actorOf(ctx), {
      action: 'evidence.remove',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', file.inspectionId),
      before: { file: globalId, fileName: file.fileName, sha256: file.sha256 },
    });
    return file;
  });
  await storageOf(ctx.app.config)
    .delete(row.storageKey)
    .catch((e: unknown) => ctx.app.log.error({ err: e, key: row.storageKey }, 'could not remove an evidence object'));
  return true;
}

/** On submission the team's files are sealed (in the submitting transaction): from then on they stay. */
export async function sealInspectionEvidence(m: EntityManager, record: Pick<Inspection, 'tenantId' | 'id'>): Promise<void> {
  await m.query(
    `UPDATE evidence_files SET sealed_at = now() WHERE tenant_id = $1 AND inspection_id = $2 AND statement_id IS NULL AND rectification_id IS NULL AND sealed_at IS NULL`,
    [record.tenantId, record.id],
  );
}

/** The team's files of a record, oldest first. */
export function teamEvidence(m: EntityManager, inspectionId: string): Promise<EvidenceFile[]> {
  return m.find(EvidenceFile, { where: { inspectionId, statementId: IsNull(), rectificationId: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/**
 * Re-hashes every stored file of the record (the team's and the entity's attachments) against the hash
 * taken at upload. A failed check is written to the audit chain.
 */
export async function verifyInspectionEvidence(ctx: RequestContext, inspectionGlobalId: string): Promise<EvidenceVerification> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.some((r) => VERIFIERS.includes(r))) throw forbidden('只有领导小组办公室、分管领导或纪检监督可以校验证据');
  const { record, files } = await tenantTx(ctx, async (m) => {
    const found = await loadInspection(ctx, m, inspectionGlobalId);
    return { record: found, files: await m.find(EvidenceFile, { where: { inspectionId: found.id }, order: { createdAt: 'ASC', id: 'ASC' } }) };
  });
  const storage = storageOf(ctx.app.config);
  const results = [];
  for (const file of files) {
    const stream = await storage.get(file.storageKey);
    const actual = stream ? (await digestOf(stream)).sha256 : null;
    const status = actual === null ? EvidenceCheck.MISSING : actual === file.sha256 ? EvidenceCheck.OK : EvidenceCheck.MISMATCH;
    results.push({ file: evidenceView(file, 'staff'), status, actualSha256: actual });
  }
  const failed = results.filter((r) => r.status !== EvidenceCheck.OK);
  await tenantTx(ctx, (m) =>
    appendAudit(m, actorOf(ctx), {
      action: failed.length ? 'evidence.verification_failed' : 'evidence.verified',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      after: {
        checked: results.length,
        failed: failed.map((r) => ({ file: r.file.id, fileName: r.file.fileName, status: r.status, expected: r.file.sha256, actual: r.actualSha256 })),
      },
    }),
  );
  return { ok: failed.length === 0, checkedAt: new Date(), files: results };
}
