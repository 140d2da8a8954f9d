import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoleGrants1796606739592 implements MigrationInterface {
  name = 'RoleGrants1796606739592';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "role_grants" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "username" text NOT NULL, "roles" text array NOT NULL, "added_roles" text array NOT NULL, "roles_before" text array NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "proposed_by" uuid, "proposed_by_name" text NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_by_name" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "PK_b2e4d98e8c86a7c88a1a9cd3f8d" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f9eeedb300dee6632c629da0d1" ON "role_grants"  ("tenant_id", "user_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_f9eeedb300dee6632c629da0d1"');
    await queryRunner.query('DROP TABLE "role_grants"');
  }
}
