import type { PoolClient } from 'pg';
import { CUSTOM_RESULT_PREFIX, HANDLING_LABELS, fromGlobalUuid, standardResultCategory, STANDARD_RESULT_CATEGORIES, toGlobalId } from '@spotcheck/shared';
import { recordPageObject } from './floor-record-page';
import { connection, recordPage, todayInBeijing, VIEWER_PARAMS_TYPED, actionsSql, viewerParams, type FloorViewer, type Row } from './floor-records';

/**
 * The floor's answer to each operation the bench replays, by operation name: hand-written SQL in the
 * transaction the floor server opened under the viewer's tenant (or none, for the public portal),
 * returning plain objects that the server narrows to the document's selection.
 */
export interface FloorOperation {
  /** Writes (a transaction that is not read-only). */
  writes?: boolean;
  /** Public: no viewer, no tenant scope. */
  public?: boolean;
  run(c: PoolClient, variables: Record<string, any>, viewer: FloorViewer | null): Promise<Row>;
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

function bounds(variables: Record<string, any>): { first: number; offset: number } {
  const first = Math.min(Math.max(variables.first ?? DEFAULT_PAGE, 0), MAX_PAGE);
  const after = variables.after as string | undefined | null;
  const offset = after ? Number(/^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString())?.[1] ?? -1) + 1 : 0;
  return { first, offset };
}

/** The records list (`Inspections`) and the workbench (`WorkbenchRecords`): newest first, by the filters the screens send. */
async function records(c: PoolClient, v: Record<string, any>, viewer: FloorViewer): Promise<Row> {
  const { first, offset } = bounds(v);
  const conditions: string[] = [];
  const extra: unknown[] = [];
  const param = (value: unknown) => (extra.push(value), `$${6 + extra.length}`);
  if (v.status) conditions.push(`i.status = ${param(v.status)}`);
  if (v.taskId) {
    // A joint task's records: the lead's parts and those of its participants in this bureau.
    const task = param(fromGlobalUuid(v.taskId, 'Task'));
    conditions.push(
      `(i.task_id = ${task}::uuid OR i.participation_id IN (SELECT jp.id FROM joint_participants jp WHERE jp.tenant_id = i.tenant_id AND jp.task_id = ${task}::uuid))`,
    );
  }
  if (v.mine) conditions.push(`$3::uuid = ANY (i.team_ids)`);
  if (v.search) conditions.push(`(strpos(i.entity_name, ${param(v.search)}) > 0 OR i.entity_uscc = upper(${param(v.search)}))`);
  if (v.overdue) {
    const today = param(todayInBeijing());
    conditions.push(`((i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on < ${today}::date) OR (i.status = 'SUBMITTED' AND i.review_due_on < ${today}::date)
      OR (i.status = 'REVIEWED' AND i.approval_due_on < ${today}::date) OR (i.status IN ('SUBMITTED', 'REVIEWED', 'APPROVED') AND i.publication_due_on < ${today}::date))`);
  }
  if (v.awaitingMe) conditions.push(`cardinality(${actionsSql(viewer)}) > 0`);
  if (v.dueWithinDays != null) throw new Error('the floor does not serve dueWithinDays (it needs the working-day calendar)');
  const { inspections } = { inspections: await recordPage(c, viewer, conditions.join(' AND ') || 'TRUE', extra, first, offset) };
  return { inspections };
}

/** The workbench's task cards: the bureau's tasks, latest first, the viewer's (drawn onto a team) or those in progress. */
async function tasks(c: PoolClient, v: Record<string, any>, viewer: FloorViewer): Promise<Row> {
  const { first, offset } = bounds(v);
  const conditions = ['t.tenant_id = $1', '($2::uuid IS NOT NULL OR TRUE)'];
  if (v.mine) {
    conditions.push(`(EXISTS (SELECT 1 FROM draws d JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id WHERE d.tenant_id = t.tenant_id AND d.task_id = t.id AND $2 = ANY (s.inspector_ids))
      OR EXISTS (SELECT 1 FROM inspections i WHERE i.tenant_id = t.tenant_id AND i.task_id = t.id AND $2 = ANY (i.team_ids)))`);
  }
  if (v.inProgress) conditions.push(`(t.status IN ('DRAFT', 'COMMITTED') OR (t.status = 'DRAWN' AND t.ends_on >= $5::date))`);
  const rows = (
    await c.query(
      `SELECT t.id, t.title, t.status, t.starts_on::text AS starts_on, t.ends_on::text AS ends_on, t.joint, count(*) OVER () AS total__
         FROM tasks t WHERE ${conditions.join(' AND ')} ORDER BY t.starts_on DESC, t.created_at DESC LIMIT $3 OFFSET $4`,
      [viewer.tenantId, viewer.inspectorId ?? '00000000-0000-0000-0000-000000000000', first, offset, ...(v.inProgress ? [todayInBeijing()] : [])],
    )
  ).rows as Row[];
  const nodes = rows.map((r) => ({
    __typename: 'Task',
    id: toGlobalId('Task', r.id),
    title: r.title,
    status: r.status,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    joint: r.joint,
  }));
  return { tasks: connection('Task', nodes, offset, rows.length ? Number(rows[0]!.total__) : 0) };
}

