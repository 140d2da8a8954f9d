import type { Express } from 'express';
import type { AppServices } from '../graphql/context';
import type { JobDefinition } from '../jobs/job';
import type { DeadlineSource } from '../jobs/deadlines/deadline-source';
import type { NodeType, ReferenceData } from './entity-catalog';

/**
 * What one module (a folder of `modules/`) contributes to the app. Each module exports one of these from
 * its `module.ts`; `modules/index.ts` lists them, and the schema, the database's entities, the HTTP routes,
 * the jobs, the deadline sweep, `node(id:)` and the request's loaders are derived from that list. Adding a
 * module touches its folder and that list (plus its migrations, which `db/migrations/index.ts` orders).
 */
export interface SpotCheckModule {
  name: string;
  /** TypeORM entities (its tables). */
  entities?: readonly Function[];
  /** type-graphql resolver classes. */
  resolvers?: readonly Function[];
  /** GraphQL object types no resolver returns directly (reached through `node`). */
  orphanedTypes?: readonly Function[];
  /**
   * Entities `node(id:)` fetches by global id (each extends Node and is named as its GraphQL type), read
   * by the request's loaders under the viewer's tenant; reading one also needs a `read` rule in shared's
   * ability for that name.
   */
  nodeTypes?: readonly NodeType[];
  /** Entities every tenant shares, which the loaders read by `key` outside any tenant's scope. */
  referenceData?: readonly ReferenceData[];
  /** REST routes under /api, registered after GraphQL and before the error mapping. */
  routes?: (web: Express, app: AppServices) => void;
  /** Background jobs, each with its own queue. */
  jobs?: readonly JobDefinition[];
  /** Deadlines the daily sweep watches. */
  deadlineSources?: readonly DeadlineSource[];
}
