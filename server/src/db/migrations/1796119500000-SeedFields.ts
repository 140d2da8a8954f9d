import type { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLIC_ITEMS_BEFORE = `CREATE VIEW public_items WITH (security_barrier) AS
      SELECT i.tenant_id, i.id, d.name AS department_name, i.version, i.name, i.legal_basis, i.inspecting_body,
             i.category, i.target_type, i.min_ratio, i.frequency_per_year, i.methods, i.remarks, i.updated_at, i.position
        FROM inspection_items i
        JOIN tenants t ON t.id = i.tenant_id AND t.status = 'ACTIVE'
        LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       WHERE i.status = 'PUBLISHED'`;

/**
 * The seeds' fields and the leader's approval of the list and the directories (000 第六、七条):
 * items get 检查内容 and the version the leader approved for publication; the public list shows that
 * version's snapshot, never an edit or a withdrawal not yet approved. Entities may be natural persons (their key in
 * the uscc column is a keyed hash, `P:…`; only a masked ID number is stored). list_publications holds
 * the office's submissions and the leader's decisions; approved ones are public.
 */
export class SeedFields1796119500000 implements MigrationInterface {
  name = 'SeedFields1796119500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspection_items ADD content text`);
    await q.query(`ALTER TABLE inspection_items ADD published_version integer`);
    await q.query(`UPDATE inspection_items SET published_version = version WHERE status = 'PUBLISHED'`);
    await q.query(`ALTER TABLE market_entities ADD kind text NOT NULL DEFAULT 'ORGANIZATION'`);
    await q.query(`ALTER TABLE market_entities ADD id_number_masked varchar(18)`);
    await q.query(`CREATE INDEX idx_market_entities_incomplete ON market_entities (tenant_id)
      WHERE address IS NULL OR (kind = 'ORGANIZATION' AND (registration_authority IS NULL OR legal_representative IS NULL))`);

    await q.query(`CREATE INDEX idx_market_entities_persons ON market_entities (tenant_id) WHERE kind = 'PERSON'`);
    await q.query(`CREATE TABLE list_publications (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'SUBMITTED',
      note text,
      contents jsonb NOT NULL,
      submitted_by uuid NOT NULL,
      submitted_by_name text NOT NULL,
      submitted_at timestamptz NOT NULL,
      decided_by uuid,
      decided_by_name text,
      decided_at timestamptz,
      decision_note text,
      PRIMARY KEY (tenant_id, id)
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_list_publications_open ON list_publications (tenant_id, kind) WHERE status = 'SUBMITTED'`);
    await q.query(`ALTER TABLE list_publications ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON list_publications
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON list_publications TO spotcheck_app`);

    await q.query(`DROP VIEW public_items`);
    await q.query(`CREATE VIEW public_items WITH (security_barrier) AS
      SELECT i.tenant_id, i.id, d.name AS department_name, v.version, v.snapshot->>'name' AS name,
             v.snapshot->>'legalBasis' AS legal_basis, v.snapshot->>'inspectingBody' AS inspecting_body,
             v.snapshot->>'category' AS category, v.snapshot->>'targetType' AS target_type,
             (v.snapshot->>'minRatio')::numeric AS min_ratio, (v.snapshot->>'frequencyPerYear')::integer AS frequency_per_year,
             ARRAY(SELECT jsonb_array_elements_text(v.snapshot->'methods')) AS methods, v.snapshot->>'remarks' AS remarks,
             v.changed_at AS updated_at, i.position, v.snapshot->>'content' AS content
        FROM inspection_items i
        JOIN tenants t ON t.id = i.tenant_id AND t.status = 'ACTIVE'
        JOIN inspection_item_versions v ON v.tenant_id = i.tenant_id AND v.item_id = i.id AND v.version = i.published_version
        LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       WHERE v.snapshot->>'status' = 'PUBLISHED'`);
    // A natural person's entry shows the masked ID number and no address (personal information).
    await q.query(`CREATE OR REPLACE VIEW public_entities WITH (security_barrier) AS
      SELECT e.tenant_id, e.id, e.name, CASE WHEN e.kind = 'PERSON' THEN e.id_number_masked ELSE e.uscc END AS uscc,
             CASE WHEN e.kind = 'PERSON' THEN NULL ELSE e.address END AS address
        FROM market_entities e JOIN tenants t ON t.id = e.tenant_id AND t.status = 'ACTIVE'`);
    await q.query(`CREATE VIEW public_list_publications WITH (security_barrier) AS
      SELECT p.tenant_id, p.id, p.kind, p.contents, p.decided_at AS published_at, p.decided_by_name AS approved_by, p.decision_note
        FROM list_publications p JOIN tenants t ON t.id = p.tenant_id AND t.status = 'ACTIVE'
       WHERE p.status = 'APPROVED'`);
    await q.query(`GRANT SELECT ON public_items, public_list_publications TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_list_publications`);
    await q.query(`CREATE OR REPLACE VIEW public_entities WITH (security_barrier) AS
      SELECT e.tenant_id, e.id, e.name, e.uscc, e.address
        FROM market_entities e JOIN tenants t ON t.id = e.tenant_id AND t.status = 'ACTIVE'`);
    await q.query(`DROP VIEW public_items`);
    await q.query(PUBLIC_ITEMS_BEFORE);
    await q.query(`GRANT SELECT ON public_items TO spotcheck_app`);
    await q.query(`DROP TABLE list_publications`);
    await q.query(`DROP INDEX idx_market_entities_persons`);
    await q.query(`DROP INDEX idx_market_entities_incomplete`);
    await q.query(`ALTER TABLE market_entities DROP COLUMN id_number_masked`);
    await q.query(`ALTER TABLE market_entities DROP COLUMN kind`);
    await q.query(`ALTER TABLE inspection_items DROP COLUMN published_version`);
    await q.query(`ALTER TABLE inspection_items DROP COLUMN content`);
  }
}
