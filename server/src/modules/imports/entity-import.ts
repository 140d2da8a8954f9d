import type { EntityManager } from 'typeorm';
import { normalizeUscc } from '@spotcheck/shared';
import { ENTITY_COLUMNS, parseEntityFields, type EntityColumnKey, type EntityFields } from '../entities/entity-fields';
import type { PersonKeys } from '../../security/id-numbers';
import { currentTenantArea } from '../regions/region-area';
import { copyField } from './copy-text';
import { ImportKind, type ImportJob } from './import-job.entity';
import { loadKeys, type ImportKindSpec, type RawRow } from './import-kind';
import { ENTITY_STAGE_COLUMNS, mergeEntities } from './entity-merge';

type Key = EntityColumnKey;

/** The staging columns of a valid row, in ENTITY_STAGE_COLUMNS order. */
function copyColumns(f: EntityFields): string {
  return [
    copyField(f.name),
    f.kind,
    copyField(f.idNumberMasked),
    f.usccChecksumOverride ? 't' : 'f',
    copyField(f.registrationAuthority),
    copyField(f.legalRepresentative),
    copyField(f.address),
    f.regionCode,
    copyField(f.industry),
    copyField(f.targetType),
    f.status,
    f.creditClass ?? '\\N',
    f.riskLevel ?? '\\N',
    String(f.complaints),
    copyField(f.violationRecord),
    f.supervisingDepartmentId ?? '\\N',
  ].join('\t');
}

export const entityImport: ImportKindSpec<Key> = {
  kind: ImportKind.ENTITIES,
  columns: ENTITY_COLUMNS,
  keyField: 'uscc',
  keyLabel: '统一社会信用代码',
  auditAction: 'import.entities',
  stagingColumns: ENTITY_STAGE_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', '),

  async prepare(m: EntityManager, job: ImportJob, personKeys: PersonKeys) {
    const departments = (await m.query('SELECT id, name FROM departments')) as { id: string; name: string }[];
    // Natural persons named by key (as an export writes them); a directory holds few next to its units.
    const persons = new Map(
      (
        (await m.query(`SELECT uscc AS key, id_number_masked AS masked FROM market_entities WHERE tenant_id = $1 AND kind = 'PERSON'`, [job.tenantId])) as {
          key: string;
          masked: string | null;
        }[]
      ).map((p) => [p.key, p]),
    );
    const options = {
      regionCodes: await currentTenantArea(m),
      acceptChecksumWarning: job.acceptChecksumWarnings,
      departmentsByName: new Map(departments.map((d) => [d.name.trim(), d.id])),
      personKeys,
      knownPerson: (key: string) => persons.get(key),
    };
    return (raw: RawRow<Key>) => {
      const { fields, issues } = parseEntityFields(raw, options);
      // An invalid row's key only finds a duplicate within the file; a natural person's never shows the number.
      return { key: fields ? fields.uscc : raw.idNumber ? '' : normalizeUscc(raw.uscc ?? ''), issues, copy: fields && copyColumns(fields) };
    };
  },

  // Under the import's RLS scope: this bureau's keys only.
  existingKeys: (m: EntityManager) => loadKeys(m, 'SELECT uscc AS key FROM market_entities'),

  merge: mergeEntities,
};
