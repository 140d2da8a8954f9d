import { createAdminDataSource } from './data-source';
import { startTestApp, type TestApp } from '../test-support/test-app';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leave nothing for TypeORM to change: the entities match the committed migrations', async () => {
    const ds = createAdminDataSource(t.adminUrl);
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('undo and redo the functions rewritten for Citus: the policy function and the PL/pgSQL bodies', async () => {
    const languages = async () =>
      (
        await t.sql<{ language: string; n: number }>(
          `SELECT l.lanname AS language, count(*)::int AS n FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
          WHERE p.pronamespace = 'public'::regnamespace AND p.proname IN ('dashboard_figures', 'entity_record_of', 'recently_revoked_sessions', 'joint_notify_assignments')
          GROUP BY 1 ORDER BY 1`,
        )
      ).map((r) => `${r.language}:${r.n}`);
    const ds = createAdminDataSource(t.adminUrl);
    await ds.initialize();
    try {
      expect(await languages()).toEqual(['plpgsql:4']);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await languages()).toEqual(['sql:4']);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await t.sql(`SELECT 1 FROM pg_proc WHERE proname = 'app_in_platform_scope'`)).toEqual([]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await languages()).toEqual(['plpgsql:4']);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});
