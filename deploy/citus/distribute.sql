-- SpotCheck on Citus: distribute every tenant table by tenant_id, all co-located, and replicate the
-- reference tables to every node. Run once, as the database owner, on the coordinator:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f deploy/citus/distribute.sql
-- after `spotcheck migrate` has brought the database up to date and with the servers stopped. Read
-- docs/citus.md first: it lists what must be in place before (settings, the app role, code changes).
-- Not part of the migration chain: a plain PostgreSQL deployment never runs it.
-- server/src/db/distribution.test.ts checks this file against the live schema: every table of the
-- public schema is named below exactly once, and every tenant table is distributed by tenant_id.
-- Each statement is its own transaction (creating a distributed table copies its rows to the shards).
-- Should the script stop halfway, `SELECT logicalrelid FROM pg_dist_partition` lists the tables
-- already done: run the remaining statements.

-- Making a table a reference or distributed table recreates the views on it without their GRANTs
-- (seen on Citus 13.2: "permission denied for view public_tenants"). Keep them now, give them back at
-- the end. server/src/db/distribution.test.ts runs these two blocks on plain PostgreSQL.
-- BEGIN keep view grants
CREATE TEMP TABLE kept_view_grants AS
  SELECT c.relname AS view, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee, a.privilege_type
    FROM pg_class c, aclexplode(c.relacl) a
   WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace AND a.grantee <> c.relowner;
-- END keep view grants

-- Functions used by the row-level-security policies and the triggers must exist on every node
-- before the shards that use them are created.
SELECT create_distributed_function('app_current_tenant()');
SELECT create_distributed_function('app_in_platform_scope()');
SELECT create_distributed_function('refuse_changing_drawn_draw()');
SELECT create_distributed_function('refuse_changing_published_inspection()');
SELECT create_distributed_function('refuse_changing_sealed_evidence()');
SELECT create_distributed_function('refuse_changing_submitted_statement()');
SELECT create_distributed_function('sync_account_name()');
SELECT create_distributed_function('index_invitation_code()');

-- Reference tables: small, read by every tenant, copied to every node. Parents first.
SELECT create_reference_table('regions');                    -- GB/T 2260 divisions, read-only
SELECT create_reference_table('tenants');                    -- the tenant tree itself
SELECT create_reference_table('platform_calendar_entries');  -- holidays and working weekends
-- Platform-wide lookups written by triggers on users and invitations (see docs/citus.md).
SELECT create_reference_table('account_names');              -- username -> tenant
SELECT create_reference_table('invitation_codes');           -- one-time code hash -> tenant

-- Stays on the coordinator: access_code_failures, login_throttles, rate_limit_hits, schema_migrations
-- (a per-address counter only the coordinator's SECURITY DEFINER functions touch, and TypeORM's
-- own bookkeeping; the job queues in the schema pgboss stay there too).

-- Tenant tables, distributed by tenant_id and co-located with departments, so a bureau's rows of
-- every table sit on one shard and joins on (tenant_id, id) stay on it. Referenced tables first.
SELECT create_distributed_table('departments', 'tenant_id');
SELECT create_distributed_table('users', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('sessions', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('invitations', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('audit_events', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('rule_sets', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('rule_proposals', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('rule_bounds', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('role_grants', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('result_categories', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('calendar_adjustments', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspection_items', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspection_item_versions', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('market_entities', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('market_entity_changes', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspectors', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('recusals', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('import_jobs', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('import_errors', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('annual_plans', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('annual_plan_items', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('tasks', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('task_items', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('joint_participants', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('draws', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('draw_selections', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspections', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspection_steps', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspection_confirmations', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('inspection_statements', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('evidence_files', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('credit_records', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('credit_list_entries', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('credit_repair_requests', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('joint_punishment_settings', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('deadline_notices', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('notifications', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('list_publications', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('audit_anchors', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('audit_anchor_copies', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('referrals', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('rectifications', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('own_handling_outcomes', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('client_operations', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('notification_preferences', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('notification_deliveries', 'tenant_id', colocate_with => 'departments');
SELECT create_distributed_table('notification_outbox', 'tenant_id', colocate_with => 'departments');

-- BEGIN restore view grants
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT * FROM kept_view_grants LOOP
    IF g.grantee = 'PUBLIC' THEN
      EXECUTE format('GRANT %s ON %I TO PUBLIC', g.privilege_type, g.view);
    ELSE
      EXECUTE format('GRANT %s ON %I TO %I', g.privilege_type, g.view, g.grantee);
    END IF;
  END LOOP;
END
$$;
-- END restore view grants
