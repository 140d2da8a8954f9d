import type { EntityManager } from 'typeorm';
import type { PersonKeys } from '../../security/id-numbers';
import type { FieldIssue } from '../entities/entity-fields';
import type { ColumnSpec } from './header-map';
import { KeyIndex } from './key-index';
import { forEachBatch } from './cursor';
import type { ImportJob, ImportKind } from './import-job.entity';

/** A checked row: its key (for duplicates within the file), its problems, and its staging columns when valid. */
export interface CheckedRow {
  key: string;
  issues: FieldIssue[];
  /** The row's staging columns in COPY text form (tab-separated, no line end); null when the row is invalid. */
  copy: string | null;
}

export type RawRow<K extends string> = Partial<Record<K, string>>;

/** What differs between importing entities and importing inspectors. */
export interface ImportKindSpec<K extends string> {
  kind: ImportKind;
  columns: readonly ColumnSpec<K>[];
  keyField: K;
  keyLabel: string;
  auditAction: string;
  /** Staging columns after (existing, key), in COPY order. */
  stagingColumns: string;
  /** Looks up what checking needs (the bureau's area, its departments) inside the import's transaction. */
  prepare(m: EntityManager, job: ImportJob, personKeys: PersonKeys): Promise<(raw: RawRow<K>) => CheckedRow>;
  /** The keys already in the bureau's directory, read inside the import's transaction. */
  existingKeys(m: EntityManager): Promise<KeyIndex>;
  /**
   * Upserts the rows of the staging table by key: changed existing rows are updated (only the columns
   * the file has), new keys inserted, unchanged rows left alone. `withExisting` is false when no row of
   * the block had its key in the directory, which spares the update.
   */
  merge(m: EntityManager, job: ImportJob, present: ReadonlySet<K>, withExisting: boolean): Promise<{ inserted: number; updated: number }>;
}

/** The temporary table holding the current block of rows; it lives in the import's transaction only. */
export const STAGE = 'import_stage';

/** Loads one column of keys into a KeyIndex. */
export async function loadKeys(m: EntityManager, sql: string): Promise<KeyIndex> {
  const keys = new KeyIndex();
  await forEachBatch<{ key: string }>(m, sql, 10_000, (rows) => {
    for (const row of rows) keys.firstRow(row.key, 1);
  });
  return keys;
}
