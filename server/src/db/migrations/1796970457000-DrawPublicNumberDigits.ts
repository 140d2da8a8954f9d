import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public number's length, declared when the pool is frozen; draws frozen before keep null (free text). */
export class DrawPublicNumberDigits1796970457000 implements MigrationInterface {
  name = 'DrawPublicNumberDigits1796970457000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "draws" ADD "public_number_digits" smallint');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "draws" DROP COLUMN "public_number_digits"');
  }
}