/** A draw's selections with their entity, items, team (and linked account) and latest own record. */
async function assignments(c: PoolClient, v: Record<string, any>, viewer: FloorViewer): Promise<Row> {
  const { first, offset } = bounds(v);
  const drawId = fromGlobalUuid(v.drawId, 'Draw');
  const t = viewer.tenantId;
  const mine = `(NOT $3::boolean OR s.inspector_ids && ARRAY(SELECT me.id FROM inspectors me WHERE me.tenant_id = $1 AND me.user_id = $4))`;
  const page = (
    await c.query(
      `SELECT s.seq, s.entity_id, s.item_ids, s.inspector_ids, count(*) OVER () AS total__,
              (SELECT json_build_object('id', i.id, 'status', i.status, 'reported_late_days', i.reported_late_days) FROM inspections i
                WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL ORDER BY i.created_at DESC LIMIT 1) AS record
         FROM draw_selections s WHERE s.tenant_id = $1 AND s.draw_id = $2 AND ${mine} ORDER BY s.seq LIMIT $5 OFFSET $6`,
      [t, drawId, !!v.mine, viewer.userId, first, offset],
    )
  ).rows;
  const ids = (key: string) => [...new Set(page.flatMap((p: Row) => p[key] as string[]))];
  const byId = async (sql: string, list: string[]) => new Map((list.length ? (await c.query(sql, [t, list])).rows : []).map((r: Row) => [r.id, r]));
  const entities = await byId(`SELECT id, name, uscc FROM market_entities WHERE tenant_id = $1 AND id = ANY ($2)`, [
    ...new Set(page.map((p: Row) => p.entity_id as string)),
  ]);
  const items = await byId(`SELECT id, name FROM inspection_items WHERE tenant_id = $1 AND id = ANY ($2)`, ids('item_ids'));
  const team = await byId(`SELECT id, name, user_id FROM inspectors WHERE tenant_id = $1 AND id = ANY ($2)`, ids('inspector_ids'));
  const readsUsers = viewer.roles.some((r) => ['OFFICE', 'DEPARTMENT_HEAD', 'LEADER', 'SUPERVISOR'].includes(r));
  const global = toGlobalId('Draw', drawId!);
  const nodes = page.map((p: Row) => {
    const entity = entities.get(p.entity_id);
    return {
      __typename: 'InspectionAssignment',
      drawId: global,
      seq: p.seq,
      entity: entity ? { __typename: 'MarketEntity', id: toGlobalId('MarketEntity', entity.id), name: entity.name, uscc: entity.uscc } : null,
      items: (p.item_ids as string[])
        .filter((id) => items.has(id))
        .map((id) => ({ __typename: 'InspectionItem', id: toGlobalId('InspectionItem', id), name: items.get(id)!.name })),
      team: (p.inspector_ids as string[])
        .filter((id) => team.has(id))
        .map((id) => {
          const m = team.get(id)!;
          const user = m.user_id && (readsUsers || m.user_id === viewer.userId) ? { __typename: 'User', id: toGlobalId('User', m.user_id) } : null;
          return { __typename: 'Inspector', id: toGlobalId('Inspector', id), name: m.name, user };
        }),
      inspection: p.record
        ? { __typename: 'Inspection', id: toGlobalId('Inspection', p.record.id), status: p.record.status, reportedLateDays: p.record.reported_late_days }
        : null,
    };
  });
  const total = page.length
    ? Number(page[0].total__)
    : Number(
        (
          await c.query(`SELECT count(*) AS n FROM draw_selections s WHERE s.tenant_id = $1 AND s.draw_id = $2 AND ${mine}`, [
            t,
            drawId,
            !!v.mine,
            viewer.userId,
          ])
        ).rows[0].n,
      );
  return { inspectionAssignments: connection('InspectionAssignment', nodes, offset, total) };
}

const PROBLEM_CODES = STANDARD_RESULT_CATEGORIES.filter((x) => x.problem).map((x) => x.code);

