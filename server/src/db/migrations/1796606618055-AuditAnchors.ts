import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditAnchors1796606618055 implements MigrationInterface {
  name = 'AuditAnchors1796606618055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_anchors" ("tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" text NOT NULL, "anchored_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_486966be7cb890e786465f6c156" PRIMARY KEY ("tenant_id", "seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_anchor_copies" ("tenant_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" text NOT NULL, "anchored_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_06070d4bae70a91a292fc74e97c" PRIMARY KEY ("tenant_id", "bureau_id", "seq"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_anchor_copies"');
    await queryRunner.query('DROP TABLE "audit_anchors"');
  }
}
