import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Inspections1796113756945 implements MigrationInterface {
  name = 'Inspections1796113756945';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "inspections" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "draw_id" uuid NOT NULL, "seq" integer NOT NULL, "task_id" uuid, "participation_id" uuid, "entity_id" uuid, "entity_uscc" text NOT NULL, "entity_name" text NOT NULL, "item_ids" uuid array NOT NULL, "team_ids" uuid array NOT NULL, "status" text NOT NULL DEFAULT \'DRAFT\', "inspected_on" date, "place" text, "site_conditions" text, "findings" text, "result_category" text, "interview_notes" text, "content_hash" text NOT NULL, "access_code" text NOT NULL, "access_code_hash" text NOT NULL, "report_due_on" date, "report_due_provisional" boolean NOT NULL DEFAULT false, "publication_due_on" date, "publication_due_provisional" boolean NOT NULL DEFAULT false, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "corrects_id" uuid, "corrected_by_id" uuid, "correction_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f40b5f7d67a9ad3fe385aafa6e" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5c4b1cbdaac859aff0b3e06800" ON "inspections"  ("access_code_hash") ');
    await queryRunner.query('CREATE INDEX "IDX_fa00c720776ba067f4d4f9f647" ON "inspections"  ("tenant_id", "entity_id") ');
    await queryRunner.query('CREATE INDEX "IDX_c4ac735a30fca1685930880c0c" ON "inspections"  ("tenant_id", "status") ');
    await queryRunner.query('CREATE INDEX "IDX_5976afb46c07de9e4647ea088d" ON "inspections"  ("tenant_id", "task_id") ');
    await queryRunner.query('CREATE INDEX "IDX_1f9a4341f6f6eb3ef19b9704e9" ON "inspections"  ("tenant_id", "draw_id", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "inspection_confirmations" ("tenant_id" uuid NOT NULL, "inspection_id" uuid NOT NULL, "inspector_id" uuid NOT NULL, "content_hash" text NOT NULL, "user_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7540168e75659d407cb04349d3f" PRIMARY KEY ("tenant_id", "inspection_id", "inspector_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "inspection_steps" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "action" text NOT NULL, "to_status" text NOT NULL, "comment" text, "user_id" uuid, "user_name" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4418d2a0024e305d5bf7dcb7a8" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_8108a11ecb85decb60e7a64f50" ON "inspection_steps"  ("tenant_id", "inspection_id") ');
    await queryRunner.query(
      'CREATE TABLE "result_categories" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "label" text NOT NULL, "problem" boolean NOT NULL DEFAULT true, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b3c2946fb2dbd49bba8f4bc97a" PRIMARY KEY ("tenant_id", "id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "result_categories"');
    await queryRunner.query('DROP INDEX "public"."IDX_8108a11ecb85decb60e7a64f50"');
    await queryRunner.query('DROP TABLE "inspection_steps"');
    await queryRunner.query('DROP TABLE "inspection_confirmations"');
    await queryRunner.query('DROP INDEX "public"."IDX_1f9a4341f6f6eb3ef19b9704e9"');
    await queryRunner.query('DROP INDEX "public"."IDX_5976afb46c07de9e4647ea088d"');
    await queryRunner.query('DROP INDEX "public"."IDX_c4ac735a30fca1685930880c0c"');
    await queryRunner.query('DROP INDEX "public"."IDX_fa00c720776ba067f4d4f9f647"');
    await queryRunner.query('DROP INDEX "public"."IDX_5c4b1cbdaac859aff0b3e06800"');
    await queryRunner.query('DROP TABLE "inspections"');
  }
}
