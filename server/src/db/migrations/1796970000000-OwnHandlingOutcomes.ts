import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTenantWall, removeTenantWall } from '../rls';

const HANDLING = `r.handling ->> 'outcome' AS handling_outcome, r.handling ->> 'basis' AS handling_basis,
             r.handling ->> 'deadlineWorkdays' AS handling_deadline_workdays`;
const OWN = `r.handling ->> 'ownOutcome' AS handling_own_outcome, r.handling ->> 'ownOutcomeLabel' AS handling_own_label`;

/**
 * A bureau's own handling outcomes (proposed by the office, approved by a leader), behind the tenant wall;
 * both portal views gain the own outcome's code and label as kept on the record when decided (CREATE OR
 * REPLACE appends them and keeps the grants).
 */
export class OwnHandlingOutcomes1796970000000 implements MigrationInterface {
  name = 'OwnHandlingOutcomes1796970000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "own_handling_outcomes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL,
        "label" text NOT NULL, "behaves_as" text NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'PENDING',
        "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_by" uuid,
        "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, "retire_reason" text, "retire_proposed_by" uuid,
        CONSTRAINT "PK_own_handling_outcomes" PRIMARY KEY ("tenant_id", "id"),
        CONSTRAINT "chk_own_handling_outcomes_behaves_as" CHECK (behaves_as IN ('NO_PROBLEM', 'RECTIFY', 'CASE', 'TRANSFER', 'CREDIT')))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_own_handling_outcomes_code" ON "own_handling_outcomes" ("tenant_id", "code") WHERE status NOT IN ('RETURNED', 'RETIRED')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_own_handling_outcomes_label" ON "own_handling_outcomes" ("tenant_id", "label") WHERE status NOT IN ('RETURNED', 'RETIRED')`,
    );
    await addTenantWall(q, 'own_handling_outcomes');
    await q.query(`GRANT SELECT, INSERT ON own_handling_outcomes TO spotcheck_app`);
    await q.query(
      `GRANT UPDATE (status, reviewed_by, reviewed_at, review_comment, retire_reason, retire_proposed_by) ON own_handling_outcomes TO spotcheck_app`,
    );
    await q.query(results(true));
    await q.query(list(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_result_list`);
    await q.query(list(false));
    await q.query(`GRANT SELECT ON public_result_list TO spotcheck_app`);
    await q.query(`DROP VIEW public_results`);
    await q.query(results(false));
    await q.query(`GRANT SELECT ON public_results TO spotcheck_app`);
    await q.query(`REVOKE ALL ON own_handling_outcomes FROM spotcheck_app`);
    await removeTenantWall(q, 'own_handling_outcomes');
    await q.query(`DROP TABLE "own_handling_outcomes"`);
  }
}

function results(withOwn: boolean): string {
  return `CREATE OR REPLACE VIEW public_results WITH (security_barrier) AS
      SELECT r.tenant_id, r.id, r.entity_name, r.entity_uscc, r.inspected_on, r.result_category,
             c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items,
             ${HANDLING}${withOwn ? `,\n             ${OWN}` : ''}
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`;
}

function list(withOwn: boolean): string {
  return `CREATE OR REPLACE VIEW public_result_list AS
      SELECT r.tenant_id, n.name AS bureau_name, n.region_code AS bureau_region, r.id, r.entity_name, r.entity_uscc, r.inspected_on,
             r.result_category, c.label AS custom_label, c.problem AS custom_problem, r.findings, r.published_at,
             r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.item_ids,
             t.tenant_id AS task_tenant_id, t.id AS task_id, t.title AS task_title, t.plan_id,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) ORDER BY i.position), '[]'::jsonb)
                FROM inspection_items i WHERE i.tenant_id = r.tenant_id AND i.id = ANY (r.item_ids)) AS items,
             ${HANDLING}${withOwn ? `,\n             ${OWN}` : ''}
        FROM inspections r
        JOIN tenants n ON n.id = r.tenant_id AND n.status = 'ACTIVE' AND n.kind <> 'PLATFORM'
        LEFT JOIN joint_participants p ON p.tenant_id = r.tenant_id AND p.id = r.participation_id
        LEFT JOIN (tasks t JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'ACTIVE')
               ON t.tenant_id = coalesce(p.lead_tenant_id, r.tenant_id) AND t.id = coalesce(r.task_id, p.task_id)
        LEFT JOIN result_categories c ON c.tenant_id = r.tenant_id AND r.result_category = 'custom:' || c.id::text
       WHERE r.status = 'PUBLISHED'`;
}
