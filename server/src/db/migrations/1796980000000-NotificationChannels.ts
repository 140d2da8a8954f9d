import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannels1796980000000 implements MigrationInterface {
  name = 'NotificationChannels1796980000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind_group" text NOT NULL, "channel" text NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_110181e8a70664384262639853c" PRIMARY KEY ("tenant_id", "user_id", "kind_group", "channel"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_deliveries" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "channel" text NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2fa8d6688809c881270250d58c2" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_notification_deliveries_due" ON "notification_deliveries"  ("tenant_id", "next_attempt_at") WHERE status = \'PENDING\'',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_outbox" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "user_id" uuid NOT NULL, "recipient" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text, "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f87d3e807ee1ced825bc09ff7e0" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_notification_outbox_delivery" ON "notification_outbox"  ("tenant_id", "delivery_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_notification_outbox_delivery"');
    await queryRunner.query('DROP TABLE "notification_outbox"');
    await queryRunner.query('DROP INDEX "public"."idx_notification_deliveries_due"');
    await queryRunner.query('DROP TABLE "notification_deliveries"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
  }
}
