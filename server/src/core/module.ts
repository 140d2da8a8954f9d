import type { Express } from 'express';
import type { AppServices } from '../graphql/context';
import type { JobDefinition } from '../jobs/job';
import type { DeadlineSource } from '../jobs/deadlines/deadline-source';

/**
 * What one module (a folder of `modules/`) contributes to the app. Each module exports one of these from
 * its `module.ts`; `modules/index.ts` lists them, and the schema, the database's entities, the HTTP routes,
 * the jobs and the deadline sweep are derived from that list. Adding a module touches its folder and that
 * list (plus its migrations, which `db/migrations/index.ts` orders).
 */
export interface SpotCheckModule {
  name: string;
  /** TypeORM entities (its tables). */
  entities?: readonly Function[];
  /** type-graphql resolver classes. */
  resolvers?: readonly Function[];
  /** GraphQL object types no resolver returns directly (reached through `node`). */
  orphanedTypes?: readonly Function[];
  /** REST routes under /api, registered after GraphQL and before the error mapping. */
  routes?: (web: Express, app: AppServices) => void;
  /** Background jobs, each with its own queue. */
  jobs?: readonly JobDefinition[];
  /** Deadlines the daily sweep watches. */
  deadlineSources?: readonly DeadlineSource[];
}
