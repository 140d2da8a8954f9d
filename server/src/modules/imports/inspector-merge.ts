import type { EntityManager } from 'typeorm';
import type { InspectorFields } from '../inspectors/inspector-fields';
import type { ImportJob } from './import-job.entity';
import { STAGE } from './import-kind';
import { execute } from './raw-connection';

type Key = keyof InspectorFields;

/** Stored columns by field, in staging order (certificateNo is the staging key). */
export const INSPECTOR_STAGE_COLUMNS: [Exclude<Key, 'certificateNo'>, string, string][] = [
  ['departmentName', 'department_id', 'uuid'],
  ['name', 'name', 'text'],
  ['gender', 'gender', 'text'],
  ['post', 'post', 'text'],
  ['enforcementCategories', 'enforcement_categories', 'text[]'],
  ['certificateValidFrom', 'certificate_valid_from', 'date'],
  ['certificateValidTo', 'certificate_valid_to', 'date'],
  ['establishment', 'establishment', 'text'],
  ['specialties', 'specialties', 'text[]'],
  ['status', 'status', 'text'],
  ['regionCode', 'region_code', 'text'],
];
const ALL = INSPECTOR_STAGE_COLUMNS.map(([, column]) => column);

/** Upsert by certificate number, the same way as entities (see entity-merge.ts); inspectors keep no version history. */
export async function mergeInspectors(
  m: EntityManager,
  job: ImportJob,
  present: ReadonlySet<Key>,
  withExisting: boolean,
): Promise<{ inserted: number; updated: number }> {
  const changing = INSPECTOR_STAGE_COLUMNS.filter(([key]) => present.has(key)).map(([, column]) => column);
  const [updated] = !withExisting
    ? [{ n: 0 }]
    : ((await m.query(
        `WITH up AS (
       UPDATE inspectors p SET ${changing.map((c) => `${c} = mt.${c}`).join(', ')}, updated_at = now()
         FROM (
           SELECT s.*, cur.id AS inspector_id FROM ${STAGE} s
           CROSS JOIN LATERAL (
             SELECT i.id FROM inspectors i
              WHERE i.tenant_id = $1 AND i.certificate_no = s.key
                AND (${changing.map((c) => `i.${c}`).join(', ')}) IS DISTINCT FROM (${changing.map((c) => `s.${c}`).join(', ')})
              LIMIT 1
           ) cur
           WHERE s.existing
         ) mt
        WHERE p.tenant_id = $1 AND p.id = mt.inspector_id
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM up`,
        [job.tenantId],
      )) as { n: number }[]);
  const inserted = await execute(
    m,
    `INSERT INTO inspectors (tenant_id, certificate_no, ${ALL.join(', ')})
     SELECT $1, s.key, ${ALL.map((c) => `s.${c}`).join(', ')} FROM ${STAGE} s
      WHERE NOT s.existing OR (SELECT true FROM inspectors i WHERE i.tenant_id = $1 AND i.certificate_no = s.key) IS NULL`,
    [job.tenantId],
  );
  return { inserted, updated: updated!.n };
}
