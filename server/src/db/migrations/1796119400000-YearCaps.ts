import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One plan a bureau a year, amended by versions; tasks of a kind (双随机 within the plan, or 专项检查 with
 * a leader's approval). Existing plans of one year become the versions of that year's plan, in the order
 * they were published; all but the last published one are superseded. No new table, so no new wall.
 */
export class YearCaps1796119400000 implements MigrationInterface {
  name = 'YearCaps1796119400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE annual_plans ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE annual_plans ADD COLUMN superseded_at timestamptz`);
    await q.query(`UPDATE annual_plans p SET version = v.n FROM (
        SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id, year ORDER BY published_at NULLS LAST, created_at, id) AS n FROM annual_plans
      ) v WHERE v.tenant_id = p.tenant_id AND v.id = p.id`);
    await q.query(`UPDATE annual_plans p SET status = 'SUPERSEDED', superseded_at = now() WHERE p.status = 'PUBLISHED' AND EXISTS (
        SELECT 1 FROM annual_plans l WHERE l.tenant_id = p.tenant_id AND l.year = p.year AND l.status = 'PUBLISHED' AND l.version > p.version)`);
    await q.query(`CREATE UNIQUE INDEX annual_plans_year_version ON annual_plans (tenant_id, year, version)`);
    await q.query(`CREATE UNIQUE INDEX annual_plans_one_published ON annual_plans (tenant_id, year) WHERE status = 'PUBLISHED'`);

    await q.query(`ALTER TABLE tasks ADD COLUMN kind text NOT NULL DEFAULT 'PLANNED'`);
    await q.query(`ALTER TABLE tasks ADD COLUMN reason text`);
    await q.query(`ALTER TABLE tasks ADD COLUMN needs_leader_approval boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE tasks ADD COLUMN leader_approved_by uuid`);
    await q.query(`ALTER TABLE tasks ADD COLUMN leader_approved_at timestamptz`);
    await q.query(`ALTER TABLE tasks ADD COLUMN leader_comment text`);
    // A task without a plan was a 专项检查 in all but name.
    await q.query(`UPDATE tasks SET kind = 'SPECIAL' WHERE plan_id IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const c of ['leader_comment', 'leader_approved_at', 'leader_approved_by', 'needs_leader_approval', 'reason', 'kind'])
      await q.query(`ALTER TABLE tasks DROP COLUMN ${c}`);
    await q.query(`DROP INDEX annual_plans_one_published`);
    await q.query(`DROP INDEX annual_plans_year_version`);
    await q.query(`UPDATE annual_plans SET status = 'PUBLISHED' WHERE status = 'SUPERSEDED'`);
    await q.query(`ALTER TABLE annual_plans DROP COLUMN superseded_at`);
    await q.query(`ALTER TABLE annual_plans DROP COLUMN version`);
  }
}
