import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796116329073 implements MigrationInterface {
  name = 'Notifications1796116329073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text, "link" text, "dedupe_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9b0da1590e59b4b841e511e37ec" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications"  ("tenant_id", "user_id", "dedupe_key") ');
    await queryRunner.query('CREATE INDEX "idx_notifications_unread" ON "notifications"  ("tenant_id", "user_id") WHERE read_at IS NULL');
    await queryRunner.query('CREATE INDEX "IDX_d7e2b543b35367da9830509a4b" ON "notifications"  ("tenant_id", "user_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "deadline_notices" ("tenant_id" uuid NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" text NOT NULL, "recipients" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f2956ebf7e95b3c5a8ce177dee" PRIMARY KEY ("tenant_id", "key", "kind", "due_at"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "deadline_notices"');
    await queryRunner.query('DROP INDEX "public"."IDX_d7e2b543b35367da9830509a4b"');
    await queryRunner.query('DROP INDEX "public"."idx_notifications_unread"');
    await queryRunner.query('DROP INDEX "public"."uq_notifications_dedupe"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
