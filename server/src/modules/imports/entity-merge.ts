import type { EntityManager } from 'typeorm';
import type { EntityColumnKey, EntityFields } from '../entities/entity-fields';
import type { ImportJob } from './import-job.entity';
import { STAGE } from './import-kind';
import { execute } from './raw-connection';

type Key = EntityColumnKey;

/** Stored columns by field, in staging order (uscc is the staging key). */
export const ENTITY_STAGE_COLUMNS: [Exclude<keyof EntityFields, 'uscc'>, string, string][] = [
  ['name', 'name', 'text'],
  ['kind', 'kind', 'text'],
  ['idNumberMasked', 'id_number_masked', 'text'],
  ['usccChecksumOverride', 'uscc_checksum_override', 'boolean'],
  ['registrationAuthority', 'registration_authority', 'text'],
  ['legalRepresentative', 'legal_representative', 'text'],
  ['address', 'address', 'text'],
  ['regionCode', 'region_code', 'text'],
  ['industry', 'industry', 'text'],
  ['targetType', 'target_type', 'text'],
  ['status', 'status', 'text'],
  ['creditClass', 'credit_class', 'text'],
  ['riskLevel', 'risk_level', 'text'],
  ['complaints', 'complaints', 'integer'],
  ['violationRecord', 'violation_record', 'text'],
  ['supervisingDepartmentId', 'supervising_department_id', 'uuid'],
];
const ALL = ENTITY_STAGE_COLUMNS.map(([, column]) => column);

/** The history snapshot of a row, with the same keys as a change made by hand (EntityFields). */
const snapshot = (alias: string) =>
  `jsonb_build_object('uscc', ${alias}.uscc, ${ENTITY_STAGE_COLUMNS.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ')})`;

/**
 * Upsert by USCC in two statements rather than INSERT … ON CONFLICT DO UPDATE: measured on a million
 * rows, ON CONFLICT's speculative insertion costs about half again as much per row. Which keys exist
 * is known from the start of the import (`existing`), so new rows are a plain INSERT … SELECT; rows
 * flagged existing are looked up one index probe each (LATERAL … LIMIT 1, whatever the statistics
 * say) and, if gone meanwhile, inserted. Imports of one bureau are serialised by the caller; a row
 * added by hand meanwhile makes the insert fail with a unique violation, and the import rolls back.
 */
export async function mergeEntities(
  m: EntityManager,
  job: ImportJob,
  present: ReadonlySet<Key>,
  withExisting: boolean,
): Promise<{ inserted: number; updated: number }> {
  // usccChecksumOverride, kind and the masked number follow the key; the rest change only when the file has their column.
  const changing = ENTITY_STAGE_COLUMNS.filter(
    ([key]) => present.has(key as Key) || key === 'usccChecksumOverride' || key === 'kind' || key === 'idNumberMasked',
  ).map(([, column]) => column);
  const params = [job.tenantId, job.id, job.createdBy];
  const [updated] = !withExisting
    ? [{ n: 0 }]
    : ((await m.query(
        `WITH matched AS MATERIALIZED (
       SELECT s.*, cur.id AS entity_id, cur.snap FROM ${STAGE} s
       CROSS JOIN LATERAL (
         SELECT e.id, ${snapshot('e')} AS snap FROM market_entities e
          WHERE e.tenant_id = $1 AND e.uscc = s.key
            AND (${changing.map((c) => `e.${c}`).join(', ')}) IS DISTINCT FROM (${changing.map((c) => `s.${c}`).join(', ')})
          LIMIT 1
       ) cur
       WHERE s.existing
     ), up AS (
       UPDATE market_entities e SET ${changing.map((c) => `${c} = mt.${c}`).join(', ')},
              version = e.version + 1, import_job_id = $2, updated_at = now()
         FROM matched mt WHERE e.tenant_id = $1 AND e.id = mt.entity_id
       RETURNING e.id, e.version, ${snapshot('e')} AS snap
     ), history AS (
       INSERT INTO market_entity_changes (tenant_id, entity_id, version, before, after, source, import_job_id, changed_by, changed_at)
       SELECT $1, up.id, up.version, mt.snap, up.snap, 'IMPORT', $2, $3, now() FROM up JOIN matched mt ON mt.entity_id = up.id
     )
     SELECT count(*)::int AS n FROM up`,
        params,
      )) as { n: number }[]);
  const inserted = await execute(
    m,
    `INSERT INTO market_entities (tenant_id, uscc, ${ALL.join(', ')}, version, import_job_id)
     SELECT $1, s.key, ${ALL.map((c) => `s.${c}`).join(', ')}, 1, $2 FROM ${STAGE} s
      WHERE NOT s.existing OR (SELECT true FROM market_entities e WHERE e.tenant_id = $1 AND e.uscc = s.key) IS NULL`,
    params.slice(0, 2),
  );
  return { inserted, updated: updated!.n };
}
