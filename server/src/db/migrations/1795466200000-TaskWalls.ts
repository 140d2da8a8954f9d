import type { MigrationInterface, QueryRunner } from 'typeorm';

/** RLS for tasks and their items. */
export class TaskWalls1795466200000 implements MigrationInterface {
  name = 'TaskWalls1795466200000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['tasks', 'task_items']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tasks TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON task_items TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['tasks', 'task_items']) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
