import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportFileBytes1796607323433 implements MigrationInterface {
  name = 'ImportFileBytes1796607323433';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_jobs" ADD "file_bytes" bigint NOT NULL DEFAULT \'0\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_jobs" DROP COLUMN "file_bytes"');
  }
}
