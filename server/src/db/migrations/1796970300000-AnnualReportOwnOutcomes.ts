import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = 'p_tenants uuid[], p_year int, p_today date, p_problem_codes text[]';
const RETURNS = 'RETURNS TABLE (tenant_id uuid, metric text, n bigint) LANGUAGE sql STABLE';

function handling(outcome: string): string {
  return `CREATE OR REPLACE FUNCTION annual_report_handling(${ARGS}) ${RETURNS} AS $$
      WITH dec AS (
        SELECT i.tenant_id, ${outcome} AS outcome FROM inspections i
         WHERE i.tenant_id = ANY (p_tenants) AND i.status IN ('APPROVED', 'PUBLISHED') AND i.handling IS NOT NULL
           AND i.inspected_on >= make_date(p_year, 1, 1) AND i.inspected_on < make_date(p_year + 1, 1, 1)
           AND (i.corrected_by_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM inspections c WHERE c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id AND c.status = 'PUBLISHED')))
      SELECT tenant_id, 'decided', count(*) FROM dec GROUP BY tenant_id
      UNION ALL
      SELECT tenant_id, 'outcome:' || outcome, count(*) FROM dec GROUP BY tenant_id, outcome
    $$`;
}

/**
 * The year's report counts a bureau's own outcome apart, as `outcome:own:<code>:<label>` (the label as the
 * record keeps it), which sections/handling-section.ts names by its label; standard ones stay `outcome:<code>`.
 */
export class AnnualReportOwnOutcomes1796970300000 implements MigrationInterface {
  name = 'AnnualReportOwnOutcomes1796970300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      handling(`CASE WHEN coalesce(i.handling ->> 'ownOutcome', '') <> ''
        THEN 'own:' || (i.handling ->> 'ownOutcome') || ':' || coalesce(i.handling ->> 'ownOutcomeLabel', i.handling ->> 'ownOutcome')
        ELSE i.handling ->> 'outcome' END`),
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(handling(`i.handling ->> 'outcome'`));
  }
}
