import type { MigrationInterface, QueryRunner } from 'typeorm';

const PLATFORM_SCOPE = `EXISTS (SELECT 1 FROM tenants WHERE id = app_current_tenant() AND kind = 'PLATFORM')`;

/**
 * The platform calendar's write policies ask whether the transaction is in the platform tenant's scope
 * through a function instead of a subquery: Citus refuses a policy with a subquery on a table it
 * distributes or replicates (“Subqueries are not supported in policies on distributed tables”), and
 * platform_calendar_entries is a reference table there. PL/pgSQL, so the planner cannot inline it back
 * into the subquery. It runs with the caller's rights, as the subquery did.
 */
export class PlatformScopeFunction1796990200000 implements MigrationInterface {
  name = 'PlatformScopeFunction1796990200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION app_in_platform_scope() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN ${PLATFORM_SCOPE};
      END
    $$`);
    await this.policies(q, 'app_in_platform_scope()');
  }

  public async down(q: QueryRunner): Promise<void> {
    await this.policies(q, PLATFORM_SCOPE);
    await q.query(`DROP FUNCTION app_in_platform_scope()`);
  }

  private async policies(q: QueryRunner, scope: string): Promise<void> {
    await q.query(`DROP POLICY platform_writes ON platform_calendar_entries`);
    await q.query(`DROP POLICY platform_deletes ON platform_calendar_entries`);
    await q.query(`CREATE POLICY platform_writes ON platform_calendar_entries FOR INSERT WITH CHECK (${scope})`);
    await q.query(`CREATE POLICY platform_deletes ON platform_calendar_entries FOR DELETE USING (${scope})`);
  }
}