/** The bureau's dashboard: one call of the database's own figures function, shaped as the screen reads it. */
async function dashboard(c: PoolClient, v: Record<string, any>, viewer: FloorViewer): Promise<Row> {
  const asOf = todayInBeijing();
  const year = v.year ?? Number(asOf.slice(0, 4));
  const bureau = (await c.query(`SELECT id, name FROM tenants WHERE id = $1 AND kind IN ('CITY_BUREAU', 'COUNTY_BUREAU')`, [viewer.tenantId])).rows[0];
  if (!bureau) throw new Error('not a bureau');
  const rows = (await c.query(`SELECT * FROM dashboard_figures(ARRAY[$1]::uuid[], $2, $3, $4)`, [viewer.tenantId, year, asOf, PROBLEM_CODES])).rows as Row[];
  const n = (x: unknown) => (x == null ? null : Number(x));
  const ratio = (part: number | null, whole: number | null) => (part == null || !whole ? null : part / whole);
  const figures = (r: Row | undefined, entities?: number) => {
    const f = {
      entities: entities ?? n(r?.entities) ?? 0,
      inspectedEntities: n(r?.inspected_entities) ?? 0,
      drawn: r ? n(r.drawn) : null,
      completed: r ? n(r.completed) : null,
      records: n(r?.records) ?? 0,
      published: n(r?.published) ?? 0,
      problems: n(r?.problems) ?? 0,
      overdue: n(r?.overdue) ?? 0,
    };
    return {
      __typename: 'DashboardFigures',
      ...f,
      coverage: ratio(f.inspectedEntities, f.entities),
      completion: ratio(f.completed, f.drawn),
      problemRate: ratio(f.problems, f.published),
    };
  };
  const of = (dim: string) => rows.filter((r) => r.dim === dim);
  const byLabel = (a: Row, b: Row) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'zh-Hans-CN');
  const keyed = (type: string) => (r: Row) => ({
    __typename: 'DashboardRow',
    key: r.key ? toGlobalId(type, r.key) : null,
    label: r.label,
    figures: figures(r),
  });
  const totals = figures(of('bureau')[0]);
  const months = new Map(of('month').map((r) => [r.key as string, r]));
  return {
    dashboard: {
      __typename: 'BureauDashboard',
      year,
      asOf,
      dataAsOf: new Date().toISOString(),
      bureau: { __typename: 'Tenant', id: toGlobalId('Tenant', bureau.id), name: bureau.name },
      totals,
      byItem: of('item').map(keyed('InspectionItem')).sort(byLabel),
      byDepartment: of('department').map(keyed('Department')).sort(byLabel),
      byMonth: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((month) => ({
        __typename: 'DashboardRow',
        key: month,
        label: month,
        figures: figures(months.get(month) ?? { drawn: null, completed: null }, totals.entities),
      })),
    },
  };
}

