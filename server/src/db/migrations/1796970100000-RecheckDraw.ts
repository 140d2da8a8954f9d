import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A rectification keeps the random draw of its re-check team (the bureau's rule), for anyone to draw again. */
export class RecheckDraw1796970100000 implements MigrationInterface {
  name = 'RecheckDraw1796970100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rectifications" ADD "recheck_draw" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rectifications" DROP COLUMN "recheck_draw"`);
  }
}
