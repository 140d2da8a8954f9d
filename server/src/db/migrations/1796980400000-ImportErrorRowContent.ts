import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each import problem keeps the row's recognised cells (“名称：…；统一社会信用代码：…”), so the report shows which row it was. */
export class ImportErrorRowContent1796980400000 implements MigrationInterface {
  name = 'ImportErrorRowContent1796980400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_errors ADD COLUMN row_content text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_errors DROP COLUMN row_content`);
  }
}
