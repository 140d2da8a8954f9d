import { fromGlobalId, isUuid } from '@spotcheck/shared';
import type { Node } from '../graphql/node';
import type { SpotCheckModule } from './module';

/** An entity class, as the loaders take it: `ctx.loaders.of(Inspection)`. */
export type EntityClass<T extends object = object> = new (...args: never[]) => T;

/** An entity that is also a GraphQL type implementing Node, named as that type (its global ids say so). */
export type NodeType = EntityClass<Node>;

/** Rows every tenant shares (regions): loaded by `key`, outside any tenant's scope, signed in or not. */
export interface ReferenceData {
  entity: EntityClass;
  key: string;
}

/**
 * The node types and the reference data the modules declare, gathered once at startup from the module
 * list and handed to every request (`AppServices.catalog`): `node(id:)` finds a global id's type here,
 * and the loaders learn here which entities are read outside the tenant's scope.
 */
export class EntityCatalog {
  private constructor(
    private readonly nodes: ReadonlyMap<string, NodeType>,
    private readonly references: ReadonlyMap<EntityClass, string>,
  ) {}

  static of(modules: readonly SpotCheckModule[]): EntityCatalog {
    const nodes = new Map<string, NodeType>();
    const references = new Map<EntityClass, string>();
    for (const module of modules) {
      for (const type of module.nodeTypes ?? []) {
        if (nodes.has(type.name)) throw new Error(`node type ${type.name} is declared twice (module ${module.name})`);
        nodes.set(type.name, type);
      }
      for (const { entity, key } of module.referenceData ?? []) references.set(entity, key);
    }
    return new EntityCatalog(nodes, references);
  }

  /** The names `node(id:)` answers to. */
  get nodeTypeNames(): string[] {
    return [...this.nodes.keys()];
  }

  /** The type and local id a global id names, when the type is a node type and the id a UUID. */
  nodeOf(globalId: string): { name: string; type: NodeType; id: string } | null {
    const parsed = fromGlobalId(globalId);
    const type = parsed && this.nodes.get(parsed.type);
    if (!parsed || !type || !isUuid(parsed.id)) return null;
    return { name: parsed.type, type, id: parsed.id.toLowerCase() };
  }

  /** The key column of reference data; undefined for a tenant's rows (loaded by id in its scope). */
  referenceKeyOf(entity: EntityClass): string | undefined {
    return this.references.get(entity);
  }
}
