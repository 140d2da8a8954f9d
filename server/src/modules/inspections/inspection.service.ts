import crypto from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { fromGlobalUuid, inspectionContentText, labelProblems, toGlobalId, type FieldProblem, type InspectionContent } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { parseDate } from '../inspectors/inspector-fields';
import { Draw, DrawStatus } from '../draws/draw.entity';
import { JointParticipation, JointStatus } from '../joint/joint-participant.entity';
import { jointTaskRows } from '../joint/joint-views';
import { accessCodeHash, newAccessCode } from './access-code';
import { assertTeamMember, loadInspection, viewerInspectorId } from './inspection-access';
import { InspectionConfirmation } from './inspection-confirmation.entity';
import { Inspection, InspectionStatus } from './inspection.entity';
import { reportDue, todayInChina } from './inspection-deadlines';
import { assertInspectionDate } from './inspection-dates';
import { resultCategoryOf } from './result-categories';

export type InspectionInput = Omit<InspectionContent, 'inspectedOn'> & { inspectedOn?: string | null };

const EDITABLE = [InspectionStatus.DRAFT, InspectionStatus.RETURNED];
const EMPTY: InspectionContent = { inspectedOn: null, place: null, siteConditions: null, findings: null, resultCategory: null, interviewNotes: null };

export function contentOf(record: Inspection): InspectionContent {
  return {
    inspectedOn: record.inspectedOn,
    place: record.place,
    siteConditions: record.siteConditions,
    findings: record.findings,
    resultCategory: record.resultCategory,
    interviewNotes: record.interviewNotes,
  };
}

export function contentHash(content: InspectionContent): string {
  return crypto.createHash('sha256').update(inspectionContentText(content)).digest('hex');
}

/** Office, department heads and the team open a record; inspectors outside the team do not. */
async function assertMayOpen(ctx: RequestContext, m: EntityManager, team: string[]): Promise<void> {
  const viewer = requireViewer(ctx);
  if (viewer.roles.includes('OFFICE') || viewer.roles.includes('DEPARTMENT_HEAD')) return;
  const mine = await viewerInspectorId(ctx, m);
  if (!mine || !team.includes(mine)) throw forbidden('只有检查组成员、检查部门负责人或领导小组办公室可以建立检查记录');
}

/**
 * One record per drawn entity and part, created on first open; concurrent opens get the same record. The
 * part is the lead's own (`participationId` null) or a joint participant's: in a joint task each
 * department keeps its own part of the visit, whichever opens first (a participant of the lead's own
 * bureau records in the same table).
 */
async function openOnce(
  m: EntityManager,
  drawId: string,
  seq: number,
  participationId: string | null,
  create: () => Promise<Partial<Inspection>>,
): Promise<Inspection> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`inspection:${drawId}:${seq}:${participationId ?? 'lead'}`]);
  const existing = await m.findOne(Inspection, { where: { drawId, seq, participationId: participationId ?? IsNull() }, order: { createdAt: 'ASC' } });
  if (existing) return existing;
  const code = newAccessCode();
  const values = {
    ...(await create()),
    id: crypto.randomUUID(),
    drawId,
    seq,
    status: InspectionStatus.DRAFT,
    contentHash: contentHash(EMPTY),
    accessCode: code,
    accessCodeHash: accessCodeHash(code),
  };
  await m.insert(Inspection, values as never);
  return m.findOneByOrFail(Inspection, { id: values.id });
}

/**
 * The lead's own group of a drawn team: in a joint task, the inspectors an accepted participant brought
 * (of the lead's bureau or another) belong to that participant's part, not to the lead's.
 */
async function leadTeam(m: EntityManager, tenantId: string, taskId: string, drawn: (string | null)[]): Promise<string[]> {
  const ids = drawn.filter((id): id is string => !!id);
  const rows = (await m.query(
    `SELECT DISTINCT unnest(p.inspector_ids) AS id FROM joint_participants p JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id
      WHERE p.lead_tenant_id = $1 AND p.task_id = $2 AND p.status = $3 AND t.joint`,
    [tenantId, taskId, JointStatus.ACCEPTED],
  )) as { id: string }[];
  const theirs = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !theirs.has(id));
}

