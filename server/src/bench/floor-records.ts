import type { PoolClient } from 'pg';
import { CUSTOM_RESULT_PREFIX, standardResultCategory, toGlobalId } from '@spotcheck/shared';

/**
 * The floor's hand-written SQL for inspection records (the records list, the workbench, a record page),
 * as plain objects with their `__typename`: no ORM, no loaders, no field resolvers. Every statement
 * names the tenant (`tenant_id = $1`) inside the transaction that set `app.tenant_id`, as the service's.
 */
export interface FloorViewer {
  tenantId: string;
  userId: string;
  roles: string[];
  departmentId: string | null;
  inspectorId: string | null;
}

export type Row = Record<string, any>;

const NOBODY = '00000000-0000-0000-0000-000000000000';
const OPEN = `('DRAFT', 'RETURNED')`;
const USER_READERS = ['OFFICE', 'DEPARTMENT_HEAD', 'LEADER', 'SUPERVISOR'];

export function todayInBeijing(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The actions the viewer may take on `i`, as one SQL array: the workflow's role for each action, the
 * team submits, a department head reviews records of an item of their department (or of none), and
 * nobody takes two duties of one record. $2 the viewer's user, $3 their inspector, $4 their department.
 */
export function actionsSql(viewer: FloorViewer): string {
  const has = (role: string) => viewer.roles.includes(role);
  const tookOther = (others: string) =>
    `EXISTS (SELECT 1 FROM inspection_steps ds WHERE ds.tenant_id = i.tenant_id AND ds.inspection_id = i.id AND ds.user_id = $2 AND ds.action IN (${others}))`;
  const offTeam = `NOT ($3::uuid = ANY (i.team_ids))`;
  const reviewer = `(NOT EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = i.tenant_id AND it.id = ANY (i.item_ids))
      OR EXISTS (SELECT 1 FROM inspection_items it WHERE it.tenant_id = i.tenant_id AND it.id = ANY (i.item_ids) AND (it.department_id IS NULL OR it.department_id = $4)))`;
  const review = `${reviewer} AND ${offTeam} AND NOT ${tookOther(`'SUBMIT', 'REJECT', 'APPROVE', 'PUBLISH'`)}`;
  const approval = `${offTeam} AND NOT ${tookOther(`'SUBMIT', 'RETURN', 'PASS_REVIEW', 'PUBLISH'`)}`;
  const cases = [
    has('INSPECTOR') &&
      `CASE WHEN i.status IN ${OPEN} AND $3::uuid = ANY (i.team_ids) AND NOT ${tookOther(`'RETURN', 'PASS_REVIEW', 'REJECT', 'APPROVE', 'PUBLISH'`)} THEN 'SUBMIT' END`,
    has('DEPARTMENT_HEAD') && `CASE WHEN i.status = 'SUBMITTED' AND ${review} THEN 'RETURN' END`,
    has('DEPARTMENT_HEAD') && `CASE WHEN i.status = 'SUBMITTED' AND ${review} THEN 'PASS_REVIEW' END`,
    has('LEADER') && `CASE WHEN i.status = 'REVIEWED' AND ${approval} THEN 'REJECT' END`,
    has('LEADER') && `CASE WHEN i.status = 'REVIEWED' AND ${approval} THEN 'APPROVE' END`,
    has('OFFICE') &&
      `CASE WHEN i.status = 'APPROVED' AND ${offTeam} AND NOT ${tookOther(`'SUBMIT', 'RETURN', 'PASS_REVIEW', 'REJECT', 'APPROVE'`)} THEN 'PUBLISH' END`,
  ].filter(Boolean);
  return cases.length ? `array_remove(ARRAY[${cases.join(', ')}]::text[], NULL)` : `'{}'::text[]`;
}

/** Types the viewer's parameters in a statement that might not read all of them. */
export const VIEWER_PARAMS_TYPED = `($2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND ($4::uuid IS NULL OR TRUE))`;

export const viewerParams = (viewer: FloorViewer) => [viewer.tenantId, viewer.userId, viewer.inspectorId ?? NOBODY, viewer.departmentId];

/** The columns of a record the screens show, dates as text, with its task's title and the viewer's actions. */
export function recordColumns(viewer: FloorViewer): string {
  return `i.*, i.inspected_on::text AS inspected_on_text, i.report_due_on::text AS report_due_text, i.publication_due_on::text AS publication_due_text,
    i.review_due_on::text AS review_due_text, i.approval_due_on::text AS approval_due_text, t.title AS task_title, t.joint AS task_joint,
    ${actionsSql(viewer)} AS actions`;
}

export const RECORD_FROM = `inspections i LEFT JOIN tasks t ON t.tenant_id = i.tenant_id AND t.id = i.task_id`;

/** A custom category's label and flag, by code, for the codes of these rows (standard ones need no SQL). */
async function customCategories(c: PoolClient, tenantId: string, rows: Row[]): Promise<Map<string, Row>> {
  const ids = rows
    .map((r) => r.result_category as string | null)
    .filter((code): code is string => !!code?.startsWith(CUSTOM_RESULT_PREFIX))
    .map((code) => code.slice(CUSTOM_RESULT_PREFIX.length));
  if (!ids.length) return new Map();
  const found = await c.query(`SELECT id::text, label, problem FROM result_categories WHERE tenant_id = $1 AND id::text = ANY ($2)`, [tenantId, ids]);
  return new Map(found.rows.map((r: Row) => [`${CUSTOM_RESULT_PREFIX}${r.id}`, r]));
}

function categoryOf(code: string | null, custom: Map<string, Row>): Row | null {
  if (!code) return null;
  const standard = standardResultCategory(code);
  if (standard) return { __typename: 'ResultCategory', code: standard.code, label: standard.label, problem: standard.problem, standard: true, active: true };
  const own = custom.get(code);
  return own ? { __typename: 'ResultCategory', code, label: own.label, problem: own.problem, standard: false, active: true } : null;
}

/** Rows by id of one table, for the ids of a page (one statement). */
async function byId(c: PoolClient, sql: string, tenantId: string, ids: string[]): Promise<Map<string, Row>> {
  if (!ids.length) return new Map();
  const found = await c.query(sql, [tenantId, [...new Set(ids)]]);
  return new Map(found.rows.map((r: Row) => [r.id, r]));
}

function inOrder(ids: string[], rows: Map<string, Row>): Row[] {
  return ids.map((id) => rows.get(id)).filter((r): r is Row => !!r);
}

/**
 * Records as the screens read them: the row's fields, task, result category and team (id, name,
 * certificate, linked account). Three statements for a page, whatever its size.
 */
export async function recordObjects(c: PoolClient, viewer: FloorViewer, rows: Row[]): Promise<Row[]> {
  const today = todayInBeijing();
  const custom = await customCategories(c, viewer.tenantId, rows);
  const team = await byId(
    c,
    `SELECT id, name, certificate_no, user_id FROM inspectors WHERE tenant_id = $1 AND id = ANY ($2)`,
    viewer.tenantId,
    rows.flatMap((r) => r.team_ids),
  );
  const readsUsers = viewer.roles.some((r) => USER_READERS.includes(r));
  const inspector = (r: Row) => ({
    __typename: 'Inspector',
    id: toGlobalId('Inspector', r.id),
    name: r.name,
    certificateNo: r.certificate_no,
    user: r.user_id && (readsUsers || r.user_id === viewer.userId) ? { __typename: 'User', id: toGlobalId('User', r.user_id) } : null,
  });
  return rows.map((r) => ({
    __typename: 'Inspection',
    id: toGlobalId('Inspection', r.id),
    seq: r.seq,
    entityName: r.entity_name,
    entityUscc: r.entity_uscc,
    status: r.status,
    inspectedOn: r.inspected_on_text,
    reportDueOn: r.report_due_text,
    reportDueProvisional: r.report_due_provisional,
    reportOverdue: ['DRAFT', 'RETURNED'].includes(r.status) && !!r.report_due_text && r.report_due_text < today,
    publicationDueOn: r.publication_due_text,
    publicationDueProvisional: r.publication_due_provisional,
    publicationOverdue: ['SUBMITTED', 'REVIEWED', 'APPROVED'].includes(r.status) && !!r.publication_due_text && r.publication_due_text < today,
    reviewDueOn: r.review_due_text,
    reviewOverdue: r.status === 'SUBMITTED' && !!r.review_due_text && r.review_due_text < today,
    approvalDueOn: r.approval_due_text,
    approvalOverdue: r.status === 'REVIEWED' && !!r.approval_due_text && r.approval_due_text < today,
    reportedLateDays: r.reported_late_days,
    publishedLateDays: r.published_late_days,
    participationId: r.participation_id ? toGlobalId('JointParticipation', r.participation_id) : null,
    updatedAt: r.updated_at,
    availableActions: r.actions,
    task: r.task_id ? { __typename: 'Task', id: toGlobalId('Task', r.task_id), title: r.task_title } : null,
    resultCategory: categoryOf(r.result_category, custom),
    team: inOrder(r.team_ids, team).map(inspector),
    // for the record page
    raw: r,
  }));
}

/** One page of records, newest first, with its total ($5, $6: limit and offset after the viewer's four). */
export async function recordPage(c: PoolClient, viewer: FloorViewer, where: string, extra: unknown[], first: number, offset: number): Promise<Row> {
  const found = await c.query(
    `SELECT ${recordColumns(viewer)}, count(*) OVER () AS total__ FROM ${RECORD_FROM}
      WHERE i.tenant_id = $1 AND ${VIEWER_PARAMS_TYPED} AND ${where} ORDER BY i.created_at DESC, i.id LIMIT $5 OFFSET $6`,
    [...viewerParams(viewer), first, offset, ...extra],
  );
  const total = found.rows.length ? Number(found.rows[0].total__) : 0;
  const nodes = await recordObjects(c, viewer, found.rows);
  return connection('Inspection', nodes, offset, total);
}

export function connection(type: string, nodes: Row[], offset: number, total: number): Row {
  const cursor = (n: number) => Buffer.from(`offset:${n}`).toString('base64url');
  const edges = nodes.map((node, i) => ({ __typename: `${type}Edge`, cursor: cursor(offset + i), node }));
  return {
    __typename: `${type}Connection`,
    edges,
    totalCount: total,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: offset + nodes.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
