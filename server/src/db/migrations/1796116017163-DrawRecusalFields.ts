import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrawRecusalFields1796116017163 implements MigrationInterface {
  name = 'DrawRecusalFields1796116017163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "inspectors" ADD "region_code" character varying(6)');
    await queryRunner.query('ALTER TABLE "market_entities" ADD "supervising_department_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "idx_market_entities_supervising_department" ON "market_entities"  ("tenant_id", "supervising_department_id") WHERE supervising_department_id IS NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "market_entities" ADD CONSTRAINT "fk_market_entities_supervising_department" FOREIGN KEY ("tenant_id", "supervising_department_id") REFERENCES "departments"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "market_entities" DROP CONSTRAINT "fk_market_entities_supervising_department"');
    await queryRunner.query('DROP INDEX "public"."idx_market_entities_supervising_department"');
    await queryRunner.query('ALTER TABLE "market_entities" DROP COLUMN "supervising_department_id"');
    await queryRunner.query('ALTER TABLE "inspectors" DROP COLUMN "region_code"');
  }
}