/** Opens the record of one entity of the bureau's own draw (in a joint task: the lead's own part). */
export async function openInspection(ctx: RequestContext, drawGlobalId: string, seq: number): Promise<Inspection> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const drawId = fromGlobalUuid(drawGlobalId, 'Draw');
    const draw = drawId ? await m.findOneBy(Draw, { id: drawId }) : null;
    if (!draw) throw notFound('摇号');
    if (draw.status !== DrawStatus.DRAWN) throw ruleViolation('DRAW_STATE', '尚未摇号');
    const [selection] = (await m.query(
      `SELECT s.entity_id, s.item_ids, s.inspector_ids, e.uscc, e.name FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id
        WHERE s.draw_id = $1 AND s.seq = $2`,
      [draw.id, seq],
    )) as { entity_id: string; item_ids: string[]; inspector_ids: string[]; uscc: string; name: string }[];
    if (!selection) throw notFound('摇中的检查对象');
    const team = await leadTeam(m, draw.tenantId, draw.taskId, selection.inspector_ids);
    await assertMayOpen(ctx, m, team);
    const record = await openOnce(m, draw.id, seq, null, async () => ({
      tenantId: viewer.tenantId,
      taskId: draw.taskId,
      participationId: null,
      entityId: selection.entity_id,
      entityUscc: selection.uscc,
      entityName: selection.name,
      itemIds: selection.item_ids,
      teamIds: team,
      createdBy: viewer.userId,
    }));
    return record;
  });
}

/**
 * Opens a joint task participant's record of one entity the lead's draw gave its part: the participant's
 * own items, its own inspectors of that team, and its own directory's entity of the same USCC.
 */
export async function openJointInspection(ctx: RequestContext, participationGlobalId: string, seq: number): Promise<Inspection> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const id = fromGlobalUuid(participationGlobalId, 'JointParticipation');
    const part = id ? await m.findOneBy(JointParticipation, { id, tenantId: viewer.tenantId }) : null;
    if (!part || part.status !== JointStatus.ACCEPTED) throw notFound('联合抽查的本部门部分');
    const [task] = await jointTaskRows(m, 'participation_id = $1', [part.id]);
    const [drawn] = (await m.query('SELECT uscc, name, inspector_ids FROM joint_drawn_entities WHERE participation_id = $1 AND seq = $2', [part.id, seq])) as {
      uscc: string;
      name: string;
      inspector_ids: string[];
    }[];
    if (!task?.draw_id || !drawn) throw notFound('摇中的检查对象');
    const team = drawn.inspector_ids.filter((i) => part.inspectorIds.includes(i));
    await assertMayOpen(ctx, m, team);
    const [own] = (await m.query('SELECT id, name FROM market_entities WHERE uscc = $1', [drawn.uscc])) as { id: string; name: string }[];
    return openOnce(m, task.draw_id, seq, part.id, async () => ({
      tenantId: viewer.tenantId,
      taskId: null,
      participationId: part.id,
      entityId: own?.id ?? null,
      entityUscc: drawn.uscc,
      entityName: own?.name ?? drawn.name,
      itemIds: part.itemIds,
      teamIds: team,
      createdBy: viewer.userId,
    }));
  });
}

function checkInput(input: InspectionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (value: string | null | undefined, field: string, max: number) => {
    if (value == null || value === '') return;
    problems.push(...labelProblems(value, field, max).filter((p) => !/不能为空/.test(p.message)));
  };
  text(input.place, 'place', 500);
  text(input.siteConditions, 'siteConditions', 20000);
  text(input.findings, 'findings', 20000);
  text(input.interviewNotes, 'interviewNotes', 20000);
  if (input.inspectedOn) {
    const date = parseDate(input.inspectedOn);
    if (!date) problems.push({ field: 'inspectedOn', message: '日期无效（YYYY-MM-DD）' });
    else if (date > todayInChina()) problems.push({ field: 'inspectedOn', message: '检查日期不能晚于今天' });
  }
  return problems;
}

/**
 * The team writes the record; a change to what was confirmed asks every member to confirm again. With a
 * client key (a save queued on the device), a save whose key was done before is not done again: the
 * retry after a lost answer gets the record as it is, with no second save in the trail.
 */
