import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import { readTx, requireViewer, type AppServices, type RequestContext } from '../../graphql/context';
import { badInput, notFound, ruleViolation } from '../../graphql/errors';
import { appendAudit } from '../audit/audit.service';
import { todayInChina } from '../inspections/inspection-deadlines';
import type { CodeScope } from '../statements/access-code-lookup';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { storeEvidence } from '../evidence/evidence.service';
import type { ReceivedEvidence } from '../evidence/evidence-upload';
import { recordsOfCode } from '../statements/entity-record.service';
import { assertAttachmentQuota } from '../statements/entity-limits';
import { Rectification, RectificationStatus } from './rectification.entity';
import { noticeOfRectificationReport } from './rectification-notices';

const MAX_REPORT = 5000;
/** Files of one rectification report, as for a statement. */
export const MAX_REPORT_FILES = 10;

/** The newest rectification ordered on the code's records (a correction keeps the code), or null. */
async function rectificationOfCode(m: EntityManager, scope: CodeScope, lock: boolean): Promise<Rectification | null> {
  const query = m
    .createQueryBuilder(Rectification, 'r')
    .where(`r.tenant_id = :t AND r.inspection_id IN (SELECT i.id FROM inspections i WHERE i.tenant_id = :t AND i.access_code_hash = :h)`, {
      t: scope.tenantId,
      h: scope.codeHash,
    })
    .orderBy('r.created_at', 'DESC')
    .limit(1);
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

export function readEntityRectification(app: AppServices, scope: CodeScope): Promise<Rectification | null> {
  return inTenant(app.db, scope.tenantId, (m) => rectificationOfCode(m, scope, false));
}

/**
 * The entity reports how it rectified, through its access code: until the team re-checks, it may report
 * again (the latest report stands). A report after the deadline is accepted and stays visibly late.
 */
export function reportEntityRectification(app: AppServices, scope: CodeScope, body: string, requestId: string | null): Promise<Rectification> {
  const text = body?.trim() ?? '';
  if (!text) throw badInput([{ field: 'body', message: '请填写整改情况' }]);
  if (text.length > MAX_REPORT) throw badInput([{ field: 'body', message: `整改情况不超过 ${MAX_REPORT} 字` }]);
  return inTenant(app.db, scope.tenantId, async (m) => {
    const r = await rectificationOfCode(m, scope, true);
    if (!r) throw notFound('整改');
    if (r.status !== RectificationStatus.OPEN && r.status !== RectificationStatus.REPORTED) {
      throw ruleViolation('RECTIFICATION_REPORT', '整改已复查或已办结，不能再报告；如需补充，请联系检查机关');
    }
    const reportedOn = todayInChina(new Date());
    await m
      .createQueryBuilder()
      .update(Rectification)
      .set({ reportText: text, reportedOn, status: RectificationStatus.REPORTED })
      .where('tenant_id = :t AND id = :id', { t: scope.tenantId, id: r.id })
      .execute();
    await appendAudit(
      m,
      { tenantId: scope.tenantId, userId: null, username: null, requestId },
      {
        action: 'rectification.report',
        objectType: 'Rectification',
        objectId: toGlobalId('Rectification', r.id),
        after: { reportedOn, late: reportedOn > r.dueOn },
      },
    );
    await noticeOfRectificationReport(m, r, reportedOn > r.dueOn);
    return m.createQueryBuilder(Rectification, 'r').where('r.tenant_id = :t AND r.id = :id', { t: scope.tenantId, id: r.id }).getOneOrFail();
  });
}

/** The rectification a file goes to: the code's newest, still open to the entity's report, with room for one more file. */
async function fileablePlace(app: AppServices, m: EntityManager, scope: CodeScope, lock: boolean): Promise<Rectification> {
  const r = await rectificationOfCode(m, scope, lock);
  if (!r) throw notFound('整改');
  if (r.status !== RectificationStatus.OPEN && r.status !== RectificationStatus.REPORTED) {
    throw ruleViolation('RECTIFICATION_REPORT', '整改已复查或已办结，不能再上传附件；如需补充，请联系检查机关');
  }
  if ((await m.countBy(EvidenceFile, { tenantId: scope.tenantId, rectificationId: r.id })) >= MAX_REPORT_FILES) {
    throw ruleViolation('rectification.files', `每次整改报告最多 ${MAX_REPORT_FILES} 个附件`);
  }
  await assertAttachmentQuota(
    app,
    m,
    scope,
    (await recordsOfCode(m, scope.codeHash)).map((x) => x.id),
    r.inspectionId,
  );
  return r;
}

/** Checked before the upload is received (and again, under the lock, when it is stored). */
export function precheckRectificationFile(app: AppServices, scope: CodeScope): Promise<unknown> {
  return inTenant(app.db, scope.tenantId, (m) => fileablePlace(app, m, scope, false));
}

/**
 * The entity adds a file (photo, scan) to its rectification report, with the evidence upload's types and
 * size limits. It is sealed at once (it stays, and the staff see it) and listed in the report's files.
 */
export function addRectificationFile(app: AppServices, scope: CodeScope, file: ReceivedEvidence, requestId: string | null): Promise<EvidenceFile> {
  let target: Rectification | null = null;
  return storeEvidence(
    app,
    scope.tenantId,
    file,
    async (m) => {
      target = await fileablePlace(app, m, scope, true);
      return {
        inspectionId: target.inspectionId,
        statementId: null,
        rectificationId: target.id,
        uploadedByUser: null,
        uploadedByEntity: true,
        sealedAt: new Date(),
      };
    },
    async (m, row) => {
      const r = target!;
      await m
        .createQueryBuilder()
        .update(Rectification)
        .set({ reportFiles: [...(r.reportFiles ?? []), { evidenceId: row.id, fileName: row.fileName }] })
        .where('tenant_id = :t AND id = :id', { t: scope.tenantId, id: r.id })
        .execute();
      await appendAudit(
        m,
        { tenantId: scope.tenantId, userId: null, username: null, requestId },
        {
          action: 'rectification.attach',
          objectType: 'Rectification',
          objectId: toGlobalId('Rectification', r.id),
          after: { file: toGlobalId('EvidenceFile', row.id), fileName: row.fileName, size: row.size, sha256: row.sha256, by: 'entity' },
        },
      );
    },
  );
}

/** The files of rectifications, oldest first, by rectification. */
export async function rectificationFiles(m: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, EvidenceFile[]>> {
  const rows = ids.length
    ? await m
        .createQueryBuilder(EvidenceFile, 'f')
        .where('f.tenant_id = :t AND f.rectification_id IN (:...ids)', { t: tenantId, ids })
        .orderBy('f.created_at', 'ASC')
        .addOrderBy('f.id', 'ASC')
        .getMany()
    : [];
  const byId = new Map<string, EvidenceFile[]>();
  for (const f of rows) byId.set(f.rectificationId!, [...(byId.get(f.rectificationId!) ?? []), f]);
  return byId;
}

/** The files the entity uploaded to one rectification, as the bureau's staff read them. */
export async function reportFilesForStaff(ctx: RequestContext, rectificationId: string): Promise<EvidenceFile[]> {
  const tenantId = requireViewer(ctx).tenantId;
  return (await readTx(ctx, (m) => rectificationFiles(m, tenantId, [rectificationId]))).get(rectificationId) ?? [];
}

/** The files the entity uploaded to one of its rectifications, read through its access code's scope. */
export async function reportFilesForEntity(services: AppServices, scope: CodeScope, rectificationId: string): Promise<EvidenceFile[]> {
  return (await inTenant(services.db, scope.tenantId, (m) => rectificationFiles(m, scope.tenantId, [rectificationId]))).get(rectificationId) ?? [];
}
