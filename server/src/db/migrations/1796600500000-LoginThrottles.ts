import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LoginFailureWalls1796117300000 } from './1796117300000-LoginFailureWalls';

/**
 * Sign-in throttles instead of locks. One row per key: `ip:<address>` (failures across usernames in a
 * window), `account:<name>` and `pair:<name> <address>` (consecutive failures, each past a free count
 * doubling the wait before the next attempt, up to a cap). `login_reserve` counts an attempt as a
 * failure BEFORE the password is hashed, atomically over the three rows, so a concurrent burst cannot
 * run more hashes than the limits allow; `login_succeeded` gives the reservation back. Names, not user
 * ids, so an unknown name is throttled exactly like a known one. The account-wide wait is capped short
 * (a legitimate user outlasts it from another address); the pair's grows long (the guesser's address).
 * Like `access_code_failures`, the app role reaches the table only through SECURITY DEFINER functions.
 * Accounts locked by the old rule are unlocked: the lock is what anyone could trigger.
 */
export class LoginThrottles1796600500000 implements MigrationInterface {
  name = 'LoginThrottles1796600500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION login_failed(text, integer, integer)`);
    await q.query(`DROP FUNCTION login_locked_until(text)`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`UPDATE users SET locked_until = NULL WHERE locked_until IS NOT NULL`);
    await q.query(`CREATE TABLE login_throttles (
      key text PRIMARY KEY, failures integer NOT NULL DEFAULT 0, window_start timestamptz NOT NULL DEFAULT now(),
      last_at timestamptz NOT NULL DEFAULT now(), not_before timestamptz)`);
    await q.query(`CREATE INDEX idx_login_throttles_last_at ON login_throttles (last_at)`);
    await q.query(`REVOKE ALL ON login_throttles FROM PUBLIC`);
    await q.query(`CREATE FUNCTION login_reserve(p_ip text, p_name text, p_base_ms integer, p_pair_free integer, p_pair_max_s integer,
        p_account_free integer, p_account_max_s integer, p_ip_max integer, p_ip_minutes integer)
      RETURNS TABLE (retry_at timestamptz, scope text)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        k_ip text := 'ip:' || p_ip;
        k_account text := 'account:' || lower(p_name);
        k_pair text := 'pair:' || lower(p_name) || ' ' || p_ip;
        win interval := make_interval(mins => p_ip_minutes);
        r login_throttles;
      BEGIN
        DELETE FROM login_throttles WHERE last_at < now() - interval '1 day' AND (not_before IS NULL OR not_before < now());
        INSERT INTO login_throttles (key) VALUES (k_ip), (k_account), (k_pair) ON CONFLICT (key) DO NOTHING;
        PERFORM 1 FROM login_throttles WHERE key IN (k_ip, k_account, k_pair) ORDER BY key FOR UPDATE;
        UPDATE login_throttles SET failures = 0, window_start = now() WHERE key = k_ip AND window_start < now() - win;
        SELECT * INTO r FROM login_throttles WHERE key = k_ip;
        IF r.failures >= p_ip_max THEN RETURN QUERY SELECT r.window_start + win, 'address'; RETURN; END IF;
        SELECT * INTO r FROM login_throttles WHERE key = k_pair;
        IF r.not_before > now() THEN RETURN QUERY SELECT r.not_before, 'pair'; RETURN; END IF;
        SELECT * INTO r FROM login_throttles WHERE key = k_account;
        IF r.not_before > now() THEN RETURN QUERY SELECT r.not_before, 'account'; RETURN; END IF;
        UPDATE login_throttles SET failures = failures + 1, last_at = now() WHERE key = k_ip;
        UPDATE login_throttles SET failures = failures + 1, last_at = now(),
          not_before = CASE WHEN failures >= p_pair_free
            THEN now() + make_interval(secs => least(p_base_ms / 1000.0 * power(2, least(failures - p_pair_free, 40)), p_pair_max_s)) END
          WHERE key = k_pair;
        UPDATE login_throttles SET failures = failures + 1, last_at = now(),
          not_before = CASE WHEN failures >= p_account_free
            THEN now() + make_interval(secs => least(p_base_ms / 1000.0 * power(2, least(failures - p_account_free, 40)), p_account_max_s)) END
          WHERE key = k_account;
        RETURN QUERY SELECT NULL::timestamptz, NULL::text;
      END $$`);
    await q.query(`CREATE FUNCTION login_succeeded(p_ip text, p_name text) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        DELETE FROM login_throttles WHERE key IN ('account:' || lower(p_name), 'pair:' || lower(p_name) || ' ' || p_ip);
        UPDATE login_throttles SET failures = greatest(failures - 1, 0) WHERE key = 'ip:' || p_ip;
      $$`);
    for (const fn of ['login_reserve(text, text, integer, integer, integer, integer, integer, integer, integer)', 'login_succeeded(text, text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION login_succeeded(text, text)`);
    await q.query(`DROP FUNCTION login_reserve(text, text, integer, integer, integer, integer, integer, integer, integer)`);
    await q.query(`DROP TABLE login_throttles`);
    await new LoginFailureWalls1796117300000().up(q);
  }
}
