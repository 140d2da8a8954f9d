import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const SIGNATURE = 'uuid[], int, date, text[]';
const RETURNS = 'RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE';
const SECTIONS = ['work', 'inspections', 'lateness', 'handling', 'rectification', 'referrals'] as const;

const union = (sections: readonly string[]) => `CREATE OR REPLACE FUNCTION annual_report_sections(${ARGS})
      RETURNS TABLE (section text, tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE AS $$
      ${sections.map((s) => `SELECT '${s}', f.tenant_id, f.metric, f.n FROM annual_report_${s}(p_tenants, p_year, p_today, p_problem_codes) f`).join('\n      UNION ALL ')}
    $$`;

/**
 * The year's report, 七、信用惩戒 (sections/credit-section.ts): the entries of the bureau's 黑名单 and
 * 重点关注名单 decided in the year and approved by a leader (still in force, or ended since by a repair),
 * and the entries a 信用修复 ended in the year. A section of its own in `annual_report_sections`, so the
 * province reaches it through provincial_annual_report like every other, counts only.
 */
export class AnnualReportCredit1796965400000 implements MigrationInterface {
  name = 'AnnualReportCredit1796965400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION annual_report_credit(${ARGS}) ${RETURNS} AS $$
      SELECT e.tenant_id, CASE e.list WHEN 'BLACKLIST' THEN 'blacklisted' ELSE 'watchlisted' END, count(*)
        FROM credit_list_entries e
       WHERE e.tenant_id = ANY (p_tenants) AND e.status IN ('APPROVED', 'REPAIRED')
         AND e.decided_on >= make_date(p_year, 1, 1) AND e.decided_on < make_date(p_year + 1, 1, 1)
       GROUP BY e.tenant_id, e.list
      UNION ALL
      SELECT e.tenant_id, 'repaired', count(*)
        FROM credit_list_entries e
       WHERE e.tenant_id = ANY (p_tenants) AND e.status = 'REPAIRED'
         AND e.ended_on >= make_date(p_year, 1, 1) AND e.ended_on < make_date(p_year + 1, 1, 1)
       GROUP BY e.tenant_id
    $$`);
    await q.query(union([...SECTIONS, 'credit']));
    for (const fn of [`annual_report_credit(${SIGNATURE})`, `annual_report_sections(${SIGNATURE})`]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(union(SECTIONS));
    await q.query(`DROP FUNCTION annual_report_credit(${SIGNATURE})`);
  }
}
