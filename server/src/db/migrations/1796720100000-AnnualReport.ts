import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 年度双随机工作总结 (issue 18). One function per section of the report, each with the caller's rights
 * (under the app role RLS keeps it to the caller's own tenant whatever ids it is given) and the same
 * shape: `(p_tenants, p_year, p_today, p_problem_codes)` → rows `(tenant_id, metric, n)`, counts only.
 * `annual_report_sections` is their union; `provincial_annual_report` is the one path by which the
 * report crosses the tenant wall: owner's rights, the viewer from app_current_tenant(), a provincial
 * department only, the active bureaus of its subtree only, counts per bureau — never an entity or a record.
 *
 * The handling, rectification and referral sections answer nothing yet: their tables are being built
 * (issue 18's other parts). Each plugs in by `CREATE OR REPLACE FUNCTION annual_report_<section>` with the
 * same signature in its own, later migration; the metric names it must return are listed in
 * docs/architecture.md, “The year's report”, and read by server/src/modules/reports/sections/.
 */
const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const SIGNATURE = 'uuid[], int, date, text[]';
const RETURNS = 'RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE';
const SECTIONS = ['work', 'inspections', 'lateness', 'handling', 'rectification', 'referrals'] as const;
const NOTHING_YET = `SELECT NULL::uuid, NULL::text, NULL::bigint WHERE false`;

export class AnnualReport1796720100000 implements MigrationInterface {
  name = 'AnnualReport1796720100000';

  public async up(q: QueryRunner): Promise<void> {
    // Plans and rounds of the year; tasks by the year their window starts.
    await q.query(`CREATE FUNCTION annual_report_work(${ARGS}) ${RETURNS} AS $$
      WITH
      pl AS (SELECT p.tenant_id, p.status, p.rounds FROM annual_plans p WHERE p.tenant_id = ANY (p_tenants) AND p.year = p_year),
      tk AS (SELECT t.tenant_id, t.kind, t.joint, t.status, t.round FROM tasks t
              WHERE t.tenant_id = ANY (p_tenants) AND t.starts_on >= make_date(p_year, 1, 1) AND t.starts_on < make_date(p_year + 1, 1, 1))
      SELECT pl.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id, count(*) FILTER (WHERE status = 'PUBLISHED') AS published,
                     count(*) FILTER (WHERE status IN ('PUBLISHED', 'SUPERSEDED')) AS versions,
                     coalesce(max(rounds) FILTER (WHERE status = 'PUBLISHED'), 0) AS rounds
                FROM pl GROUP BY tenant_id) pl
       CROSS JOIN LATERAL (VALUES ('publishedPlans', pl.published), ('planVersions', pl.versions), ('plannedRounds', pl.rounds::bigint)) AS x(metric, n)
      UNION ALL
      SELECT tk.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id, count(*) FILTER (WHERE status <> 'CANCELLED') AS tasks,
                     count(*) FILTER (WHERE status <> 'CANCELLED' AND kind = 'PLANNED') AS planned,
                     count(*) FILTER (WHERE status <> 'CANCELLED' AND kind = 'SPECIAL') AS special,
                     count(*) FILTER (WHERE status <> 'CANCELLED' AND joint) AS joint,
                     count(*) FILTER (WHERE status = 'DRAWN') AS drawn,
                     count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
                     count(DISTINCT round) FILTER (WHERE status = 'DRAWN' AND kind = 'PLANNED') AS rounds
                FROM tk GROUP BY tenant_id) tk
       CROSS JOIN LATERAL (VALUES ('tasks', tk.tasks), ('plannedTasks', tk.planned), ('specialTasks', tk.special), ('jointTasks', tk.joint),
                                  ('drawnTasks', tk.drawn), ('cancelledTasks', tk.cancelled), ('roundsHeld', tk.rounds)) AS x(metric, n)
    $$`);

    // Entities drawn and inspected, coverage of the directory, problems: the dashboards' definitions.
    await q.query(`CREATE FUNCTION annual_report_inspections(${ARGS}) ${RETURNS} AS $$
      WITH
      ent AS (SELECT e.tenant_id, e.id FROM market_entities e WHERE e.tenant_id = ANY (p_tenants) AND e.status IN ('EXISTING', 'OPERATING')),
      sel AS (SELECT s.tenant_id, s.entity_id FROM draw_selections s WHERE s.tenant_id = ANY (p_tenants) AND s.year = p_year),
      rec AS (
        SELECT r.tenant_id, r.entity_id, r.published,
               r.published AND (r.result_category = ANY (p_problem_codes) OR (r.result_category LIKE 'custom:%' AND EXISTS (
                 SELECT 1 FROM result_categories c
                  WHERE c.tenant_id = r.tenant_id AND c.problem AND r.result_category = 'custom:' || c.id::text))) AS problem
          FROM (SELECT i.tenant_id, i.entity_id, i.result_category,
                       i.status = 'PUBLISHED' AND (i.corrected_by_id IS NULL OR NOT EXISTS (
                         SELECT 1 FROM inspections c
                          WHERE c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id AND c.status = 'PUBLISHED')) AS published
                  FROM inspections i
                 WHERE i.tenant_id = ANY (p_tenants)
                   AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)) r)
      SELECT tenant_id, 'directoryEntities', count(*) FROM ent GROUP BY tenant_id
      UNION ALL SELECT tenant_id, 'selections', count(*) FROM sel GROUP BY tenant_id
      UNION ALL SELECT tenant_id, 'drawnEntities', count(DISTINCT entity_id) FROM sel GROUP BY tenant_id
      UNION ALL
      SELECT rec.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id, count(*) AS records, count(*) FILTER (WHERE published) AS published,
                     count(*) FILTER (WHERE problem) AS problems,
                     count(DISTINCT entity_id) FILTER (WHERE published) AS inspected
                FROM rec GROUP BY tenant_id) rec
       CROSS JOIN LATERAL (VALUES ('records', rec.records), ('published', rec.published), ('problems', rec.problems),
                                  ('inspectedEntities', rec.inspected)) AS x(metric, n)
      UNION ALL
      -- Coverage: the directory's entities (existing, operating) with a published result of the year.
      SELECT ent.tenant_id, 'coveredEntities', count(*) FROM ent
       WHERE EXISTS (SELECT 1 FROM rec WHERE rec.tenant_id = ent.tenant_id AND rec.entity_id = ent.id AND rec.published)
       GROUP BY ent.tenant_id
    $$`);

    // Late and overdue work: the marks fixed at submission and at publication (working days on the bureau's
    // calendar), records overdue today, and selections never reported once their task's window closed.
    await q.query(`CREATE FUNCTION annual_report_lateness(${ARGS}) ${RETURNS} AS $$
      WITH
      rec AS (
        SELECT i.tenant_id, i.reported_late_days, i.published_late_days,
               (i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on < p_today)
                 OR (i.status = 'SUBMITTED' AND i.review_due_on < p_today)
                 OR (i.status = 'REVIEWED' AND i.approval_due_on < p_today)
                 OR (i.status IN ('SUBMITTED', 'REVIEWED', 'APPROVED') AND i.publication_due_on < p_today) AS overdue
          FROM inspections i
         WHERE i.tenant_id = ANY (p_tenants)
           AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)),
      unreported AS (
        SELECT s.tenant_id FROM draw_selections s
          JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id
          JOIN tasks t ON t.tenant_id = d.tenant_id AND t.id = d.task_id AND t.status = 'DRAWN' AND t.ends_on < p_today
         WHERE s.tenant_id = ANY (p_tenants) AND s.year = p_year AND NOT EXISTS (
           SELECT 1 FROM inspections i
            WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
              AND (i.status NOT IN ('DRAFT', 'RETURNED') OR i.report_due_on < p_today))
        UNION ALL
        SELECT j.tenant_id FROM joint_unreported_shares(p_tenants, p_year, p_today) j)
      SELECT rec.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id, count(*) FILTER (WHERE reported_late_days > 0) AS reported,
                     count(*) FILTER (WHERE published_late_days > 0) AS published,
                     count(*) FILTER (WHERE overdue) AS overdue
                FROM rec GROUP BY tenant_id) rec
       CROSS JOIN LATERAL (VALUES ('reportedLate', rec.reported), ('publishedLate', rec.published), ('overdueRecords', rec.overdue)) AS x(metric, n)
      UNION ALL
      SELECT tenant_id, 'unreportedSelections', count(*) FROM unreported GROUP BY tenant_id
    $$`);

    // Not built yet: each answers nothing until its part of issue 18 replaces it.
    for (const section of ['handling', 'rectification', 'referrals']) {
      await q.query(`CREATE FUNCTION annual_report_${section}(${ARGS}) ${RETURNS} AS $$ ${NOTHING_YET} $$`);
    }

    await q.query(`CREATE FUNCTION annual_report_sections(${ARGS})
      RETURNS TABLE (section text, tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE AS $$
      ${SECTIONS.map((s) => `SELECT '${s}', f.tenant_id, f.metric, f.n FROM annual_report_${s}(p_tenants, p_year, p_today, p_problem_codes) f`).join('\n      UNION ALL ')}
    $$`);

    await q.query(`CREATE FUNCTION provincial_annual_report(p_year int, p_today date, p_problem_codes text[])
      RETURNS TABLE (section text, tenant_id uuid, metric text, n bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      DECLARE
        v_viewer uuid := app_current_tenant();
        v_tenants uuid[];
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = v_viewer AND t.kind = 'PROVINCIAL_DEPARTMENT' AND t.status = 'ACTIVE') THEN
          RETURN;
        END IF;
        SELECT coalesce(array_agg(t.id), '{}') INTO v_tenants
          FROM tenants t
         WHERE position('/' || v_viewer::text || '/' IN t.path) > 0
           AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE';
        RETURN QUERY SELECT * FROM annual_report_sections(v_tenants, p_year, p_today, p_problem_codes);
      END $$`);

    for (const fn of [
      ...SECTIONS.map((s) => `annual_report_${s}(${SIGNATURE})`),
      `annual_report_sections(${SIGNATURE})`,
      'provincial_annual_report(int, date, text[])',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION provincial_annual_report(int, date, text[])`);
    await q.query(`DROP FUNCTION annual_report_sections(${SIGNATURE})`);
    for (const section of SECTIONS) await q.query(`DROP FUNCTION annual_report_${section}(${SIGNATURE})`);
  }
}
