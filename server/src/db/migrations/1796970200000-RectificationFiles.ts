import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The entity's files of its rectification report are evidence files of the record, marked with their rectification. */
export class RectificationFiles1796970200000 implements MigrationInterface {
  name = 'RectificationFiles1796970200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evidence_files" ADD "rectification_id" uuid`);
    await q.query(`CREATE INDEX "IDX_evidence_files_rectification" ON "evidence_files" ("tenant_id", "rectification_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_evidence_files_rectification"`);
    await q.query(`ALTER TABLE "evidence_files" DROP COLUMN "rectification_id"`);
  }
}
