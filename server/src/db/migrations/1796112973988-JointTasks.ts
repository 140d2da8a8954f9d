import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JointTasks1796112973988 implements MigrationInterface {
  name = 'JointTasks1796112973988';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "joint_participants" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "lead_tenant_id" uuid NOT NULL, "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "status" text NOT NULL DEFAULT \'INVITED\', "message" text, "response_note" text, "item_ids" uuid array NOT NULL DEFAULT \'{}\', "inspector_ids" uuid array NOT NULL DEFAULT \'{}\', "lead_item_ids" uuid array NOT NULL DEFAULT \'{}\', "invited_by" uuid, "responded_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bae210ecd80c0a3079944c2a3bc" UNIQUE ("tenant_id", "task_id", "department_id"), CONSTRAINT "PK_f32cfbf26a6c91164812af7ce56" PRIMARY KEY ("tenant_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5fc0f8e7599c1bd23fdff5fa66" ON "joint_participants"  ("lead_tenant_id", "task_id") ');
    await queryRunner.query('ALTER TABLE "tasks" ADD "joint" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "tasks" ADD "lead_department_id" uuid');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "lead_department_id"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "joint"');
    await queryRunner.query('DROP INDEX "public"."IDX_5fc0f8e7599c1bd23fdff5fa66"');
    await queryRunner.query('DROP TABLE "joint_participants"');
  }
}
