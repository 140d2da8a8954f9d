import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceAndStatements1796115551397 implements MigrationInterface {
  name = 'EvidenceAndStatements1796115551397';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evidence_files" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "statement_id" uuid, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by_user" uuid, "uploaded_by_entity" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sealed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3ab70df7732b60adb0c3af88e8f" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_df07ceda923104129b5c8657a6" ON "evidence_files"  ("tenant_id", "statement_id") ');
    await queryRunner.query('CREATE INDEX "IDX_aa72da8df47f7706ba44e7ceb5" ON "evidence_files"  ("tenant_id", "inspection_id") ');
    await queryRunner.query(
      'CREATE TABLE "inspection_statements" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL DEFAULT \'\', "submitted_at" TIMESTAMP WITH TIME ZONE, "after_report_due" boolean NOT NULL DEFAULT false, "after_publication" boolean NOT NULL DEFAULT false, "answer" text, "answered_by" uuid, "answered_by_name" text, "answered_at" TIMESTAMP WITH TIME ZONE, "recheck_required" boolean NOT NULL DEFAULT false, "recheck_result" text, "rechecked_by" uuid, "rechecked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bd12af209e7c93741d43eb76b" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_2256557dec23e9c9a7a67b9412" ON "inspection_statements"  ("tenant_id", "inspection_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_2256557dec23e9c9a7a67b9412"');
    await queryRunner.query('DROP TABLE "inspection_statements"');
    await queryRunner.query('DROP INDEX "public"."IDX_aa72da8df47f7706ba44e7ceb5"');
    await queryRunner.query('DROP INDEX "public"."IDX_df07ceda923104129b5c8657a6"');
    await queryRunner.query('DROP TABLE "evidence_files"');
  }
}
