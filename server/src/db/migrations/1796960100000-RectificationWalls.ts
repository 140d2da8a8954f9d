import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTenantWall, removeTenantWall } from '../rls';

const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const SIGNATURE = 'uuid[], int, date, text[]';
const NOTHING_YET = `SELECT NULL::uuid, NULL::text, NULL::bigint WHERE false`;

/**
 * The tenant wall of rectifications (整改), and the year's report's rectification section: rectifications
 * opened in the year (by opened_on), how many are closed, how many closed 整改完成 whose entity reported by the
 * deadline, and how many are still not closed past their deadline today. Caller's rights, so RLS keeps it to the caller's bureau
 * (the provincial report reaches it through provincial_annual_report, as for every section).
 */
export class RectificationWalls1796960100000 implements MigrationInterface {
  name = 'RectificationWalls1796960100000';

  public async up(q: QueryRunner): Promise<void> {
    await addTenantWall(q, 'rectifications');
    await q.query(`GRANT SELECT, INSERT ON rectifications TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, report_text, report_files, reported_on, recheck_team_ids, recheck_result, recheck_passed,
      rechecked_on, rechecked_by, proposed_outcome, proposed_by, closing_note, closed_on, approved_by, updated_at) ON rectifications TO spotcheck_app`);

    await q.query(`CREATE OR REPLACE FUNCTION annual_report_rectification(${ARGS})
      RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE AS $$
      SELECT r.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id,
                     count(*) AS opened,
                     count(*) FILTER (WHERE status IN ('DONE', 'NOT_DONE')) AS closed,
                     count(*) FILTER (WHERE status = 'DONE' AND reported_on IS NOT NULL AND reported_on <= due_on) AS in_time,
                     count(*) FILTER (WHERE status IN ('OPEN', 'REPORTED', 'RECHECKED', 'CLOSE_PROPOSED') AND due_on < p_today) AS overdue
                FROM rectifications
               WHERE tenant_id = ANY (p_tenants) AND opened_on >= make_date(p_year, 1, 1) AND opened_on < make_date(p_year + 1, 1, 1)
               GROUP BY tenant_id) r
       CROSS JOIN LATERAL (VALUES ('opened', r.opened), ('closed', r.closed), ('closedInTime', r.in_time), ('overdue', r.overdue)) AS x(metric, n)
    $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION annual_report_rectification(${ARGS})
      RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE AS $$ ${NOTHING_YET} $$`);
    await q.query(`REVOKE ALL ON FUNCTION annual_report_rectification(${SIGNATURE}) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON rectifications FROM spotcheck_app`);
    await removeTenantWall(q, 'rectifications');
  }
}
