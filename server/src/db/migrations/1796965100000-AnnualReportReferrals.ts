import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const RETURNS = 'RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE';
const NOTHING_YET = `SELECT NULL::uuid, NULL::text, NULL::bigint WHERE false`;

/**
 * The year's report, 六、移送: the referrals a bureau sent in the year (by sent_on; proposed, declined or
 * withdrawn ones were never sent), counted at the referring bureau only — a referral received from another
 * bureau is that bureau's. By receiver (`toDepartment`, `toBureau`, `toExternal`) and by how far each got
 * today: `pending` (not yet accepted), `returned`, and cumulatively `accepted` (whatever followed),
 * `filed` (立案, closed or not), `notFiled` (不予立案), `concluded` (结案). Caller's rights, like every section.
 */
export class AnnualReportReferrals1796965100000 implements MigrationInterface {
  name = 'AnnualReportReferrals1796965100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION annual_report_referrals(${ARGS}) ${RETURNS} AS $$
      SELECT r.tenant_id, x.metric, x.n
        FROM (SELECT tenant_id,
                     count(*) AS referred,
                     count(*) FILTER (WHERE target_kind = 'DEPARTMENT') AS to_department,
                     count(*) FILTER (WHERE target_kind = 'BUREAU') AS to_bureau,
                     count(*) FILTER (WHERE target_kind = 'EXTERNAL') AS to_external,
                     count(*) FILTER (WHERE status = 'SENT') AS pending,
                     count(*) FILTER (WHERE status = 'RETURNED') AS returned,
                     count(*) FILTER (WHERE status IN ('ACCEPTED', 'FILED', 'NOT_FILED', 'CLOSED')) AS accepted,
                     count(*) FILTER (WHERE status IN ('FILED', 'CLOSED')) AS filed,
                     count(*) FILTER (WHERE status = 'NOT_FILED') AS not_filed,
                     count(*) FILTER (WHERE status = 'CLOSED') AS concluded
                FROM referrals
               WHERE tenant_id = ANY (p_tenants) AND sent_on >= make_date(p_year, 1, 1) AND sent_on < make_date(p_year + 1, 1, 1)
                 AND status IN ('SENT', 'RETURNED', 'ACCEPTED', 'FILED', 'NOT_FILED', 'CLOSED')
               GROUP BY tenant_id) r
       CROSS JOIN LATERAL (VALUES ('referred', r.referred), ('toDepartment', r.to_department), ('toBureau', r.to_bureau),
                                  ('toExternal', r.to_external), ('pending', r.pending), ('returned', r.returned), ('accepted', r.accepted),
                                  ('filed', r.filed), ('notFiled', r.not_filed), ('concluded', r.concluded)) AS x(metric, n)
    $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION annual_report_referrals(${ARGS}) ${RETURNS} AS $$ ${NOTHING_YET} $$`);
  }
}