/** The portal's published results, newest first by key (published_at, id), over every bureau (or one); counted only when asked. */
async function publicResults(c: PoolClient, v: Record<string, any>): Promise<Row> {
  const first = v.first ?? 20;
  const after = v.after ? (JSON.parse(Buffer.from(v.after, 'base64url').toString().slice('key:'.length)) as [string, string]) : null;
  const tenantId = v.bureauId ? fromGlobalUuid(v.bureauId, 'Tenant') : null;
  const rows = (
    await c.query(
      `SELECT r.*, r.inspected_on::text AS inspected_on_text,
              to_char(r.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_key
         FROM public_result_list r
        WHERE ($1::uuid IS NULL OR r.tenant_id = $1) AND ($2::timestamptz IS NULL OR (r.published_at, r.id) < ($2, $3::uuid))
        ORDER BY r.published_at DESC, r.id DESC LIMIT $4`,
      [tenantId, after?.[0] ?? null, after?.[1] ?? null, first + 1],
    )
  ).rows as Row[];
  const total = v.withCount
    ? Number((await c.query(`SELECT count(*) AS n FROM public_result_list r WHERE $1::uuid IS NULL OR r.tenant_id = $1`, [tenantId])).rows[0].n)
    : undefined;
  const category = (r: Row) => {
    if (!r.result_category) return null;
    const standard = standardResultCategory(r.result_category);
    if (standard) return { __typename: 'PublicResultCategory', code: r.result_category, label: standard.label, problem: standard.problem };
    if (!r.result_category.startsWith(CUSTOM_RESULT_PREFIX) || !r.custom_label) return null;
    return { __typename: 'PublicResultCategory', code: r.result_category, label: r.custom_label, problem: !!r.custom_problem };
  };
  const nodes = rows.map((r) => {
    const drawId = toGlobalId('Draw', r.draw_id);
    return {
      __typename: 'PublicResult',
      id: toGlobalId('Inspection', r.id),
      bureau: { __typename: 'PublicBureauRef', id: toGlobalId('Tenant', r.tenant_id), name: r.bureau_name, regionCode: r.bureau_region },
      task: r.task_id
        ? {
            __typename: 'PublicTaskRef',
            id: toGlobalId('Task', r.task_id),
            title: r.task_title,
            planId: r.plan_id ? toGlobalId('AnnualPlan', r.plan_id) : null,
          }
        : null,
      items: (r.items as Row[]).map((i) => ({ __typename: 'PublicItemRef', id: toGlobalId('InspectionItem', i.id), name: i.name })),
      entityName: r.entity_name,
      entityUscc: r.entity_uscc,
      inspectedOn: r.inspected_on_text,
      resultCategory: category(r),
      findings: r.findings,
      publishedAt: r.published_at,
      correctsId: r.corrects_id ? toGlobalId('Inspection', r.corrects_id) : null,
      correctionReason: r.correction_reason,
      correctedById: r.corrected_by_id ? toGlobalId('Inspection', r.corrected_by_id) : null,
      draw: { __typename: 'PublicDrawLink', id: drawId, recordUrl: `/api/public/draws/${drawId}` },
      handling: r.handling_outcome
        ? {
            __typename: 'PublicHandling',
            outcome: r.handling_outcome,
            label: r.handling_own_label || HANDLING_LABELS[r.handling_outcome as keyof typeof HANDLING_LABELS],
            ownOutcome: r.handling_own_outcome || null,
            basis: r.handling_basis ?? '',
            deadlineWorkdays: r.handling_deadline_workdays ? Number(r.handling_deadline_workdays) : null,
          }
        : null,
    };
  });
  const page = nodes.slice(0, first);
  const cursor = (i: number) => Buffer.from(`key:${JSON.stringify([rows[i]!.published_key, rows[i]!.id])}`).toString('base64url');
  return {
    publicResults: {
      __typename: 'PublicResultConnection',
      ...(total === undefined ? {} : { totalCount: total }),
      edges: page.map((node, i) => ({ __typename: 'PublicResultEdge', cursor: cursor(i), node })),
      pageInfo: {
        __typename: 'PageInfo',
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: page.length ? cursor(0) : null,
        endCursor: page.length ? cursor(page.length - 1) : null,
      },
    },
  };
}

/**
 * Approving a record: the leader's action where the viewer may take it (the same guard as its
 * actions), the status, the time and the step, then the record page. The service also appends
 * its audit event and notifies; the floor writes only the record.
 */
async function approve(c: PoolClient, v: Record<string, any>, viewer: FloorViewer): Promise<Row> {
  const id = fromGlobalUuid(v.id, 'Inspection');
  const allowed = (
    await c.query(
      `SELECT 'APPROVE' = ANY (${actionsSql(viewer)}) AS ok FROM inspections i WHERE i.tenant_id = $1 AND ${VIEWER_PARAMS_TYPED} AND i.id = $5 FOR UPDATE`,
      [...viewerParams(viewer), id],
    )
  ).rows[0];
  if (v.action !== 'APPROVE' || !allowed?.ok) throw new Error('not allowed');
  const name = (await c.query(`SELECT display_name FROM users WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, viewer.userId])).rows[0]?.display_name ?? '';
  await c.query(`UPDATE inspections SET status = 'APPROVED', approved_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
  await c.query(
    `INSERT INTO inspection_steps (tenant_id, inspection_id, action, to_status, comment, user_id, user_name) VALUES ($1, $2, 'APPROVE', 'APPROVED', $3, $4, $5)`,
    [viewer.tenantId, id, v.comment ?? null, viewer.userId, name],
  );
  return { transitionInspection: await recordPageObject(c, viewer, v.id) };
}

export const FLOOR_OPERATIONS: Record<string, FloorOperation> = {
  WorkbenchRecords: { run: (c, v, viewer) => records(c, v, viewer!) },
  WorkbenchTasks: { run: (c, v, viewer) => tasks(c, v, viewer!) },
  Inspections: { run: (c, v, viewer) => records(c, v, viewer!) },
  Inspection: { run: async (c, v, viewer) => ({ node: await recordPageObject(c, viewer!, v.id) }) },
  TransitionInspection: { writes: true, run: (c, v, viewer) => approve(c, v, viewer!) },
  InspectionAssignments: { run: (c, v, viewer) => assignments(c, v, viewer!) },
  Dashboard: { run: (c, v, viewer) => dashboard(c, v, viewer!) },
  PublicResults: { public: true, run: (c, v) => publicResults(c, v) },
};
