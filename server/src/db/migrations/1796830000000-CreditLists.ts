import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditLists1796830000000 implements MigrationInterface {
  name = 'CreditLists1796830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_list_entries" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "entity_name" text NOT NULL, "entity_uscc" text NOT NULL, "list" text NOT NULL, "reason" text NOT NULL, "legal_basis" text NOT NULL, "decided_on" date NOT NULL, "valid_until" date NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "source_inspection_id" uuid, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, "ended_on" date, "ended_by_repair_id" uuid, CONSTRAINT "PK_74d6d16e890ab5891c330d12f5f" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b32d69a90d9c9a9e98b59b76e4" ON "credit_list_entries"  ("tenant_id", "status", "list") ');
    await queryRunner.query('CREATE INDEX "IDX_d1e1ddd3e639a3b69a92b9e90f" ON "credit_list_entries"  ("tenant_id", "entity_id") ');
    await queryRunner.query(
      'CREATE TABLE "credit_repair_requests" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "inspection_id" uuid NOT NULL, "reasons" text NOT NULL, "status" text NOT NULL DEFAULT \'SUBMITTED\', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, CONSTRAINT "PK_7f761c5e010ce6b6ec7ed8c1639" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e721c68da9745c0af93c6c0d0c" ON "credit_repair_requests"  ("tenant_id", "entry_id") ');
    await queryRunner.query(
      'CREATE TABLE "joint_punishment_settings" ("tenant_id" uuid NOT NULL, "enabled" boolean NOT NULL, "weight" numeric(8,4) NOT NULL, "reason" text NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea9615c326c89247afc42bcc018" PRIMARY KEY ("tenant_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "joint_punishment_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_e721c68da9745c0af93c6c0d0c"');
    await queryRunner.query('DROP TABLE "credit_repair_requests"');
    await queryRunner.query('DROP INDEX "public"."IDX_d1e1ddd3e639a3b69a92b9e90f"');
    await queryRunner.query('DROP INDEX "public"."IDX_b32d69a90d9c9a9e98b59b76e4"');
    await queryRunner.query('DROP TABLE "credit_list_entries"');
  }
}
