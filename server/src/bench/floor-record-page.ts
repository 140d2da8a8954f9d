import type { PoolClient } from 'pg';
import { HANDLING_LABELS, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { RECORD_FROM, VIEWER_PARAMS_TYPED, recordColumns, recordObjects, viewerParams, type FloorViewer, type Row } from './floor-records';

/**
 * The floor's record page (`InspectionDetailFields`): the record with its task and actions, then its
 * team, entity, items with departments, confirmations, steps, the records it corrects or is
 * corrected by, evidence and statements, each in one hand-written statement. A joint task's parts are
 * not served (the demo's records the bench reads are not joint): the floor refuses such a record.
 */
const EVIDENCE_READERS = ['OFFICE', 'DEPARTMENT_HEAD', 'LEADER', 'SUPERVISOR'];

function evidenceObject(f: Row): Row {
  const id = toGlobalId('EvidenceFile', f.id);
  return {
    __typename: 'EvidenceFile',
    id,
    fileName: f.file_name,
    contentType: f.content_type,
    size: f.size,
    sha256: f.sha256,
    sealed: f.sealed_at !== null,
    sealedAt: f.sealed_at,
    byEntity: f.uploaded_by_entity,
    createdAt: f.created_at,
    url: `/api/evidence/${id}`,
  };
}

/** A record's 处理建议 as stored (jsonb), the way the page asks for it. */
function handlingObject(h: Row | null, decided: boolean): Row | null {
  if (!h) return null;
  return {
    __typename: 'HandlingView',
    outcome: h.outcome,
    label: h.ownOutcomeLabel || HANDLING_LABELS[h.outcome as keyof typeof HANDLING_LABELS],
    basis: h.basis,
    deadlineWorkdays: h.deadlineWorkdays ?? null,
    targetDepartmentId: h.targetDepartmentId ?? null,
    targetExternalName: h.targetExternalName ?? null,
    creditList: h.creditList ?? null,
    creditValidUntil: h.creditValidUntil ?? null,
    ownOutcome: h.ownOutcome ?? null,
    decided,
  };
}

export async function recordPageObject(c: PoolClient, viewer: FloorViewer, globalId: string): Promise<Row | null> {
  const id = fromGlobalUuid(globalId, 'Inspection');
  if (!id) return null;
  const found = await c.query(`SELECT ${recordColumns(viewer)} FROM ${RECORD_FROM} WHERE i.tenant_id = $1 AND ${VIEWER_PARAMS_TYPED} AND i.id = $5`, [
    ...viewerParams(viewer),
    id,
  ]);
  if (!found.rows.length) return null;
  const [record] = await recordObjects(c, viewer, found.rows);
  const r = record!.raw as Row;
  if (r.participation_id || r.task_joint) throw new Error('the floor serves records of joint tasks no parts');
  const t = viewer.tenantId;
  const entity = r.entity_id ? (await c.query(`SELECT id, name, uscc FROM market_entities WHERE tenant_id = $1 AND id = $2`, [t, r.entity_id])).rows[0] : null;
  const items = new Map(
    (
      await c.query(
        `SELECT it.id, it.name, d.id AS department_id, d.name AS department_name FROM inspection_items it
           LEFT JOIN departments d ON d.tenant_id = it.tenant_id AND d.id = it.department_id WHERE it.tenant_id = $1 AND it.id = ANY ($2)`,
        [t, r.item_ids],
      )
    ).rows.map((x: Row) => [x.id, x]),
  );
  const confirmations = (
    await c.query(
      `SELECT inspector_id, confirmed_at, content_hash = $3 AS current FROM inspection_confirmations
        WHERE tenant_id = $1 AND inspection_id = $2 ORDER BY confirmed_at`,
      [t, id, r.content_hash],
    )
  ).rows;
  const steps = (
    await c.query(`SELECT action, to_status, comment, user_name, at FROM inspection_steps WHERE tenant_id = $1 AND inspection_id = $2 ORDER BY at`, [t, id])
  ).rows;
  const linked = new Map(
    (
      await c.query(`SELECT id, status FROM inspections WHERE tenant_id = $1 AND id = ANY ($2)`, [t, [r.corrects_id, r.corrected_by_id].filter(Boolean)])
    ).rows.map((x: Row) => [x.id, { __typename: 'Inspection', id: toGlobalId('Inspection', x.id), status: x.status }]),
  );
  const mayRead = viewer.roles.some((role) => EVIDENCE_READERS.includes(role)) || (!!viewer.inspectorId && r.team_ids.includes(viewer.inspectorId));
  let evidence: Row[] | null = null;
  let statements: Row[] | null = null;
  if (mayRead) {
    // The team's files of this record, and the attachments of the statements on its access code.
    const files = (
      await c.query(
        `SELECT * FROM evidence_files WHERE tenant_id = $1 AND (inspection_id = $2 OR statement_id IN (
           SELECT s.id FROM inspection_statements s JOIN inspections x ON x.tenant_id = s.tenant_id AND x.id = s.inspection_id
            WHERE s.tenant_id = $1 AND x.access_code_hash = $3)) ORDER BY created_at, id`,
        [t, id, r.access_code_hash],
      )
    ).rows;
    evidence = files.filter((f: Row) => f.statement_id === null && f.rectification_id === null && f.inspection_id === id).map(evidenceObject);
    statements = (
      await c.query(
        `SELECT s.* FROM inspection_statements s JOIN inspections x ON x.tenant_id = s.tenant_id AND x.id = s.inspection_id
          WHERE s.tenant_id = $1 AND x.access_code_hash = $2 AND x.created_at <= $3 AND s.submitted_at IS NOT NULL ORDER BY s.submitted_at, s.id`,
        [t, r.access_code_hash, r.created_at],
      )
    ).rows.map((s: Row) => ({
      __typename: 'EntityStatement',
      id: toGlobalId('InspectionStatement', s.id),
      kind: s.kind,
      body: s.body,
      submittedAt: s.submitted_at,
      afterReportDue: s.after_report_due,
      afterPublication: s.after_publication,
      answer: s.answer,
      answeredBy: s.answered_by_name,
      answeredAt: s.answered_at,
      recheckRequired: s.recheck_required,
      recheckResult: s.recheck_result,
      recheckedAt: s.rechecked_at,
      settled: s.answered_at !== null && (!s.recheck_required || s.rechecked_at !== null),
      attachments: files.filter((f: Row) => f.statement_id === s.id).map(evidenceObject),
      inspection: { __typename: 'Inspection', id: toGlobalId('Inspection', s.inspection_id) },
    }));
  }
  const current = new Set(confirmations.filter((x: Row) => x.current).map((x: Row) => x.inspector_id));
  return {
    ...record,
    handling: handlingObject(r.handling, r.status === 'APPROVED' || r.status === 'PUBLISHED'),
    handlingChanges: (r.handling_changes as Row[]).map((x) => ({
      __typename: 'HandlingChangeView',
      at: new Date(x.at),
      action: x.action,
      userName: x.userName,
      before: handlingObject(x.before, false),
      after: handlingObject(x.after, false),
    })),
    place: r.place,
    siteConditions: r.site_conditions,
    findings: r.findings,
    interviewNotes: r.interview_notes,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
    correctionReason: r.correction_reason,
    createdAt: r.created_at,
    drawId: toGlobalId('Draw', r.draw_id),
    accessCode: viewer.roles.includes('OFFICE') || (!!viewer.inspectorId && r.team_ids.includes(viewer.inspectorId)) ? r.access_code : null,
    // Every member of the bureau's team has confirmed the content as it now reads.
    allConfirmed: (record!.team as Row[]).every((m) => current.has(fromGlobalUuid(m.id as string, 'Inspector'))),
    entity: entity ? { __typename: 'MarketEntity', id: toGlobalId('MarketEntity', entity.id), name: entity.name, uscc: entity.uscc } : null,
    items: (r.item_ids as string[])
      .map((itemId) => items.get(itemId))
      .filter((x): x is Row => !!x)
      .map((x) => ({
        __typename: 'InspectionItem',
        id: toGlobalId('InspectionItem', x.id),
        name: x.name,
        department: x.department_id ? { __typename: 'Department', id: toGlobalId('Department', x.department_id), name: x.department_name } : null,
      })),
    confirmations: confirmations.map((x: Row) => ({
      __typename: 'InspectionConfirmationView',
      confirmedAt: x.confirmed_at,
      current: x.current,
      inspector: { __typename: 'Inspector', id: toGlobalId('Inspector', x.inspector_id) },
    })),
    steps: steps.map((x: Row) => ({
      __typename: 'InspectionStep',
      action: x.action,
      toStatus: x.to_status,
      comment: x.comment,
      userName: x.user_name,
      at: x.at,
    })),
    corrects: r.corrects_id ? (linked.get(r.corrects_id) ?? null) : null,
    correctedBy: r.corrected_by_id ? (linked.get(r.corrected_by_id) ?? null) : null,
    evidence,
    statements,
    jointParts: [],
  };
}
