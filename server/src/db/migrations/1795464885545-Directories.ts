import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Directories1795464885545 implements MigrationInterface {
  name = 'Directories1795464885545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "inspection_items" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid, "version" integer NOT NULL DEFAULT \'1\', "name" text NOT NULL, "legal_basis" text NOT NULL, "inspecting_body" text NOT NULL, "category" text NOT NULL, "target_type" text NOT NULL, "min_ratio" numeric(5,4) NOT NULL, "frequency_per_year" integer NOT NULL, "methods" text array NOT NULL DEFAULT \'{}\', "remarks" text, "status" text NOT NULL DEFAULT \'DRAFT\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6752eabb5750d78b3f5b213c81" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1818d0a2da1c78243dc7e520d9" ON "inspection_items"  ("tenant_id", "department_id") ');
    await queryRunner.query(
      'CREATE TABLE "inspection_item_versions" ("tenant_id" uuid NOT NULL, "item_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "change" text NOT NULL, "reason" text, "changed_by" uuid, "changed_by_name" text, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_641078ce45fe19e513308e1648b" PRIMARY KEY ("tenant_id", "item_id", "version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "inspectors" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "department_id" uuid, "name" text NOT NULL, "gender" text NOT NULL, "post" text NOT NULL, "enforcement_categories" text array NOT NULL DEFAULT \'{}\', "certificate_no" text NOT NULL, "certificate_valid_from" date NOT NULL, "certificate_valid_to" date NOT NULL, "establishment" text NOT NULL, "specialties" text array NOT NULL DEFAULT \'{}\', "status" text NOT NULL DEFAULT \'ACTIVE\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a272f84c458afe3b603f9b9f9a3" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_fef236986e2f36a70a63fd67c0" ON "inspectors"  ("tenant_id", "certificate_no") ');
    await queryRunner.query(
      'CREATE TABLE "recusals" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspector_id" uuid NOT NULL, "entity_id" uuid NOT NULL, "reason" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_59b4385810b6f018a952efe35fd" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_3f557cfcae6a460676c8ff1300" ON "recusals"  ("tenant_id", "entity_id") ');
    await queryRunner.query('CREATE INDEX "IDX_79e18eb0cd5e7b526ab7d861d9" ON "recusals"  ("tenant_id", "inspector_id") ');
    await queryRunner.query(
      'CREATE TABLE "market_entities" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "uscc" character varying(18) NOT NULL, "uscc_checksum_override" boolean NOT NULL DEFAULT false, "registration_authority" text, "legal_representative" text, "address" text, "region_code" character varying(6) NOT NULL, "industry" text, "target_type" text, "status" text NOT NULL DEFAULT \'EXISTING\', "credit_class" text, "risk_level" text, "complaints" integer NOT NULL DEFAULT \'0\', "violation_record" text, "version" integer NOT NULL DEFAULT \'1\', "import_job_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7ecee5c4cae39ea55ba031bd548" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_cb521a6f848b3dbc0ceb1de1db" ON "market_entities"  ("tenant_id", "uscc") ');
    await queryRunner.query(
      'CREATE TABLE "market_entity_changes" ("tenant_id" uuid NOT NULL, "entity_id" uuid NOT NULL, "version" integer NOT NULL, "before" jsonb, "after" jsonb NOT NULL, "source" text NOT NULL, "import_job_id" uuid, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2d2a562c335b00f4e14f5b5bc9a" PRIMARY KEY ("tenant_id", "entity_id", "version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "import_jobs" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "mode" text NOT NULL, "status" text NOT NULL DEFAULT \'QUEUED\', "file_name" text NOT NULL, "file_format" text, "encoding" text, "accept_checksum_warnings" boolean NOT NULL DEFAULT false, "processed_rows" integer NOT NULL DEFAULT \'0\', "inserted_rows" integer NOT NULL DEFAULT \'0\', "updated_rows" integer NOT NULL DEFAULT \'0\', "error_rows" integer NOT NULL DEFAULT \'0\', "warning_rows" integer NOT NULL DEFAULT \'0\', "failure_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a828eba4389e7efc4f7b2f027b7" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "import_errors" ("tenant_id" uuid NOT NULL, "job_id" uuid NOT NULL, "seq" integer NOT NULL, "row_number" integer NOT NULL, "column" text, "code" text NOT NULL, "message" text NOT NULL, "warning" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_66b4c786f163817ae7af2ddc2da" PRIMARY KEY ("tenant_id", "job_id", "seq"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "import_errors"');
    await queryRunner.query('DROP TABLE "import_jobs"');
    await queryRunner.query('DROP TABLE "market_entity_changes"');
    await queryRunner.query('DROP INDEX "public"."IDX_cb521a6f848b3dbc0ceb1de1db"');
    await queryRunner.query('DROP TABLE "market_entities"');
    await queryRunner.query('DROP INDEX "public"."IDX_79e18eb0cd5e7b526ab7d861d9"');
    await queryRunner.query('DROP INDEX "public"."IDX_3f557cfcae6a460676c8ff1300"');
    await queryRunner.query('DROP TABLE "recusals"');
    await queryRunner.query('DROP INDEX "public"."IDX_fef236986e2f36a70a63fd67c0"');
    await queryRunner.query('DROP TABLE "inspectors"');
    await queryRunner.query('DROP TABLE "inspection_item_versions"');
    await queryRunner.query('DROP INDEX "public"."IDX_1818d0a2da1c78243dc7e520d9"');
    await queryRunner.query('DROP TABLE "inspection_items"');
  }
}
