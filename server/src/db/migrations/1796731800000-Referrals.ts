import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1796731800000 implements MigrationInterface {
  name = 'Referrals1796731800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "referrals" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'PROPOSED\', "target_kind" text NOT NULL, "target_tenant_id" uuid, "target_department_id" uuid, "target_bureau_name" text NOT NULL, "target_department_name" text, "reason" text NOT NULL, "entity_name" text NOT NULL, "entity_uscc" text NOT NULL, "findings" text NOT NULL, "result_label" text, "inspected_on" date, "evidence" jsonb NOT NULL DEFAULT \'[]\', "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "sent_on" date, "accept_due_on" date, "accepted_on" date, "returned_on" date, "return_reason" text, "filed_on" date, "case_no" text, "not_filed_on" date, "not_filed_reason" text, "closed_on" date, "closing_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3821633a06c5c4c3ea4a235a13" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_036779f3e62b5bf4a334c616aa" ON "referrals"  ("target_tenant_id", "status") ');
    await queryRunner.query('CREATE INDEX "IDX_72f050df76e89df650e2a3605e" ON "referrals"  ("tenant_id", "inspection_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_72f050df76e89df650e2a3605e"');
    await queryRunner.query('DROP INDEX "public"."IDX_036779f3e62b5bf4a334c616aa"');
    await queryRunner.query('DROP TABLE "referrals"');
  }
}
