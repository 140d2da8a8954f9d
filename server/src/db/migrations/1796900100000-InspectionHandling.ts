import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 处理建议 → 处理决定 on the record, with the trail of its changes (the record's own RLS covers both). */
export class InspectionHandling1796900100000 implements MigrationInterface {
  name = 'InspectionHandling1796900100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inspections" ADD "handling" jsonb`);
    await q.query(`ALTER TABLE "inspections" ADD "handling_changes" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inspections" DROP COLUMN "handling_changes"`);
    await q.query(`ALTER TABLE "inspections" DROP COLUMN "handling"`);
  }
}
