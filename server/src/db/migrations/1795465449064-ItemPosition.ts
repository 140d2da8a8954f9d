import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ItemPosition1795465449064 implements MigrationInterface {
  name = 'ItemPosition1795465449064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "inspection_items" ADD "position" integer NOT NULL DEFAULT \'0\'');
    // The public view keeps the list's order (written by hand: views are not generated).
    await queryRunner.query(`CREATE OR REPLACE VIEW public_items WITH (security_barrier) AS
      SELECT i.tenant_id, i.id, d.name AS department_name, i.version, i.name, i.legal_basis, i.inspecting_body,
             i.category, i.target_type, i.min_ratio, i.frequency_per_year, i.methods, i.remarks, i.updated_at, i.position
        FROM inspection_items i
        JOIN tenants t ON t.id = i.tenant_id AND t.status = 'ACTIVE'
        LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       WHERE i.status = 'PUBLISHED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW public_items`);
    await queryRunner.query(`CREATE VIEW public_items WITH (security_barrier) AS
      SELECT i.tenant_id, i.id, d.name AS department_name, i.version, i.name, i.legal_basis, i.inspecting_body,
             i.category, i.target_type, i.min_ratio, i.frequency_per_year, i.methods, i.remarks, i.updated_at
        FROM inspection_items i
        JOIN tenants t ON t.id = i.tenant_id AND t.status = 'ACTIVE'
        LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       WHERE i.status = 'PUBLISHED'`);
    await queryRunner.query(`GRANT SELECT ON public_items TO spotcheck_app`);
    await queryRunner.query('ALTER TABLE "inspection_items" DROP COLUMN "position"');
  }
}
