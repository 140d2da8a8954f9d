import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboards. `dashboard_figures` computes a bureau's figures and runs with the caller's rights, so under
 * the app role RLS limits it to the caller's own tenant whatever ids it is given. `provincial_dashboard`
 * is the one path by which figures cross the tenant wall: it runs with the owner's rights, takes the
 * viewer from app_current_tenant(), answers only a provincial department, keeps to the bureaus of its
 * subtree, and returns counts per bureau, item name, department name and month — never a row of an
 * entity or of a record.
 */
export class DashboardWalls1796118000000 implements MigrationInterface {
  name = 'DashboardWalls1796118000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION dashboard_figures(p_tenants uuid[], p_year int, p_today date, p_problem_codes text[])
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
    await q.query(`REVOKE ALL ON FUNCTION dashboard_figures(uuid[], int, date, text[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION dashboard_figures(uuid[], int, date, text[]) TO spotcheck_app`);

    await q.query(`CREATE FUNCTION provincial_dashboard(p_region text, p_year int, p_today date, p_problem_codes text[])
      RETURNS TABLE (dim text, tenant_id uuid, region_code text, key text, label text, entities bigint, inspected_entities bigint,
                     drawn bigint, completed bigint, records bigint, published bigint, problems bigint, overdue bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      DECLARE
        v_viewer uuid := app_current_tenant();
        v_region text;
        v_tenants uuid[];
      BEGIN
        SELECT t.region_code INTO v_region FROM tenants t
         WHERE t.id = v_viewer AND t.kind = 'PROVINCIAL_DEPARTMENT' AND t.status = 'ACTIVE';
        IF v_region IS NULL THEN
          RETURN;
        END IF;
        -- The active bureaus of the viewer's subtree whose region lies in the asked region (the province by default).
        SELECT coalesce(array_agg(t.id), '{}') INTO v_tenants
          FROM tenants t
         WHERE position('/' || v_viewer::text || '/' IN t.path) > 0
           AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE'
           AND t.region_code IN (
             WITH RECURSIVE area AS (
               SELECT r.code FROM regions r WHERE r.code = coalesce(p_region, v_region)
               UNION ALL SELECT r.code FROM regions r JOIN area a ON r.parent_code = a.code)
             SELECT code FROM area);
        RETURN QUERY
          WITH f AS MATERIALIZED (SELECT * FROM dashboard_figures(v_tenants, p_year, p_today, p_problem_codes))
          SELECT f.dim, f.tenant_id, t.region_code::text, NULL::text, t.name, f.entities, f.inspected_entities,
                 f.drawn, f.completed, f.records, f.published, f.problems, f.overdue
            FROM f JOIN tenants t ON t.id = f.tenant_id
           WHERE f.dim = 'bureau'
          UNION ALL
          SELECT f.dim, NULL::uuid, NULL::text, f.label, f.label, sum(f.entities)::bigint, sum(f.inspected_entities)::bigint,
                 sum(f.drawn)::bigint, sum(f.completed)::bigint, sum(f.records)::bigint, sum(f.published)::bigint,
                 sum(f.problems)::bigint, sum(f.overdue)::bigint
            FROM f
           WHERE f.dim <> 'bureau'
           GROUP BY f.dim, f.label;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION provincial_dashboard(text, int, date, text[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION provincial_dashboard(text, int, date, text[]) TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION provincial_dashboard(text, int, date, text[])`);
    await q.query(`DROP FUNCTION dashboard_figures(uuid[], int, date, text[])`);
  }
}
