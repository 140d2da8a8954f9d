import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dates that hold (issue 14): the chain's deadlines and permanent late marks on records; what a joint
 * task's participant needs to check an inspection date (the lead's window and draw day); and dashboards
 * that count as overdue every selection still without a submitted report once its task's window has
 * closed, a joint task's participant's share included. `joint_unreported_shares` crosses the tenant wall
 * like the joint views, and only to the caller's own bureau or, for a provincial department, the
 * bureaus below it; it returns no entity.
 */
export class DeadlineChain1796121000000 implements MigrationInterface {
  name = 'DeadlineChain1796121000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections ADD review_due_on date, ADD approval_due_on date,
      ADD reported_late_days integer, ADD published_late_days integer`);

    await q.query(`CREATE VIEW joint_part_dates WITH (security_barrier) AS
      SELECT p.id AS participation_id, p.tenant_id, p.lead_tenant_id, t.starts_on, t.ends_on,
             (SELECT to_char(d.drawn_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM draws d
               WHERE d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
               ORDER BY d.drawn_at DESC LIMIT 1) AS drawn_on
        FROM joint_participants p
        JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id
       WHERE p.tenant_id = app_current_tenant() OR p.lead_tenant_id = app_current_tenant()`);
    await q.query(`GRANT SELECT ON joint_part_dates TO spotcheck_app`);

    await q.query(`CREATE FUNCTION joint_unreported_shares(p_tenants uuid[], p_year int, p_today date)
      RETURNS TABLE (tenant_id uuid, participation_id uuid, seq int, item_ids uuid[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      SELECT p.tenant_id, p.id, s.seq, p.item_ids
        FROM joint_participants p
        JOIN tenants n ON n.id = p.tenant_id
        JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id AND t.status = 'DRAWN' AND t.ends_on < p_today
        JOIN draws d ON d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
        JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id AND s.year = p_year
       WHERE p.tenant_id = ANY (p_tenants) AND p.status = 'ACCEPTED'
         AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids)
         AND (p.tenant_id = app_current_tenant() OR EXISTS (
               SELECT 1 FROM tenants v
                WHERE v.id = app_current_tenant() AND v.kind = 'PROVINCIAL_DEPARTMENT'
                  AND position('/' || v.id::text || '/' IN n.path) > 0))
         AND NOT EXISTS (
               SELECT 1 FROM inspections i
                WHERE i.tenant_id = p.tenant_id AND i.participation_id = p.id AND i.seq = s.seq
                  AND (i.status NOT IN ('DRAFT', 'RETURNED') OR i.report_due_on < p_today))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION joint_unreported_shares(uuid[], int, date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION joint_unreported_shares(uuid[], int, date) TO spotcheck_app`);

    await q.query(`CREATE OR REPLACE FUNCTION dashboard_figures(p_tenants uuid[], p_year int, p_today date, p_problem_codes text[])
      RETURNS TABLE (dim text, tenant_id uuid, key text, label text, entities bigint, inspected_entities bigint,
                     drawn bigint, completed bigint, records bigint, published bigint, problems bigint, overdue bigint)
      LANGUAGE sql STABLE AS $$
      WITH
      ent AS (
        SELECT e.tenant_id, count(*) AS n FROM market_entities e
         WHERE e.tenant_id = ANY (p_tenants) AND e.status IN ('EXISTING', 'OPERATING')
         GROUP BY e.tenant_id),
      items AS MATERIALIZED (
        SELECT it.tenant_id, it.id, it.name, it.department_id, it.status FROM inspection_items it
         WHERE it.tenant_id = ANY (p_tenants)),
      -- A drawn entity is done once some record of it is published.
      done AS (
        SELECT DISTINCT i.tenant_id, i.draw_id, i.seq FROM inspections i
         WHERE i.tenant_id = ANY (p_tenants) AND i.status = 'PUBLISHED'),
      -- Late: the task's window has closed and no report of its own part was submitted (a record overdue of its own counts
      -- as a record); a joint participant's part, of this bureau or another, is counted on its own below.
      sel AS MATERIALIZED (
        SELECT s.tenant_id, s.draw_id, s.seq, s.item_ids, d.seq IS NOT NULL AS done,
               coalesce(t.status = 'DRAWN' AND t.ends_on < p_today AND NOT EXISTS (
                 SELECT 1 FROM inspections i
                  WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
                    AND (i.status NOT IN ('DRAFT', 'RETURNED') OR i.report_due_on < p_today)), false) AS late
          FROM draw_selections s
          LEFT JOIN done d ON d.tenant_id = s.tenant_id AND d.draw_id = s.draw_id AND d.seq = s.seq
          LEFT JOIN draws dr ON dr.tenant_id = s.tenant_id AND dr.id = s.draw_id
          LEFT JOIN tasks t ON t.tenant_id = dr.tenant_id AND t.id = dr.task_id
         WHERE s.tenant_id = ANY (p_tenants) AND s.year = p_year),
      -- The late selections: the bureau's own, and its share of joint tasks it took part in.
      late AS MATERIALIZED (
        SELECT s.tenant_id, s.draw_id::text || ':' || s.seq AS key, s.item_ids FROM sel s WHERE s.late
        UNION ALL
        SELECT j.tenant_id, j.participation_id::text || ':' || j.seq, j.item_ids FROM joint_unreported_shares(p_tenants, p_year, p_today) j),
      late_items AS (
        SELECT l.tenant_id, l.key, x.item_id FROM late l CROSS JOIN LATERAL unnest(l.item_ids) AS x(item_id)),
      item_late AS (SELECT tenant_id, item_id, count(*) AS n FROM late_items GROUP BY tenant_id, item_id),
      dept_late AS (
        SELECT x.tenant_id, x.department_id, count(*) AS n
          FROM (SELECT DISTINCT l.tenant_id, l.key, it.department_id
                  FROM late_items l JOIN items it ON it.tenant_id = l.tenant_id AND it.id = l.item_id) x
         GROUP BY x.tenant_id, x.department_id),
      -- Records of the year's inspections; a published one counts until a published correction replaces it.
      rec AS MATERIALIZED (
        SELECT r.tenant_id, r.id, r.entity_id, r.item_ids, r.month, r.published, r.overdue,
               r.published AND (r.result_category = ANY (p_problem_codes) OR (r.result_category LIKE 'custom:%' AND EXISTS (
                 SELECT 1 FROM result_categories c
                  WHERE c.tenant_id = r.tenant_id AND c.problem AND r.result_category = 'custom:' || c.id::text))) AS problem
          FROM (SELECT i.tenant_id, i.id, i.entity_id, i.item_ids, i.result_category,
                       to_char(i.inspected_on, 'YYYY-MM') AS month,
                       i.status = 'PUBLISHED' AND (i.corrected_by_id IS NULL OR NOT EXISTS (
                         SELECT 1 FROM inspections c
                          WHERE c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id AND c.status = 'PUBLISHED')) AS published,
                       (i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on < p_today)
                         OR (i.status = 'SUBMITTED' AND i.review_due_on < p_today)
                         OR (i.status = 'REVIEWED' AND i.approval_due_on < p_today)
                         OR (i.status IN ('SUBMITTED', 'REVIEWED', 'APPROVED') AND i.publication_due_on < p_today) AS overdue
                  FROM inspections i
                 WHERE i.tenant_id = ANY (p_tenants)
                   AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)) r),
      sel_items AS (
        SELECT s.tenant_id, s.draw_id, s.seq, s.done, x.item_id
          FROM sel s CROSS JOIN LATERAL unnest(s.item_ids) AS x(item_id)),
      rec_items AS (
        SELECT r.tenant_id, r.id, r.entity_id, r.month, r.published, r.problem, r.overdue, x.item_id
          FROM rec r CROSS JOIN LATERAL unnest(r.item_ids) AS x(item_id)),
      item_sel AS (
        SELECT s.tenant_id, s.item_id, count(*) AS drawn, count(*) FILTER (WHERE s.done) AS completed
          FROM sel_items s GROUP BY s.tenant_id, s.item_id),
      item_rec AS (
        SELECT r.tenant_id, r.item_id, count(DISTINCT r.entity_id) FILTER (WHERE r.published) AS inspected_entities,
               count(*) AS records, count(*) FILTER (WHERE r.published) AS published,
               count(*) FILTER (WHERE r.problem) AS problems, count(*) FILTER (WHERE r.overdue) AS overdue
          FROM rec_items r GROUP BY r.tenant_id, r.item_id),
      -- A record of two items of one department counts once for that department.
      dept_sel AS (
        SELECT x.tenant_id, x.department_id, count(*) AS drawn, count(*) FILTER (WHERE x.done) AS completed
          FROM (SELECT DISTINCT s.tenant_id, s.draw_id, s.seq, s.done, it.department_id
                  FROM sel_items s JOIN items it ON it.tenant_id = s.tenant_id AND it.id = s.item_id) x
         GROUP BY x.tenant_id, x.department_id),
      dept_rec AS (
        SELECT x.tenant_id, x.department_id, count(DISTINCT x.entity_id) FILTER (WHERE x.published) AS inspected_entities,
               count(*) AS records, count(*) FILTER (WHERE x.published) AS published,
               count(*) FILTER (WHERE x.problem) AS problems, count(*) FILTER (WHERE x.overdue) AS overdue
          FROM (SELECT DISTINCT r.tenant_id, r.id, r.entity_id, r.published, r.problem, r.overdue, it.department_id
                  FROM rec_items r JOIN items it ON it.tenant_id = r.tenant_id AND it.id = r.item_id) x
         GROUP BY x.tenant_id, x.department_id),
      dept_keys AS (
        SELECT tenant_id, department_id FROM items WHERE status = 'PUBLISHED'
        UNION SELECT tenant_id, department_id FROM dept_sel
        UNION SELECT tenant_id, department_id FROM dept_rec
        UNION SELECT tenant_id, department_id FROM dept_late)
      SELECT 'bureau', t.id, NULL::text, NULL::text, coalesce(ent.n, 0), coalesce(br.inspected_entities, 0),
             coalesce(bs.drawn, 0), coalesce(bs.completed, 0), coalesce(br.records, 0), coalesce(br.published, 0),
             coalesce(br.problems, 0), coalesce(br.overdue, 0) + coalesce(bl.n, 0)
        FROM unnest(p_tenants) AS t(id)
        LEFT JOIN (SELECT l.tenant_id, count(*) AS n FROM late l GROUP BY l.tenant_id) bl ON bl.tenant_id = t.id
        LEFT JOIN ent ON ent.tenant_id = t.id
        LEFT JOIN (SELECT s.tenant_id, count(*) AS drawn, count(*) FILTER (WHERE s.done) AS completed FROM sel s GROUP BY s.tenant_id) bs
          ON bs.tenant_id = t.id
        LEFT JOIN (SELECT r.tenant_id, count(DISTINCT r.entity_id) FILTER (WHERE r.published) AS inspected_entities,
                          count(*) AS records, count(*) FILTER (WHERE r.published) AS published,
                          count(*) FILTER (WHERE r.problem) AS problems, count(*) FILTER (WHERE r.overdue) AS overdue
                     FROM rec r GROUP BY r.tenant_id) br
          ON br.tenant_id = t.id
      UNION ALL
      SELECT 'item', it.tenant_id, it.id::text, it.name, coalesce(ent.n, 0), coalesce(ir.inspected_entities, 0),
             coalesce(isel.drawn, 0), coalesce(isel.completed, 0), coalesce(ir.records, 0), coalesce(ir.published, 0),
             coalesce(ir.problems, 0), coalesce(ir.overdue, 0) + coalesce(il.n, 0)
        FROM items it
        LEFT JOIN ent ON ent.tenant_id = it.tenant_id
        LEFT JOIN item_late il ON il.tenant_id = it.tenant_id AND il.item_id = it.id
        LEFT JOIN item_sel isel ON isel.tenant_id = it.tenant_id AND isel.item_id = it.id
        LEFT JOIN item_rec ir ON ir.tenant_id = it.tenant_id AND ir.item_id = it.id
       WHERE it.status = 'PUBLISHED' OR isel.item_id IS NOT NULL OR ir.item_id IS NOT NULL OR il.item_id IS NOT NULL
      UNION ALL
      SELECT 'department', k.tenant_id, k.department_id::text, d.name, coalesce(ent.n, 0), coalesce(dr.inspected_entities, 0),
             coalesce(ds.drawn, 0), coalesce(ds.completed, 0), coalesce(dr.records, 0), coalesce(dr.published, 0),
             coalesce(dr.problems, 0), coalesce(dr.overdue, 0) + coalesce(dl.n, 0)
        FROM dept_keys k
        LEFT JOIN dept_late dl ON dl.tenant_id = k.tenant_id AND dl.department_id IS NOT DISTINCT FROM k.department_id
        LEFT JOIN departments d ON d.tenant_id = k.tenant_id AND d.id = k.department_id
        LEFT JOIN ent ON ent.tenant_id = k.tenant_id
        LEFT JOIN dept_sel ds ON ds.tenant_id = k.tenant_id AND ds.department_id IS NOT DISTINCT FROM k.department_id
        LEFT JOIN dept_rec dr ON dr.tenant_id = k.tenant_id AND dr.department_id IS NOT DISTINCT FROM k.department_id
      UNION ALL
      SELECT 'month', r.tenant_id, r.month, r.month, coalesce(max(ent.n), 0), count(DISTINCT r.entity_id) FILTER (WHERE r.published),
             NULL::bigint, NULL::bigint, count(*), count(*) FILTER (WHERE r.published),
             count(*) FILTER (WHERE r.problem), count(*) FILTER (WHERE r.overdue)
        FROM rec r LEFT JOIN ent ON ent.tenant_id = r.tenant_id
       GROUP BY r.tenant_id, r.month
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION dashboard_figures(p_tenants uuid[], p_year int, p_today date, p_problem_codes text[])
      RETURNS TABLE (dim text, tenant_id uuid, key text, label text, entities bigint, inspected_entities bigint,
                     drawn bigint, completed bigint, records bigint, published bigint, problems bigint, overdue bigint)
      LANGUAGE sql STABLE AS $$
      WITH
      ent AS (
        SELECT e.tenant_id, count(*) AS n FROM market_entities e
         WHERE e.tenant_id = ANY (p_tenants) AND e.status IN ('EXISTING', 'OPERATING')
         GROUP BY e.tenant_id),
      items AS MATERIALIZED (
        SELECT it.tenant_id, it.id, it.name, it.department_id, it.status FROM inspection_items it
         WHERE it.tenant_id = ANY (p_tenants)),
      -- A drawn entity is done once some record of it is published.
      done AS (
        SELECT DISTINCT i.tenant_id, i.draw_id, i.seq FROM inspections i
         WHERE i.tenant_id = ANY (p_tenants) AND i.status = 'PUBLISHED'),
      sel AS MATERIALIZED (
        SELECT s.tenant_id, s.draw_id, s.seq, s.item_ids, d.seq IS NOT NULL AS done
          FROM draw_selections s
          LEFT JOIN done d ON d.tenant_id = s.tenant_id AND d.draw_id = s.draw_id AND d.seq = s.seq
         WHERE s.tenant_id = ANY (p_tenants) AND s.year = p_year),
      -- Records of the year's inspections; a published one counts until a published correction replaces it.
      rec AS MATERIALIZED (
        SELECT r.tenant_id, r.id, r.entity_id, r.item_ids, r.month, r.published, r.overdue,
               r.published AND (r.result_category = ANY (p_problem_codes) OR (r.result_category LIKE 'custom:%' AND EXISTS (
                 SELECT 1 FROM result_categories c
                  WHERE c.tenant_id = r.tenant_id AND c.problem AND r.result_category = 'custom:' || c.id::text))) AS problem
          FROM (SELECT i.tenant_id, i.id, i.entity_id, i.item_ids, i.result_category,
                       to_char(i.inspected_on, 'YYYY-MM') AS month,
                       i.status = 'PUBLISHED' AND (i.corrected_by_id IS NULL OR NOT EXISTS (
                         SELECT 1 FROM inspections c
                          WHERE c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id AND c.status = 'PUBLISHED')) AS published,
                       (i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on < p_today)
                         OR (i.status = 'APPROVED' AND i.publication_due_on < p_today) AS overdue
                  FROM inspections i
                 WHERE i.tenant_id = ANY (p_tenants)
                   AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)) r),
      sel_items AS (
        SELECT s.tenant_id, s.draw_id, s.seq, s.done, x.item_id
          FROM sel s CROSS JOIN LATERAL unnest(s.item_ids) AS x(item_id)),
      rec_items AS (
        SELECT r.tenant_id, r.id, r.entity_id, r.month, r.published, r.problem, r.overdue, x.item_id
          FROM rec r CROSS JOIN LATERAL unnest(r.item_ids) AS x(item_id)),
      item_sel AS (
        SELECT s.tenant_id, s.item_id, count(*) AS drawn, count(*) FILTER (WHERE s.done) AS completed
          FROM sel_items s GROUP BY s.tenant_id, s.item_id),
      item_rec AS (
        SELECT r.tenant_id, r.item_id, count(DISTINCT r.entity_id) FILTER (WHERE r.published) AS inspected_entities,
               count(*) AS records, count(*) FILTER (WHERE r.published) AS published,
               count(*) FILTER (WHERE r.problem) AS problems, count(*) FILTER (WHERE r.overdue) AS overdue
          FROM rec_items r GROUP BY r.tenant_id, r.item_id),
      -- A record of two items of one department counts once for that department.
      dept_sel AS (
        SELECT x.tenant_id, x.department_id, count(*) AS drawn, count(*) FILTER (WHERE x.done) AS completed
          FROM (SELECT DISTINCT s.tenant_id, s.draw_id, s.seq, s.done, it.department_id
                  FROM sel_items s JOIN items it ON it.tenant_id = s.tenant_id AND it.id = s.item_id) x
         GROUP BY x.tenant_id, x.department_id),
      dept_rec AS (
        SELECT x.tenant_id, x.department_id, count(DISTINCT x.entity_id) FILTER (WHERE x.published) AS inspected_entities,
               count(*) AS records, count(*) FILTER (WHERE x.published) AS published,
               count(*) FILTER (WHERE x.problem) AS problems, count(*) FILTER (WHERE x.overdue) AS overdue
          FROM (SELECT DISTINCT r.tenant_id, r.id, r.entity_id, r.published, r.problem, r.overdue, it.department_id
                  FROM rec_items r JOIN items it ON it.tenant_id = r.tenant_id AND it.id = r.item_id) x
         GROUP BY x.tenant_id, x.department_id),
      dept_keys AS (
        SELECT tenant_id, department_id FROM items WHERE status = 'PUBLISHED'
        UNION SELECT tenant_id, department_id FROM dept_sel
        UNION SELECT tenant_id, department_id FROM dept_rec)
      SELECT 'bureau', t.id, NULL::text, NULL::text, coalesce(ent.n, 0), coalesce(br.inspected_entities, 0),
             coalesce(bs.drawn, 0), coalesce(bs.completed, 0), coalesce(br.records, 0), coalesce(br.published, 0),
             coalesce(br.problems, 0), coalesce(br.overdue, 0)
        FROM unnest(p_tenants) AS t(id)
        LEFT JOIN ent ON ent.tenant_id = t.id
        LEFT JOIN (SELECT s.tenant_id, count(*) AS drawn, count(*) FILTER (WHERE s.done) AS completed FROM sel s GROUP BY s.tenant_id) bs
          ON bs.tenant_id = t.id
        LEFT JOIN (SELECT r.tenant_id, count(DISTINCT r.entity_id) FILTER (WHERE r.published) AS inspected_entities,
                          count(*) AS records, count(*) FILTER (WHERE r.published) AS published,
                          count(*) FILTER (WHERE r.problem) AS problems, count(*) FILTER (WHERE r.overdue) AS overdue
                     FROM rec r GROUP BY r.tenant_id) br
          ON br.tenant_id = t.id
      UNION ALL
      SELECT 'item', it.tenant_id, it.id::text, it.name, coalesce(ent.n, 0), coalesce(ir.inspected_entities, 0),
             coalesce(isel.drawn, 0), coalesce(isel.completed, 0), coalesce(ir.records, 0), coalesce(ir.published, 0),
             coalesce(ir.problems, 0), coalesce(ir.overdue, 0)
        FROM items it
        LEFT JOIN ent ON ent.tenant_id = it.tenant_id
        LEFT JOIN item_sel isel ON isel.tenant_id = it.tenant_id AND isel.item_id = it.id
        LEFT JOIN item_rec ir ON ir.tenant_id = it.tenant_id AND ir.item_id = it.id
       WHERE it.status = 'PUBLISHED' OR isel.item_id IS NOT NULL OR ir.item_id IS NOT NULL
      UNION ALL
      SELECT 'department', k.tenant_id, k.department_id::text, d.name, coalesce(ent.n, 0), coalesce(dr.inspected_entities, 0),
             coalesce(ds.drawn, 0), coalesce(ds.completed, 0), coalesce(dr.records, 0), coalesce(dr.published, 0),
             coalesce(dr.problems, 0), coalesce(dr.overdue, 0)
        FROM dept_keys k
        LEFT JOIN departments d ON d.tenant_id = k.tenant_id AND d.id = k.department_id
        LEFT JOIN ent ON ent.tenant_id = k.tenant_id
        LEFT JOIN dept_sel ds ON ds.tenant_id = k.tenant_id AND ds.department_id IS NOT DISTINCT FROM k.department_id
        LEFT JOIN dept_rec dr ON dr.tenant_id = k.tenant_id AND dr.department_id IS NOT DISTINCT FROM k.department_id
      UNION ALL
      SELECT 'month', r.tenant_id, r.month, r.month, coalesce(max(ent.n), 0), count(DISTINCT r.entity_id) FILTER (WHERE r.published),
             NULL::bigint, NULL::bigint, count(*), count(*) FILTER (WHERE r.published),
             count(*) FILTER (WHERE r.problem), count(*) FILTER (WHERE r.overdue)
        FROM rec r LEFT JOIN ent ON ent.tenant_id = r.tenant_id
       GROUP BY r.tenant_id, r.month
      $$`);
    await q.query(`DROP FUNCTION joint_unreported_shares(uuid[], int, date)`);
    await q.query(`DROP VIEW joint_part_dates`);
    await q.query(`ALTER TABLE inspections DROP review_due_on, DROP approval_due_on, DROP reported_late_days, DROP published_late_days`);
  }
}
