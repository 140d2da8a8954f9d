import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Rectifications1796960000000 implements MigrationInterface {
  name = 'Rectifications1796960000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rectifications" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL,
        "status" text NOT NULL DEFAULT 'OPEN', "basis" text NOT NULL, "opened_on" date NOT NULL, "due_working_days" integer NOT NULL,
        "due_on" date NOT NULL, "opened_by" uuid NOT NULL, "report_text" text, "report_files" jsonb NOT NULL DEFAULT '[]', "reported_on" date,
        "recheck_team_ids" uuid array NOT NULL DEFAULT '{}', "recheck_result" text, "recheck_passed" boolean, "rechecked_on" date, "rechecked_by" uuid,
        "proposed_outcome" text, "proposed_by" uuid, "closing_note" text, "closed_on" date, "approved_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_rectifications" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_rectifications_inspection" ON "rectifications" ("tenant_id", "inspection_id")`);
    await q.query(`CREATE INDEX "idx_rectifications_status_due" ON "rectifications" ("tenant_id", "status", "due_on")`);
    // At most one running rectification per record.
    await q.query(`CREATE UNIQUE INDEX "uq_rectifications_running" ON "rectifications" ("tenant_id", "inspection_id")
      WHERE status IN ('OPEN', 'REPORTED', 'RECHECKED', 'CLOSE_PROPOSED')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rectifications"`);
  }
}
