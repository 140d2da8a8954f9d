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
});
