import type { EntityManager } from 'typeorm';
import { currentTenantArea } from '../regions/region-area';
import { INSPECTOR_COLUMNS, parseInspectorFields, type InspectorFields } from '../inspectors/inspector-fields';
import { arrayLiteral, copyField } from './copy-text';
import { ImportKind } from './import-job.entity';
import { loadKeys, type ImportKindSpec, type RawRow } from './import-kind';
import { INSPECTOR_STAGE_COLUMNS, mergeInspectors } from './inspector-merge';

type Key = keyof InspectorFields;

/** The staging columns of a valid row, in INSPECTOR_STAGE_COLUMNS order. */
function copyColumns(f: InspectorFields, departmentId: string | null): string {
  return [
    departmentId ?? '\\N',
    copyField(f.name),
    f.gender,
    copyField(f.post),
    copyField(arrayLiteral(f.enforcementCategories)),
    f.certificateValidFrom,
    f.certificateValidTo,
    f.establishment,
    copyField(arrayLiteral(f.specialties)),
    f.status,
    f.regionCode ?? '\\N',
  ].join('\t');
}

export const inspectorImport: ImportKindSpec<Key> = {
  kind: ImportKind.INSPECTORS,
  columns: INSPECTOR_COLUMNS,
  keyField: 'certificateNo',
  keyLabel: '执法证号',
  auditAction: 'import.inspectors',
  stagingColumns: INSPECTOR_STAGE_COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', '),

  async prepare(m: EntityManager) {
    const rows = (await m.query('SELECT id, name FROM departments')) as { id: string; name: string }[];
    const departments = new Map(rows.map((d) => [d.name.trim(), d.id]));
    const options = { regionCodes: await currentTenantArea(m) };
    return (raw: RawRow<Key>) => {
      const { fields, issues } = parseInspectorFields(raw, options);
      const departmentId = fields?.departmentName ? departments.get(fields.departmentName) : null;
      if (departmentId === undefined) {
        issues.push({ field: 'departmentName', code: 'UNKNOWN_DEPARTMENT', message: `本单位没有名为“${fields!.departmentName}”的部门` });
      }
      const key = fields ? fields.certificateNo : (raw.certificateNo ?? '').trim().toUpperCase();
      return { key, issues, copy: fields && departmentId !== undefined ? copyColumns(fields, departmentId) : null };
    };
  },

  // Under the import's RLS scope: this bureau's keys only.
  existingKeys: (m: EntityManager) => loadKeys(m, 'SELECT certificate_no AS key FROM inspectors'),

  merge: mergeInspectors,
};
