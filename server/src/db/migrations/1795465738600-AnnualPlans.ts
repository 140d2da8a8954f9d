import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualPlans1795465738600 implements MigrationInterface {
  name = 'AnnualPlans1795465738600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "annual_plans" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "title" text NOT NULL, "scope" text NOT NULL, "inspector_requirements" text, "rounds" integer NOT NULL, "schedule" jsonb NOT NULL, "status" text NOT NULL DEFAULT \'DRAFT\', "rule_version" integer NOT NULL, "review_comment" text, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0c5c84f8a0d774da20670a7ed44" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_75650314b7d4d81e2a0bf470c1" ON "annual_plans"  ("tenant_id", "year") ');
    await queryRunner.query(
      'CREATE TABLE "annual_plan_items" ("tenant_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "item_id" uuid NOT NULL, "ratio" numeric(5,4) NOT NULL, "rounds" integer NOT NULL, CONSTRAINT "PK_560e20b27c70abae046f28ec84a" PRIMARY KEY ("tenant_id", "plan_id", "item_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "annual_plan_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_75650314b7d4d81e2a0bf470c1"');
    await queryRunner.query('DROP TABLE "annual_plans"');
  }
}
