import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795463404636 implements MigrationInterface {
  name = 'Initial1795463404636';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tenants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "region_code" character varying(6) NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT \'ACTIVE\', "path" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_261c0ed783722376726ad0faba" ON "tenants"  ("region_code") ');
    await queryRunner.query(
      'CREATE TABLE "departments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "is_office" boolean NOT NULL DEFAULT false, "head_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_555266587212444198f5412a4f5" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid, "username" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "roles" text array NOT NULL DEFAULT \'{}\', "status" text NOT NULL DEFAULT \'ACTIVE\', "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96bb2f14a3cd3f8e046898b08b4" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_29495dd3c9e34aeb41d5fdbd39" ON "users"  ("tenant_id", "department_id") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "user_agent" text, "ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e703507f27e24b07b16d2e14764" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_32a6ac85a3a94e9d0ff397ab91" ON "sessions"  ("tenant_id", "user_id") ');
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_username" text, "action" text NOT NULL, "object_type" text, "object_id" text, "before" jsonb, "after" jsonb, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_a5de65da7e9cefefeac0b89c2bc" PRIMARY KEY ("tenant_id", "seq"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_7445fcd6291ee354a6988ae6d3" ON "audit_events"  ("tenant_id", "id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_7445fcd6291ee354a6988ae6d3"');
    await queryRunner.query('DROP TABLE "audit_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_32a6ac85a3a94e9d0ff397ab91"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."IDX_29495dd3c9e34aeb41d5fdbd39"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "departments"');
    await queryRunner.query('DROP INDEX "public"."IDX_261c0ed783722376726ad0faba"');
    await queryRunner.query('DROP TABLE "tenants"');
  }
}
