import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests counted per key in fixed windows (an entity's access code, a client address), for limits
 * that refuse a burst whoever sends it: unlike `access_code_failures` and `login_failures`, every
 * request counts, not only a failure. Keys are namespaced (`entity-code:…`, `entity-ip:…`); no
 * access code is stored, only its hash. As with those tables, the app role reaches it only through
 * one SECURITY DEFINER function.
 */
export class RateLimitWalls1796597100000 implements MigrationInterface {
  name = 'RateLimitWalls1796597100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rate_limit_hits (
      key text PRIMARY KEY, hits integer NOT NULL, window_start timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX idx_rate_limit_hits_window ON rate_limit_hits (window_start)`);
    await q.query(`REVOKE ALL ON rate_limit_hits FROM PUBLIC`);
    // Counts one request; returns the seconds to wait when it is over p_max in its window, else NULL.
    await q.query(`CREATE FUNCTION rate_limit_hit(p_key text, p_max integer, p_seconds integer) RETURNS integer
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        window_length interval := make_interval(secs => p_seconds);
        counted integer;
        started timestamptz;
      BEGIN
        IF random() < 0.01 THEN
          DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day';
        END IF;
        INSERT INTO rate_limit_hits AS h (key, hits, window_start) VALUES (p_key, 1, now())
          ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN h.window_start <= now() - window_length THEN 1 ELSE h.hits + 1 END,
            window_start = CASE WHEN h.window_start <= now() - window_length THEN now() ELSE h.window_start END
          RETURNING hits, window_start INTO counted, started;
        IF counted <= p_max THEN
          RETURN NULL;
        END IF;
        RETURN greatest(1, ceil(extract(epoch FROM started + window_length - now()))::integer);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION rate_limit_hit(text, integer, integer) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION rate_limit_hit(text, integer, integer) TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rate_limit_hit(text, integer, integer)`);
    await q.query(`DROP TABLE rate_limit_hits`);
  }
}
