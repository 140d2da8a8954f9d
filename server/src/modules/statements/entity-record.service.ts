import crypto from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import type { AppServices } from '../../graphql/context';
import { badInput, notFound, ruleViolation } from '../../graphql/errors';
import { appendAudit, type AuditActor } from '../audit/audit.service';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import type { ReceivedEvidence } from '../evidence/evidence-upload';
import { storeEvidence, teamEvidence } from '../evidence/evidence.service';
import { evidenceView } from '../evidence/evidence.types';
import { Inspection, InspectionStatus } from '../inspections/inspection.entity';
import { todayInChina } from '../inspections/inspection-deadlines';
import { resultCategoryOf } from '../inspections/result-categories';
import { InspectionItem } from '../items/inspection-item.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { jointRecordParts } from '../joint/joint-record-parts';
import type { CodeScope } from './access-code-lookup';
import { assertAttachmentQuota, assertStatementQuota } from './entity-limits';
import { InspectionStatement, StatementKind } from './statement.entity';
import { EntityRecordView, recordVersion, statementView, type EntityStatement } from './statement.types';
import { entityDrawLine } from './entity-draw-line';
import { noticeOfStatement } from './statement-notices';

export const MAX_BODY = 5000;
export const MAX_ATTACHMENTS = 10;

/** Every record holding the code: the original and its corrections, oldest first. */
export function recordsOfCode(m: EntityManager, codeHash: string): Promise<Inspection[]> {
  return m.find(Inspection, { where: { accessCodeHash: codeHash }, order: { createdAt: 'ASC', id: 'ASC' } });
}

function entityActor(scope: CodeScope, requestId: string | null): AuditActor {
  return { tenantId: scope.tenantId, userId: null, username: null, requestId };
}

