import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Draws1795466673257 implements MigrationInterface {
  name = 'Draws1795466673257';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "draws" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "status" text NOT NULL, "algorithm" text NOT NULL, "input_hash" text NOT NULL, "commitment" text NOT NULL, "server_seed" text NOT NULL, "rule_version" integer NOT NULL, "public_entropy" jsonb NOT NULL DEFAULT \'[]\', "summary" jsonb NOT NULL, "record_gz" bytea NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE, "committed_by" uuid, "drawn_by" uuid, CONSTRAINT "PK_9e0a1b6fa24a7b3fa27c6118006" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_6ae33a326e2b15a128b9b42bd9" ON "draws"  ("tenant_id", "task_id") ');
    await queryRunner.query(
      'CREATE TABLE "draw_selections" ("tenant_id" uuid NOT NULL, "draw_id" uuid NOT NULL, "seq" integer NOT NULL, "year" integer NOT NULL, "entity_id" uuid NOT NULL, "item_ids" uuid array NOT NULL, "inspector_ids" uuid array NOT NULL, CONSTRAINT "PK_2532b1c790f2570988627c72299" PRIMARY KEY ("tenant_id", "draw_id", "seq"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5aed87987edf8802dcec85a271" ON "draw_selections"  ("tenant_id", "year", "entity_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_5aed87987edf8802dcec85a271"');
    await queryRunner.query('DROP TABLE "draw_selections"');
    await queryRunner.query('DROP INDEX "public"."IDX_6ae33a326e2b15a128b9b42bd9"');
    await queryRunner.query('DROP TABLE "draws"');
  }
}
