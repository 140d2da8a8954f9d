import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { AfterCommitSubscriber } from './after-commit';

/** The role every tenant-scoped query runs as: no BYPASSRLS, owns nothing, so RLS always applies. */
export const APP_ROLE = 'spotcheck_app';

/** How long a pooled connection may take to open before the work waiting for it fails. */
export const CONNECT_TIMEOUT_MS = 5000;

/** The owner's connection: migrations, the demo seed, and the few narrow system paths. */
export function createAdminDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    subscribers: [AfterCommitSubscriber],
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+
    installExtensions: false,
    extra: { max: 3, application_name: 'spotcheck-admin' },
  });
}

/** The application's pool: each connection assumes the app role at start-up, before any query. */
export function createAppDataSource(url: string, poolSize: number, applicationName = 'spotcheck'): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [AfterCommitSubscriber],
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+
    installExtensions: false,
    // A database that cannot be reached fails the request within 5 s instead of leaving it waiting.
    extra: { max: poolSize, options: `-c role=${APP_ROLE}`, application_name: applicationName, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
  });
}
