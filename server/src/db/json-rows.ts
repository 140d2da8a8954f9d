import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Column types whose values JSON would alter (numbers past 2^53, numeric's scale): sent as text, as pg sends them. */
const AS_TEXT = new Set(['numeric', 'decimal', 'bigint', 'int8', 'money']);
const TIMESTAMPS = new Set(['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone']);

/**
 * One entity's whole rows as JSON objects keyed by property names, for a list that reads a page and
 * everything it names in one SQL statement (`(SELECT json_agg(r) FROM (SELECT ${shape.columns('e')}
 * FROM … e) r)`), and their hydration back into entity instances equal to what TypeORM's `find`
 * returns (`json-rows.test.ts`), without its per-query and per-row machinery.
 */
export class JsonRowShape<T extends ObjectLiteral> {
  private readonly fields: { column: ColumnMetadata; key: string; timestamp: boolean }[];
  readonly target: new () => T;
  /** The property names of the columns read. */
  readonly properties: ReadonlySet<string>;

  constructor(db: DataSource, entity: EntityTarget<T>) {
    const metadata = db.getMetadata(entity);
    this.target = metadata.target as new () => T;
    this.fields = metadata.columns.map((column) => {
      const type = typeof column.type === 'string' ? column.type : '';
      if (column.embeddedMetadata || column.isVirtual || !type || type === 'bytea' || type.startsWith('simple-') || (column.isArray && TIMESTAMPS.has(type))) {
        throw new Error(`JsonRowShape: ${metadata.name}.${column.propertyName} (${type || 'function type'}) is not supported`);
      }
      return { column, key: column.propertyName, timestamp: TIMESTAMPS.has(type) };
    });
    this.properties = new Set(this.fields.map((f) => f.key));
  }

  /** The select list of one row under `alias`: `alias."db_name" AS "propertyName", …`. */
  columns(alias: string): string {
    return this.fields
      .map(({ column, key }) => {
        const type = column.type as string;
        return `${alias}."${column.databaseName}"${AS_TEXT.has(type) ? '::text' : ''} AS "${key}"`;
      })
      .join(', ');
  }

  /** An entity instance from one JSON row, its column transformers applied. */
  hydrate(json: Record<string, unknown>): T {
    const row = new this.target();
    for (const { column, key, timestamp } of this.fields) {
      let value = json[key] ?? null;
      if (timestamp && value !== null) value = new Date(value as string);
      if (column.transformer) {
        const transformers = Array.isArray(column.transformer) ? [...column.transformer].reverse() : [column.transformer];
        for (const t of transformers) value = t.from(value);
      }
      (row as Record<string, unknown>)[key] = value;
    }
    return row;
  }

  hydrateAll(json: Record<string, unknown>[] | null): T[] {
    return (json ?? []).map((row) => this.hydrate(row));
  }
}
