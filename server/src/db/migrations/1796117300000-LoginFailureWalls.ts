import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per client address, across usernames (a password tried against many accounts, or
 * names guessed): the per-account lock alone never sees those. Like `access_code_failures`, the app
 * role reaches the table only through two SECURITY DEFINER functions.
 */
export class LoginFailureWalls1796117300000 implements MigrationInterface {
  name = 'LoginFailureWalls1796117300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_failures (
      ip text PRIMARY KEY, failures integer NOT NULL, window_start timestamptz NOT NULL, locked_until timestamptz)`);
    await q.query(`CREATE INDEX idx_login_failures_window ON login_failures (window_start)`);
    await q.query(`REVOKE ALL ON login_failures FROM PUBLIC`);
    await q.query(`CREATE FUNCTION login_locked_until(p_ip text) RETURNS timestamptz
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT locked_until FROM login_failures WHERE ip = p_ip AND locked_until > now() $$`);
    await q.query(`CREATE FUNCTION login_failed(p_ip text, p_max integer, p_minutes integer) RETURNS timestamptz
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        window_length interval := make_interval(mins => p_minutes);
        until timestamptz;
      BEGIN
        DELETE FROM login_failures WHERE window_start < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now());
        INSERT INTO login_failures AS f (ip, failures, window_start) VALUES (p_ip, 1, now())
          ON CONFLICT (ip) DO UPDATE SET
            failures = CASE WHEN f.window_start < now() - window_length THEN 1 ELSE f.failures + 1 END,
            window_start = CASE WHEN f.window_start < now() - window_length THEN now() ELSE f.window_start END;
        UPDATE login_failures SET locked_until = now() + window_length
          WHERE ip = p_ip AND failures >= p_max RETURNING locked_until INTO until;
        RETURN until;
      END $$`);
    for (const fn of ['login_locked_until(text)', 'login_failed(text, integer, integer)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION login_failed(text, integer, integer)`);
    await q.query(`DROP FUNCTION login_locked_until(text)`);
    await q.query(`DROP TABLE login_failures`);
  }
}
