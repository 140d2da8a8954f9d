import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditLoop1796117097008 implements MigrationInterface {
  name = 'CreditLoop1796117097008';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_records" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_id" uuid NOT NULL, "inspection_id" uuid NOT NULL, "result_category" text NOT NULL, "problem" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, "superseded_by_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca6b586a6b35d7b77b1fb074e37" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_44286f0a140b5b3f97538f769a" ON "credit_records"  ("tenant_id", "published_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_cd99d65a76b87cbe6c6ae10e8c" ON "credit_records"  ("tenant_id", "inspection_id") ');
    await queryRunner.query('CREATE INDEX "IDX_8f2652ca95013ebe54aa349430" ON "credit_records"  ("tenant_id", "entity_id") ');
    await queryRunner.query('ALTER TABLE "market_entities" ADD "credit_status" text NOT NULL DEFAULT \'NORMAL\'');
    await queryRunner.query('CREATE INDEX "idx_market_entities_credit_flagged" ON "market_entities"  ("tenant_id") WHERE credit_status <> \'NORMAL\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."idx_market_entities_credit_flagged"');
    await queryRunner.query('ALTER TABLE "market_entities" DROP COLUMN "credit_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_8f2652ca95013ebe54aa349430"');
    await queryRunner.query('DROP INDEX "public"."IDX_cd99d65a76b87cbe6c6ae10e8c"');
    await queryRunner.query('DROP INDEX "public"."IDX_44286f0a140b5b3f97538f769a"');
    await queryRunner.query('DROP TABLE "credit_records"');
  }
}
