import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1796113322569 implements MigrationInterface {
  name = 'Calendar1796113322569';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "platform_calendar_entries" ("date" date NOT NULL, "working" boolean NOT NULL, "note" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_599f00595c1f86e8ba8f2099fa5" PRIMARY KEY ("date"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_adjustments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "working" boolean NOT NULL, "note" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c68427621042d913034a441a019" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_977c8087bbe41b126e581328bb" ON "calendar_adjustments"  ("tenant_id", "date") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_977c8087bbe41b126e581328bb"');
    await queryRunner.query('DROP TABLE "calendar_adjustments"');
    await queryRunner.query('DROP TABLE "platform_calendar_entries"');
  }
}