export async function saveInspection(ctx: RequestContext, globalId: string, input: InspectionInput, clientKey?: string | null): Promise<Inspection> {
  const problems = checkInput(input);
  if (clientKey != null && !CLIENT_KEY.test(clientKey)) problems.push({ field: 'clientKey', message: '应为 8 到 100 位字母、数字、- 或 _' });
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const record = await loadInspection(ctx, m, globalId, true);
    await assertTeamMember(ctx, m, record);
    if (clientKey != null && (await doneBefore(m, record, clientKey))) return record;
    if (!EDITABLE.includes(record.status)) throw ruleViolation('INSPECTION_STATE', '已提交的检查记录不能修改');
    const clean = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
    if (input.resultCategory && !(await resultCategoryOf(m, input.resultCategory, true))) {
      throw badInput([{ field: 'resultCategory', message: '检查结果类别不存在或已停用' }]);
    }
    const content: InspectionContent = {
      inspectedOn: input.inspectedOn ? parseDate(input.inspectedOn) : null,
      place: clean(input.place),
      siteConditions: clean(input.siteConditions),
      findings: clean(input.findings),
      resultCategory: input.resultCategory || null,
      interviewNotes: clean(input.interviewNotes),
    };
    if (content.inspectedOn) await assertInspectionDate(m, record, content.inspectedOn);
    const hash = contentHash(content);
    if (hash !== record.contentHash) await m.delete(InspectionConfirmation, { inspectionId: record.id });
    const due = content.inspectedOn && content.inspectedOn !== record.inspectedOn ? await reportDue(m, record.tenantId, content.inspectedOn) : null;
    await m.update(
      Inspection,
      { tenantId: record.tenantId, id: record.id },
      {
        ...content,
        contentHash: hash,
        ...(content.inspectedOn ? {} : { reportDueOn: null, reportDueProvisional: false }),
        ...(due ? { reportDueOn: due.date, reportDueProvisional: due.provisional } : {}),
      },
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'inspection.save',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      before: contentOf(record),
      after: content,
    });
    return m.findOneByOrFail(Inspection, { tenantId: record.tenantId, id: record.id });
  });
}

const CLIENT_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** True when the key's save of this record was done before; else remembers the key (the record's lock orders two retries). */
async function doneBefore(m: EntityManager, record: Pick<Inspection, 'tenantId' | 'id'>, clientKey: string): Promise<boolean> {
  const [earlier] = (await m.query('SELECT object_id FROM client_operations WHERE tenant_id = $1 AND client_key = $2', [record.tenantId, clientKey])) as {
    object_id: string;
  }[];
  if (earlier) {
    if (earlier.object_id !== record.id) throw badInput([{ field: 'clientKey', message: '该 clientKey 已用于另一份检查记录' }]);
    return true;
  }
  await m.query(`INSERT INTO client_operations (tenant_id, client_key, kind, object_id) VALUES ($1, $2, 'inspection.save', $3)`, [
    record.tenantId,
    clientKey,
    record.id,
  ]);
  return false;
}

/** A team member confirms the record as it now reads. */
export async function confirmInspection(ctx: RequestContext, globalId: string): Promise<Inspection> {
  const viewer = requireViewer(ctx);
  return tenantTx(ctx, async (m) => {
    const record = await loadInspection(ctx, m, globalId, true);
    const inspectorId = await assertTeamMember(ctx, m, record);
    if (!EDITABLE.includes(record.status)) throw ruleViolation('INSPECTION_STATE', '已提交的检查记录无需再确认');
    await m.delete(InspectionConfirmation, { inspectionId: record.id, inspectorId });
    await m.insert(InspectionConfirmation, {
      tenantId: record.tenantId,
      inspectionId: record.id,
      inspectorId,
      contentHash: record.contentHash,
      userId: viewer.userId,
    });
    await appendAudit(m, actorOf(ctx), {
      action: 'inspection.confirm',
      objectType: 'Inspection',
      objectId: toGlobalId('Inspection', record.id),
      after: { contentHash: record.contentHash },
    });
    return record;
  });
}
