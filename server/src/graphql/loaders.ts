import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { EntityCatalog, EntityClass } from '../core/entity-catalog';

/**
 * A per-request loader that also answers synchronously for the rows the request already holds (primed
 * by a list that read them, or loaded before): a field resolver that returns `get(id)` hands graphql-js
 * a value instead of a promise, so a list whose rows are all known completes without a promise per row.
 */
export class RequestLoader<T> extends DataLoader<string, T | null> {
  private readonly known = new Map<string, T | null>();

  constructor(batch: (ids: readonly string[]) => Promise<(T | null)[]>) {
    super(async (ids) => {
      const rows = await batch(ids);
      ids.forEach((id, i) => this.known.set(id, rows[i] ?? null));
      return rows;
    });
  }

  override prime(id: string, value: T | null | Error): this {
    if (!(value instanceof Error) && !this.known.has(id)) this.known.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: string): this {
    this.known.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  /** The row itself when this request holds it already, else its load. */
  get(id: string): T | null | Promise<T | null> {
    return this.known.has(id) ? this.known.get(id)! : this.load(id);
  }
}

/**
 * What the loaders need of their request: whether someone is signed in, the request's reads under the
 * viewer's tenant (`readTx`), and the database for reference data. The request context passes itself
 * this way, so that this file imports nothing of context.ts, which builds the loaders.
 */
export interface LoaderScope {
  readonly signedIn: boolean;
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  readonly db: DataSource;
}

/**
 * The request's batch loaders, one per entity, made when first asked for: `ctx.loaders.of(Inspection)`.
 * A tenant's rows load by id under the viewer's RLS scope (invisible rows, and every row when nobody is
 * signed in, load as null); reference data (the catalog's, from the modules' manifests) by its key,
 * outside any tenant's scope.
 */
export class RequestLoaders {
  private readonly made = new Map<EntityClass, RequestLoader<object>>();

  constructor(
    private readonly scope: LoaderScope,
    private readonly catalog: EntityCatalog,
  ) {}

  of<T extends object>(entity: EntityClass<T>): RequestLoader<T> {
    let loader = this.made.get(entity);
    if (!loader) this.made.set(entity, (loader = this.create(entity)));
    return loader as RequestLoader<T>;
  }

  private create<T extends object>(entity: EntityClass<T>): RequestLoader<T> {
    const { scope } = this;
    const key = this.catalog.referenceKeyOf(entity);
    if (key) {
      return new RequestLoader<T>(async (keys) => inOrder(keys, key, await scope.db.getRepository(entity).findBy({ [key]: In([...keys]) } as never)));
    }
    return new RequestLoader<T>(async (ids) => {
      if (!scope.signedIn) return ids.map(() => null);
      return inOrder(ids, 'id', await scope.read((m) => m.getRepository(entity).findBy({ id: In([...ids]) } as never)));
    });
  }
}

/** The rows in the order of the keys asked for, null where none has the key. */
function inOrder<T extends object>(keys: readonly string[], column: string, rows: T[]): (T | null)[] {
  const found = new Map(rows.map((row) => [(row as Record<string, unknown>)[column], row]));
  return keys.map((k) => found.get(k) ?? null);
}
