import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BureausAndPeople1795464011646 implements MigrationInterface {
  name = 'BureausAndPeople1795464011646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "regions" ("code" character varying(6) NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "parent_code" character varying(6), CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7241ca7859f4288fb12567dd95" ON "regions"  ("parent_code") ');
    await queryRunner.query(
      'CREATE TABLE "invitations" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "code_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0ba2d8d46d4f9f1e4035b1d87b" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_cc64bb4cb5ffebae7d86337f2b" ON "invitations"  ("tenant_id", "user_id") ');
    await queryRunner.query(
      'CREATE TABLE "rule_sets" ("tenant_id" uuid NOT NULL, "version" integer NOT NULL, "rules" jsonb NOT NULL, "reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5888db33eef749e26d7a63b1fa5" PRIMARY KEY ("tenant_id", "version"))',
    );
    await queryRunner.query('ALTER TABLE "tenants" ADD "display_name" text');
    await queryRunner.query('ALTER TABLE "tenants" ADD "contact" text');
    await queryRunner.query('ALTER TABLE "tenants" ADD "public_header" text');
    await queryRunner.query('ALTER TABLE "tenants" ADD "public_footer" text');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tenants" DROP COLUMN "public_footer"');
    await queryRunner.query('ALTER TABLE "tenants" DROP COLUMN "public_header"');
    await queryRunner.query('ALTER TABLE "tenants" DROP COLUMN "contact"');
    await queryRunner.query('ALTER TABLE "tenants" DROP COLUMN "display_name"');
    await queryRunner.query('DROP TABLE "rule_sets"');
    await queryRunner.query('DROP INDEX "public"."IDX_cc64bb4cb5ffebae7d86337f2b"');
    await queryRunner.query('DROP TABLE "invitations"');
    await queryRunner.query('DROP INDEX "public"."IDX_7241ca7859f4288fb12567dd95"');
    await queryRunner.query('DROP TABLE "regions"');
  }
}
