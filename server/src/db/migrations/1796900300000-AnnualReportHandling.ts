import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const RETURNS = 'RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE';

/**
 * The year's report, 四、处理决定: the records of the year (by inspection date, as the inspections
 * section counts them) whose handling the leader has decided (approved or published; a record whose
 * correction is published counts as that correction): `decided` per bureau and `outcome:<code>` per
 * outcome, as sections/handling-section.ts reads them.
 */
export class AnnualReportHandling1796900300000 implements MigrationInterface {
  name = 'AnnualReportHandling1796900300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION annual_report_handling(${ARGS}) ${RETURNS} AS $$
      WITH dec AS (
        SELECT i.tenant_id, i.handling ->> 'outcome' AS outcome FROM inspections i
         WHERE i.tenant_id = ANY (p_tenants) AND i.status IN ('APPROVED', 'PUBLISHED') AND i.handling IS NOT NULL
           AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)
           AND (i.corrected_by_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM inspections c WHERE c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id AND c.status = 'PUBLISHED')))
      SELECT tenant_id, 'decided', count(*) FROM dec GROUP BY tenant_id
      UNION ALL
      SELECT tenant_id, 'outcome:' || outcome, count(*) FROM dec GROUP BY tenant_id, outcome
    $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION annual_report_handling(${ARGS}) ${RETURNS} AS $$ SELECT NULL::uuid, NULL::text, NULL::bigint WHERE false $$`);
  }
}
