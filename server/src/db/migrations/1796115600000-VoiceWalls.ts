import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['evidence_files', 'inspection_statements'];

/**
 * RLS for evidence and the entity's statements; sealed evidence and submitted statements never change
 * (not even as the app role, through SQL); the one cross-tenant lookup of a record by its access code;
 * and the per-address count of wrong codes, which the app role reaches only through two functions.
 */
export class VoiceWalls1796115600000 implements MigrationInterface {
  name = 'VoiceWalls1796115600000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, DELETE ON evidence_files TO spotcheck_app`);
    await q.query(`GRANT UPDATE (sealed_at) ON evidence_files TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON inspection_statements TO spotcheck_app`);

    await q.query(`CREATE FUNCTION refuse_changing_sealed_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.sealed_at IS NOT NULL THEN
          RAISE EXCEPTION 'sealed evidence never changes and is never removed (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF (to_jsonb(NEW) - 'sealed_at') IS DISTINCT FROM (to_jsonb(OLD) - 'sealed_at') THEN
          RAISE EXCEPTION 'evidence is only ever sealed, not edited (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER evidence_files_sealed BEFORE UPDATE OR DELETE ON evidence_files
      FOR EACH ROW EXECUTE FUNCTION refuse_changing_sealed_evidence()`);

    await q.query(`CREATE FUNCTION refuse_changing_submitted_statement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a statement is never deleted (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.submitted_at IS NOT NULL AND (NEW.inspection_id, NEW.kind, NEW.body, NEW.submitted_at, NEW.after_report_due, NEW.after_publication)
             IS DISTINCT FROM (OLD.inspection_id, OLD.kind, OLD.body, OLD.submitted_at, OLD.after_report_due, OLD.after_publication) THEN
          RAISE EXCEPTION 'a submitted statement never changes (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.answered_at IS NOT NULL AND (NEW.answer, NEW.answered_by, NEW.answered_by_name, NEW.answered_at, NEW.recheck_required)
             IS DISTINCT FROM (OLD.answer, OLD.answered_by, OLD.answered_by_name, OLD.answered_at, OLD.recheck_required) THEN
          RAISE EXCEPTION 'a statement is answered once (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.rechecked_at IS NOT NULL AND (NEW.recheck_result, NEW.rechecked_by, NEW.rechecked_at)
             IS DISTINCT FROM (OLD.recheck_result, OLD.rechecked_by, OLD.rechecked_at) THEN
          RAISE EXCEPTION 'a re-check is recorded once (%)', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER inspection_statements_immutable BEFORE UPDATE OR DELETE ON inspection_statements
      FOR EACH ROW EXECUTE FUNCTION refuse_changing_submitted_statement()`);

    // The entity has a code and no account: find the newest record holding that code's hash, nothing more.
    await q.query(`CREATE FUNCTION entity_record_of(p_code_hash text) RETURNS TABLE (tenant_id uuid, inspection_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT i.tenant_id, i.id FROM inspections i WHERE i.access_code_hash = p_code_hash ORDER BY i.created_at DESC, i.id LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION entity_record_of(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION entity_record_of(text) TO spotcheck_app`);

    await q.query(`CREATE TABLE access_code_failures (
      ip text PRIMARY KEY, failures integer NOT NULL, window_start timestamptz NOT NULL, locked_until timestamptz)`);
    await q.query(`CREATE INDEX idx_access_code_failures_window ON access_code_failures (window_start)`);
    await q.query(`REVOKE ALL ON access_code_failures FROM PUBLIC`);
    await q.query(`CREATE FUNCTION access_code_locked_until(p_ip text) RETURNS timestamptz
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT locked_until FROM access_code_failures WHERE ip = p_ip AND locked_until > now() $$`);
    await q.query(`CREATE FUNCTION access_code_failed(p_ip text, p_max integer, p_minutes integer) RETURNS timestamptz
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        window_length interval := make_interval(mins => p_minutes);
        until timestamptz;
      BEGIN
        DELETE FROM access_code_failures WHERE window_start < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now());
        INSERT INTO access_code_failures AS f (ip, failures, window_start) VALUES (p_ip, 1, now())
          ON CONFLICT (ip) DO UPDATE SET
            failures = CASE WHEN f.window_start < now() - window_length THEN 1 ELSE f.failures + 1 END,
            window_start = CASE WHEN f.window_start < now() - window_length THEN now() ELSE f.window_start END;
        UPDATE access_code_failures SET locked_until = now() + window_length
          WHERE ip = p_ip AND failures >= p_max RETURNING locked_until INTO until;
        RETURN until;
      END $$`);
    for (const fn of ['access_code_locked_until(text)', 'access_code_failed(text, integer, integer)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO spotcheck_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION access_code_failed(text, integer, integer)`);
    await q.query(`DROP FUNCTION access_code_locked_until(text)`);
    await q.query(`DROP TABLE access_code_failures`);
    await q.query(`DROP FUNCTION entity_record_of(text)`);
    await q.query(`DROP TRIGGER inspection_statements_immutable ON inspection_statements`);
    await q.query(`DROP FUNCTION refuse_changing_submitted_statement()`);
    await q.query(`DROP TRIGGER evidence_files_sealed ON evidence_files`);
    await q.query(`DROP FUNCTION refuse_changing_sealed_evidence()`);
    for (const table of TABLES) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
