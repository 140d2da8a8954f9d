import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795466161193 implements MigrationInterface {
  name = 'Tasks1795466161193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tasks" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid, "round" integer, "title" text NOT NULL, "purpose" text NOT NULL, "procedure" text NOT NULL, "division_of_labour" text NOT NULL, "confidentiality" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "team_size" integer NOT NULL, "target_filter" jsonb NOT NULL DEFAULT \'{}\', "inspector_filter" jsonb NOT NULL DEFAULT \'{}\', "status" text NOT NULL DEFAULT \'DRAFT\', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfb75fc41a01bbbfe7a8ea10a5f" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f7fb25533ba63ad44721520684" ON "tasks"  ("tenant_id", "plan_id") ');
    await queryRunner.query(
      'CREATE TABLE "task_items" ("tenant_id" uuid NOT NULL, "task_id" uuid NOT NULL, "item_id" uuid NOT NULL, "ratio" numeric(5,4) NOT NULL, CONSTRAINT "PK_2211c916d8ee23c6814e570551e" PRIMARY KEY ("tenant_id", "task_id", "item_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "task_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_f7fb25533ba63ad44721520684"');
    await queryRunner.query('DROP TABLE "tasks"');
  }
}
