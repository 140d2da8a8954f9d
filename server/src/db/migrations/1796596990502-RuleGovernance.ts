import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RuleGovernance1796596990502 implements MigrationInterface {
  name = 'RuleGovernance1796596990502';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rule_proposals" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "rules" jsonb NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "base_version" integer NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, "approved_version" integer, CONSTRAINT "PK_2f3ab1fedbd6a63f93a72fbc048" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "rule_bounds" ("tenant_id" uuid NOT NULL, "bounds" jsonb NOT NULL, "reason" text, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c63b825e3e49302520bc47a5ce3" PRIMARY KEY ("tenant_id"))',
    );
    await queryRunner.query('ALTER TABLE "rule_sets" ADD "approved_by" uuid');
    await queryRunner.query('ALTER TABLE "rule_sets" ADD "approved_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "rule_sets" ADD "proposal_id" uuid');
    await queryRunner.query('ALTER TABLE "tasks" ADD "rule_version" integer');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "rule_version"');
    await queryRunner.query('ALTER TABLE "rule_sets" DROP COLUMN "proposal_id"');
    await queryRunner.query('ALTER TABLE "rule_sets" DROP COLUMN "approved_at"');
    await queryRunner.query('ALTER TABLE "rule_sets" DROP COLUMN "approved_by"');
    await queryRunner.query('DROP TABLE "rule_bounds"');
    await queryRunner.query('DROP TABLE "rule_proposals"');
  }
}
