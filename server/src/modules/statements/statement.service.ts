import { In, Not, IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid, toGlobalId, type Role } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { AppError, badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { viewerReadsEvidence } from '../evidence/evidence-reads';
import { assertTeamMember, viewerInspectorId } from '../inspections/inspection-access';
import { Inspection } from '../inspections/inspection.entity';
import { InspectionStatement, StatementKind } from './statement.entity';
import { isSettled, statementView, type EntityStatement } from './statement.types';
import { noticeOfAnswer } from './statement-notices';

const MAX_ANSWER = 5000;
/** Those who follow the entity's statements across the bureau (the office above all, for late objections). */
export const STATEMENT_OVERSEERS: Role[] = ['OFFICE', 'LEADER', 'SUPERVISOR', 'DEPARTMENT_HEAD'];

/** The submitted statements of the record and of the records it corrects (same access code), with attachments. */
export async function statementsOfRecord(m: EntityManager, record: Inspection): Promise<EntityStatement[]> {
  const rows = (await m.query(
    `SELECT s.id FROM inspection_statements s JOIN inspections i ON i.id = s.inspection_id
      WHERE i.access_code_hash = $1 AND i.created_at <= (SELECT created_at FROM inspections WHERE id = $2)
        AND s.submitted_at IS NOT NULL ORDER BY s.submitted_at, s.id`,
    [record.accessCodeHash, record.id],
  )) as { id: string }[];
  return views(
    m,
    rows.map((r) => r.id),
  );
}

export async function views(m: EntityManager, ids: string[]): Promise<EntityStatement[]> {
  if (!ids.length) return [];
  const statements = await m.findBy(InspectionStatement, { id: In(ids) });
  const files = await m.find(EvidenceFile, { where: { statementId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  const byId = new Map(statements.map((s) => [s.id, s]));
  return ids.map((id) => statementView(byId.get(id)!, files, 'staff'));
}

/**
 * The rule `inspection.objections`: every objection made on this record's code must be answered, and
 * re-checked when the team decided to, before the record is submitted or passes review.
 */
export async function assertObjectionsSettled(m: EntityManager, record: Inspection): Promise<void> {
  const open = (await m.query(
    `SELECT s.id, s.answered_at, s.recheck_required FROM inspection_statements s JOIN inspections i ON i.id = s.inspection_id
      WHERE i.access_code_hash = $1 AND s.kind = 'OBJECTION' AND s.submitted_at IS NOT NULL
        AND (s.answered_at IS NULL OR (s.recheck_required AND s.rechecked_at IS NULL))`,
    [record.accessCodeHash],
  )) as { id: string; answered_at: Date | null; recheck_required: boolean }[];
  if (!open.length) return;
  const unanswered = open.filter((s) => !s.answered_at).length;
  const message = unanswered
    ? `检查对象提出的异议尚有 ${unanswered} 项未答复，答复后方可提交或审核通过`
    : `检查对象提出的异议尚有 ${open.length} 项决定复核但未记录复核结果`;
  throw new AppError('RULE_VIOLATION', message, { rule: 'inspection.objections', statements: open.map((s) => toGlobalId('InspectionStatement', s.id)) });
}

async function loadForTeam(ctx: RequestContext, m: EntityManager, globalId: string): Promise<{ statement: InspectionStatement; record: Inspection }> {
  const id = fromGlobalUuid(globalId, 'InspectionStatement');
  const tenantId = requireViewer(ctx).tenantId;
  const statement = id
    ? await m.createQueryBuilder(InspectionStatement, 's').where('s.tenant_id = :t AND s.id = :id', { t: tenantId, id }).setLock('pessimistic_write').getOne()
    : null;
  if (!statement || !statement.submittedAt) throw notFound('陈述申辩');
  const record = await m.findOneByOrFail(Inspection, { tenantId, id: statement.inspectionId });
  // The team of the record it was made on, or of the newest record with the same code (a correction's team).
  const newest = await m.findOne(Inspection, { where: { accessCodeHash: record.accessCodeHash }, order: { createdAt: 'DESC' } });
  try {
    await assertTeamMember(ctx, m, record);
  } catch (error) {
    if (!newest || newest.id === record.id) throw error;
    await assertTeamMember(ctx, m, newest);
  }
  return { statement, record };
}

async function displayName(ctx: RequestContext, m: EntityManager): Promise<string> {
  const viewer = requireViewer(ctx);
  const [user] = (await m.query('SELECT display_name FROM users WHERE id = $1', [viewer.userId])) as { display_name: string }[];
  return user?.display_name ?? viewer.username;
}

/** A team member answers the entity; `recheck` says the team will re-check what the entity disputes. */
export async function answerStatement(ctx: RequestContext, globalId: string, answer: string, recheck: boolean): Promise<EntityStatement> {
  const viewer = requireViewer(ctx);
  const text = answer.trim();
  if (!text || text.length > MAX_ANSWER) throw badInput([{ field: 'answer', message: `请填写答复（不超过 ${MAX_ANSWER} 字）` }]);
  return tenantTx(ctx, async (m) => {
    const { statement, record } = await loadForTeam(ctx, m, globalId);
    if (statement.answeredAt) throw conflict('该陈述申辩已答复');
    const changes = { answer: text, answeredBy: viewer.userId, answeredByName: await displayName(ctx, m), answeredAt: new Date(), recheckRequired: recheck };
    await m.update(InspectionStatement, { tenantId: statement.tenantId, id: statement.id }, changes);
    await appendAudit(m, actorOf(ctx), {
      action: 'statement.answer',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', statement.inspectionId),
      after: { statement: globalId, answer: text, recheck },
    });
    await noticeOfAnswer(m, record, text, viewer.userId);
    return (await views(m, [statement.id]))[0]!;
  });
}

/** A team member records what the re-check found. */
export async function recordRecheck(ctx: RequestContext, globalId: string, result: string): Promise<EntityStatement> {
  const viewer = requireViewer(ctx);
  const text = result.trim();
  if (!text || text.length > MAX_ANSWER) throw badInput([{ field: 'result', message: `请填写复核结果（不超过 ${MAX_ANSWER} 字）` }]);
  return tenantTx(ctx, async (m) => {
    const { statement } = await loadForTeam(ctx, m, globalId);
    if (!statement.answeredAt || !statement.recheckRequired) throw ruleViolation('statement.recheck', '只有答复时决定复核的陈述申辩需要记录复核结果');
    if (statement.recheckedAt) throw conflict('复核结果已记录');
    await m.update(
      InspectionStatement,
      { tenantId: statement.tenantId, id: statement.id },
      { recheckResult: text, recheckedBy: viewer.userId, recheckedAt: new Date() },
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'statement.recheck',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', statement.inspectionId),
      after: { statement: globalId, result: text },
    });
    return (await views(m, [statement.id]))[0]!;
  });
}

/** Statements for whoever reads the record's evidence; null for others (as the evidence list). */
export async function recordStatementsFor(ctx: RequestContext, record: Inspection): Promise<EntityStatement[] | null> {
  if (!(await viewerReadsEvidence(ctx, record))) return null;
  return readTx(ctx, (m) => statementsOfRecord(m, record));
}

export interface StatementFilter {
  /** Only those the viewer's team answers: on a record, or a correction of it, whose team the viewer is in. */
  mine?: boolean | null;
  open?: boolean | null;
  afterPublication?: boolean | null;
  kind?: StatementKind | null;
}

/** The bureau's submitted statements, newest first: what is still open, what came after publication. */
export async function bureauStatements(ctx: RequestContext, m: EntityManager, filter: StatementFilter) {
  const viewer = requireViewer(ctx);
  const query = m
    .createQueryBuilder(InspectionStatement, 's')
    .where({ submittedAt: Not(IsNull()) })
    .orderBy('s.submitted_at', 'DESC')
    .addOrderBy('s.id');
  if (filter.mine) {
    // The team of the record it was made on, or of a newer record with the same code (as loadForTeam).
    const me = (await viewerInspectorId(ctx, m)) ?? '00000000-0000-0000-0000-000000000000';
    query.andWhere(
      `EXISTS (SELECT 1 FROM inspections r JOIN inspections c ON c.access_code_hash = r.access_code_hash
                WHERE r.id = s.inspection_id AND :me = ANY(c.team_ids))`,
      { me },
    );
  } else if (!viewer.roles.some((r) => STATEMENT_OVERSEERS.includes(r))) {
    throw forbidden('只有领导小组办公室、部门负责人、分管领导或纪检监督可以查看全部陈述申辩');
  }
  if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
  if (filter.afterPublication != null) query.andWhere('s.after_publication = :after', { after: filter.afterPublication });
  if (filter.open === true) query.andWhere('(s.answered_at IS NULL OR (s.recheck_required AND s.rechecked_at IS NULL))');
  if (filter.open === false) query.andWhere('(s.answered_at IS NOT NULL AND (NOT s.recheck_required OR s.rechecked_at IS NOT NULL))');
  return query;
}

/** A page of `bureauStatements` with their attachments, in the request's reads. */
export function listBureauStatements(ctx: RequestContext, filter: StatementFilter & PageArgs) {
  return readTx(ctx, async (m) => {
    const page = await paginate(await bureauStatements(ctx, m, filter), filter);
    const rows = await views(
      m,
      page.edges.map((e) => e.node.id),
    );
    return { ...page, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: rows[i]! })) };
  });
}
