import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspector in the field: a photo's time taken and (with consent) position as evidence metadata,
 * and client keys so that a retried upload or save (its answer lost on a weak signal) is done once.
 * `client_operations` remembers the keys of record saves; a photo's key is on its own row.
 */
export class FieldEvidence1796970400000 implements MigrationInterface {
  name = 'FieldEvidence1796970400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evidence_files ADD COLUMN taken_at timestamptz, ADD COLUMN latitude double precision,
      ADD COLUMN longitude double precision, ADD COLUMN position_accuracy double precision, ADD COLUMN client_key text`);
    await q.query(`ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_position CHECK (
      (latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)))`);
    await q.query(`CREATE UNIQUE INDEX evidence_files_client_key ON evidence_files (tenant_id, inspection_id, client_key) WHERE client_key IS NOT NULL`);

    await q.query(`CREATE TABLE client_operations (
      tenant_id uuid NOT NULL, client_key text NOT NULL, kind text NOT NULL, object_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, client_key))`);
    await q.query(`ALTER TABLE client_operations ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON client_operations
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT ON client_operations TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_operations`);
    await q.query(`DROP INDEX evidence_files_client_key`);
    await q.query(`ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_position`);
    await q.query(`ALTER TABLE evidence_files DROP COLUMN taken_at, DROP COLUMN latitude, DROP COLUMN longitude,
      DROP COLUMN position_accuracy, DROP COLUMN client_key`);
  }
}
