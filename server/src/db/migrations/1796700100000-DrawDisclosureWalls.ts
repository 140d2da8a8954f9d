import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two narrow paths across the wall for spotcheck-draw/2 (docs/draw-spec.md §16.3), with the owner's rights:
 * - `province_draws()` and `province_draw_key_map(draw)`: a provincial department (app_current_tenant())
 *   lists the draws of the active city and county bureaus of its subtree and reads one's key map; for
 *   anyone else they return no rows.
 * - `joint_draw_secret(inspection)`: a joint task's participant bureau, holding a record of the lead's
 *   draw, gets that draw's algorithm and secret, so that its entity can check its own line; the record
 *   must be the caller's own and belong to a participation in the draw's task.
 * Both are PL/pgSQL: SQL-language functions with parameters over distributed tables do not plan on Citus.
 */
export class DrawDisclosureWalls1796700100000 implements MigrationInterface {
  name = 'DrawDisclosureWalls1796700100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION province_bureaus() RETURNS TABLE (id uuid, name text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_viewer uuid := app_current_tenant();
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM tenants p WHERE p.id = v_viewer AND p.kind = 'PROVINCIAL_DEPARTMENT' AND p.status = 'ACTIVE') THEN
          RETURN;
        END IF;
        RETURN QUERY SELECT t.id, t.name FROM tenants t
         WHERE position('/' || v_viewer::text || '/' IN t.path) > 0
           AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE';
      END $$`);

    await q.query(`CREATE FUNCTION province_draws() RETURNS TABLE (id uuid, tenant_id uuid, bureau_name text, task_title text,
        status text, algorithm text, committed_at timestamptz, drawn_at timestamptz)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        RETURN QUERY SELECT d.id, d.tenant_id, b.name, k.title, d.status, d.algorithm, d.committed_at, d.drawn_at
          FROM province_bureaus() b
          JOIN draws d ON d.tenant_id = b.id
          JOIN tasks k ON k.tenant_id = d.tenant_id AND k.id = d.task_id;
      END $$`);

    await q.query(`CREATE FUNCTION province_draw_key_map(p_draw uuid) RETURNS TABLE (tenant_id uuid, algorithm text, pseudonym_secret text, key_map_gz bytea)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        RETURN QUERY SELECT d.tenant_id, d.algorithm, d.pseudonym_secret, d.key_map_gz
          FROM province_bureaus() b JOIN draws d ON d.tenant_id = b.id AND d.id = p_draw;
      END $$`);

    await q.query(`CREATE FUNCTION joint_draw_secret(p_inspection uuid) RETURNS TABLE (algorithm text, pseudonym_secret text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        RETURN QUERY SELECT d.algorithm, d.pseudonym_secret
          FROM inspections i
          JOIN joint_participants jp ON jp.tenant_id = i.tenant_id AND jp.id = i.participation_id
          JOIN draws d ON d.tenant_id = jp.lead_tenant_id AND d.task_id = jp.task_id AND d.id = i.draw_id
         WHERE i.tenant_id = app_current_tenant() AND i.id = p_inspection;
      END $$`);

    for (const fn of ['province_bureaus()', 'province_draws()', 'province_draw_key_map(uuid)', 'joint_draw_secret(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION joint_draw_secret(uuid)`);
    await q.query(`DROP FUNCTION province_draw_key_map(uuid)`);
    await q.query(`DROP FUNCTION province_draws()`);
    await q.query(`DROP FUNCTION province_bureaus()`);
  }
}