async function statementsWithFiles(m: EntityManager, statements: InspectionStatement[]): Promise<EntityStatement[]> {
  const files = statements.length
    ? await m.find(EvidenceFile, { where: { statementId: In(statements.map((s) => s.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
    : [];
  return statements.map((s) => statementView(s, files, 'entity'));
}

/** What the entity sees: the newest record with its history, its statements and the answers, and, once published, the evidence. */
export function readEntityRecord(app: AppServices, scope: CodeScope): Promise<EntityRecordView> {
  return inTenant(app.db, scope.tenantId, async (m) => {
    const chain = await recordsOfCode(m, scope.codeHash);
    const record = chain.find((r) => r.id === scope.inspectionId) ?? chain[chain.length - 1]!;
    const [bureau] = (await m.query('SELECT coalesce(display_name, name) AS name FROM tenants WHERE id = $1', [scope.tenantId])) as { name: string }[];
    const items = new Map((await m.findBy(InspectionItem, { id: In(record.itemIds) })).map((i) => [i.id, i.name]));
    const team = new Map((await m.findBy(Inspector, { id: In(record.teamIds) })).map((i) => [i.id, i.name]));
    const statements = await m.find(InspectionStatement, {
      where: { inspectionId: In(chain.map((r) => r.id)) },
      order: { submittedAt: 'ASC', createdAt: 'ASC' },
    });
    const views = await statementsWithFiles(m, statements);
    const published = chain.filter((r) => r.status === InspectionStatus.PUBLISHED);
    const evidence = (await Promise.all(published.map((r) => teamEvidence(m, r.id)))).flat().map((f) => evidenceView(f, 'entity'));
    const result = async (r: Inspection) => (r.resultCategory ? resultCategoryOf(m, r.resultCategory) : null);
    const history = await Promise.all(
      chain
        .filter((r) => r.id !== record.id)
        .reverse()
        .map(async (r) => recordVersion(r, await result(r))),
    );
    return Object.assign(new EntityRecordView(), {
      ...recordVersion(record, await result(record)),
      bureau: bureau?.name ?? '',
      entityName: record.entityName,
      entityUscc: record.entityUscc,
      items: record.itemIds.map((id) => items.get(id)).filter((n): n is string => !!n),
      team: record.teamIds.map((id) => team.get(id)).filter((n): n is string => !!n),
      statements: views.filter((v) => v.submittedAt !== null),
      draft: views.find((v) => v.submittedAt === null) ?? null,
      evidence,
      history,
      jointParts: await jointRecordParts(m, record, scope.tenantId, false),
      drawLine: await entityDrawLine(m, record, record.entityUscc),
    });
  });
}

function checkBody(body: string, required: boolean): string {
  const text = body.trim();
  if (required && !text) throw badInput([{ field: 'body', message: '请写明陈述申辩的内容' }]);
  if (text.length > MAX_BODY) throw badInput([{ field: 'body', message: `不超过 ${MAX_BODY} 字` }]);
  return text;
}

/** The newest record of the code, locked: the entity's writes (drafts, submissions, uploads) queue up on it. */
function lockNewest(m: EntityManager, scope: CodeScope): Promise<Inspection> {
  return m
    .createQueryBuilder(Inspection, 'i')
    .where('i.tenant_id = :t AND i.id = :id', { t: scope.tenantId, id: scope.inspectionId })
    .setLock('pessimistic_write')
    .getOneOrFail();
}

/** The chain's one open draft, locked; the newest record is locked first, so drafts and submissions queue up. */
async function lockedDraft(m: EntityManager, scope: CodeScope): Promise<{ record: Inspection; draft: InspectionStatement | null; chain: string[] }> {
  const record = await lockNewest(m, scope);
  const chain = (await recordsOfCode(m, scope.codeHash)).map((r) => r.id);
  const draft = await m
    .createQueryBuilder(InspectionStatement, 's')
    .where('s.tenant_id = :t AND s.inspection_id IN (:...chain) AND s.submitted_at IS NULL', { t: scope.tenantId, chain })
    .setLock('pessimistic_write')
    .getOne();
  return { record, draft, chain };
}

/** Starts (or rewrites) the entity's draft, to which attachments are then uploaded. */
export function saveStatementDraft(app: AppServices, scope: CodeScope, kind: StatementKind, body: string): Promise<EntityStatement> {
  const text = checkBody(body, false);
  return inTenant(app.db, scope.tenantId, async (m) => {
    const { record, draft } = await lockedDraft(m, scope);
    let id = draft?.id;
    if (draft) await m.update(InspectionStatement, { tenantId: draft.tenantId, id: draft.id }, { kind, body: text });
    else {
      id = crypto.randomUUID();
      await m.insert(InspectionStatement, { tenantId: scope.tenantId, id, inspectionId: record.id, kind, body: text, submittedAt: null });
    }
    const row = await m.findOneByOrFail(InspectionStatement, { tenantId: scope.tenantId, id });
    return (await statementsWithFiles(m, [row]))[0]!;
  });
}

/**
 * Submits the entity's statement or objection, with the draft's attachments (sealed now). Always
 * accepted: after the report was due it is flagged `afterReportDue` (the deadline binds the inspectors,
 * not the entity); after publication it is flagged `afterPublication` for the office.
 */
export function submitStatement(app: AppServices, scope: CodeScope, kind: StatementKind, body: string, requestId: string | null): Promise<EntityStatement> {
  const text = checkBody(body, true);
  return inTenant(app.db, scope.tenantId, async (m) => {
    const { record: newest, draft, chain } = await lockedDraft(m, scope);
    await assertStatementQuota(app, m, scope, chain);
    const record = draft && draft.inspectionId !== newest.id ? await m.findOneByOrFail(Inspection, { id: draft.inspectionId }) : newest;
    const now = new Date();
    const flags = {
      kind,
      body: text,
      submittedAt: now,
      afterReportDue: record.reportDueOn !== null && todayInChina(now) > record.reportDueOn,
      afterPublication: record.status === InspectionStatus.PUBLISHED,
    };
    const id = draft?.id ?? crypto.randomUUID();
    if (draft) await m.update(InspectionStatement, { tenantId: draft.tenantId, id }, flags);
    else await m.insert(InspectionStatement, { tenantId: scope.tenantId, id, inspectionId: record.id, ...flags });
    await m.update(EvidenceFile, { statementId: id, sealedAt: IsNull() }, { sealedAt: now });
    const row = await m.findOneByOrFail(InspectionStatement, { tenantId: scope.tenantId, id });
    const [view] = await statementsWithFiles(m, [row]);
    await appendAudit(m, entityActor(scope, requestId), {
      action: 'statement.submit',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      after: {
        statement: view!.id,
        kind,
        by: 'entity',
        afterReportDue: flags.afterReportDue,
        afterPublication: flags.afterPublication,
        attachments: view!.attachments.map((a) => a.sha256),
      },
    });
    await noticeOfStatement(m, record, kind, text);
    return view!;
  });
}

async function draftForAttachment(m: EntityManager, scope: CodeScope, statementGlobalId: string, lock: boolean): Promise<InspectionStatement> {
  const id = fromGlobalUuid(statementGlobalId, 'InspectionStatement');
  if (lock) await lockNewest(m, scope);
  const chain = (await recordsOfCode(m, scope.codeHash)).map((r) => r.id);
  const query = m
    .createQueryBuilder(InspectionStatement, 's')
    .where('s.tenant_id = :t AND s.id = :id AND s.inspection_id IN (:...chain)', { t: scope.tenantId, id, chain });
  if (lock) query.setLock('pessimistic_write');
  const statement = id ? await query.getOne() : null;
  if (!statement) throw notFound('陈述申辩');
  if (statement.submittedAt) throw ruleViolation('statement.submitted', '陈述申辩已提交，附件已封存，不能再添加');
  return statement;
}

/** Checked before the upload is received (and again, under the locks, when it is stored). */
export function precheckAttachment(app: AppServices, scope: CodeScope, statementGlobalId: string): Promise<unknown> {
  return inTenant(app.db, scope.tenantId, async (m) => attachmentPlace(app, m, scope, statementGlobalId, false));
}

/** The draft a file goes to, if the code may add one more file to it. */
async function attachmentPlace(app: AppServices, m: EntityManager, scope: CodeScope, statementGlobalId: string, lock: boolean): Promise<InspectionStatement> {
  const statement = await draftForAttachment(m, scope, statementGlobalId, lock);
  if ((await m.countBy(EvidenceFile, { statementId: statement.id })) >= MAX_ATTACHMENTS) {
    throw ruleViolation('statement.attachments', `每份陈述申辩最多 ${MAX_ATTACHMENTS} 个附件`);
  }
  await assertAttachmentQuota(
    app,
    m,
    scope,
    (await recordsOfCode(m, scope.codeHash)).map((r) => r.id),
    statement.inspectionId,
  );
  return statement;
}

export function addStatementAttachment(
  app: AppServices,
  scope: CodeScope,
  statementGlobalId: string,
  file: ReceivedEvidence,
  requestId: string | null,
): Promise<EvidenceFile> {
  return storeEvidence(
    app,
    scope.tenantId,
    file,
    async (m) => {
      const statement = await attachmentPlace(app, m, scope, statementGlobalId, true);
      return { inspectionId: statement.inspectionId, statementId: statement.id, uploadedByUser: null, uploadedByEntity: true };
    },
    (m, row) =>
      appendAudit(m, entityActor(scope, requestId), {
        action: 'statement.attach',
        objectType: 'Inspection',
        objectId: toGlobalId('Inspection', row.inspectionId),
        after: {
          statement: toGlobalId('InspectionStatement', row.statementId!),
          file: toGlobalId('EvidenceFile', row.id),
          fileName: row.fileName,
          size: row.size,
          sha256: row.sha256,
          by: 'entity',
        },
      }),
  );
}

/** The entity downloads its own attachments (statements, rectification reports), and the team's evidence of its published records. */
export function entityFile(app: AppServices, scope: CodeScope, fileGlobalId: string): Promise<EvidenceFile> {
  return inTenant(app.db, scope.tenantId, async (m) => {
    const id = fromGlobalUuid(fileGlobalId, 'EvidenceFile');
    const file = id ? await m.findOneBy(EvidenceFile, { id }) : null;
    const record = file ? (await recordsOfCode(m, scope.codeHash)).find((r) => r.id === file.inspectionId) : undefined;
    if (!file || !record) throw notFound('证据文件');
    if (!file.statementId && !file.rectificationId && record.status !== InspectionStatus.PUBLISHED) throw notFound('证据文件');
    return file;
  });
}
