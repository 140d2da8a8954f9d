import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { createAdminDataSource, createAppDataSource, APP_ROLE } from './db/data-source';
import { ReplicaReads } from './db/replica-reads';
import { withStartUpLock } from './db/start-up-lock';
import { seedDemoIfEmpty } from './seed/demo';
import { seedDemoDraw } from './seed/demo-draw';
import { seedDemoJointTask } from './seed/demo-joint-task';
import { seedDemoInspections } from './seed/demo-inspections';
import { createLogger } from './lib/logger';
import { createTokenService } from './modules/auth/tokens';
import { SessionRevocations } from './modules/auth/session-revocations';
import { createPgPubSub } from './graphql/pubsub';
import { buildAppSchema } from './graphql/schema';
import { createMetrics, type Metrics } from './observability/metrics';
import { registerRuntimeGauges } from './observability/runtime-gauges';
import { waitForMigrations } from './db/migration-state';
import { startHttpServer } from './http/server';
import type { AppServices } from './graphql/context';
import { installJobSchema } from './jobs/job-schema';
import { JobQueue } from './jobs/job-queue';
import { jobCatalog, type JobExtensions } from './jobs/catalog';
import type { JobDefinition } from './jobs/job';
import type { DestinationStream, Logger } from 'pino';
import { WorkClaims } from './db/work-claims';
import { HeavyWork } from './lib/heavy-work';
import { ImportQueue } from './modules/imports/import-queue';
import { PersonKeys } from './security/id-numbers';
import { recoverInterruptedImports } from './modules/imports/import-recovery';
import { MODULES } from './modules';
import { EntityCatalog } from './core/entity-catalog';
import { kickDeliveriesOnCommit } from './modules/notifications/notification-delivery';

export interface RunningApp {
  url: string;
  port: number;
  /** Set when METRICS_PORT serves /metrics apart from the main port. */
  metricsUrl: string | null;
  services: AppServices;
  seeded: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the JSON log lines go (stdout by default). */
  logDestination?: DestinationStream;
}

/**
 * Brings the service up against a database reachable at `adminUrl` (owner rights): with
 * MIGRATE_ON_START (the default) it applies the migrations, seeds the demo on an empty database in
 * demo mode and installs the job queues; without, it waits for `spotcheck migrate` to have done so.
 * Then it serves and works the jobs as the app role.
 */
export async function startApp(config: Config, adminUrl: string, extensions: JobExtensions = {}, options: StartOptions = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel, options.logDestination);
  const jobDefinitions = jobCatalog(extensions);
  let seeded = false;
  if (config.migrateOnStart) seeded = (await prepareDatabase(config, adminUrl, jobDefinitions, log)).seeded;
  else await waitForMigrations(adminUrl, config.migrationWaitSeconds, log);

  const metrics = createMetrics();
  const opened = await openServices(config, adminUrl, log, jobDefinitions, metrics);
  const { services } = opened;
  let http: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    if (seeded) await seedDemoCeremonies(services);
    registerRuntimeGauges(
      metrics,
      services.db,
      config.dbPoolSize,
      jobDefinitions.map((j) => j.name),
    );
    const schema = await buildAppSchema(services.pubsub);
    http = await startHttpServer(services, schema, metrics, {
      port: config.port,
      host: config.host,
      clientDist: config.clientDist,
      metricsPort: config.metricsPort,
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
  return {
    url: http.url,
    port: http.port,
    metricsUrl: http.metricsUrl,
    services,
    seeded,
    close: async () => {
      // Requests and running jobs drain side by side; both need the pools until they are done.
      await Promise.all([http.close(), services.jobs.stop()]);
      await opened.close();
    },
  };
}

/**
 * The one-off migration step (`spotcheck migrate`) for deployments whose replicas start with
 * MIGRATE_ON_START=false: migrations, the demo on an empty database in demo mode (with its draws,
 * held through the real services), and the job queues. Serves nothing and runs no job.
 */
export async function migrateDatabase(
  config: Config,
  adminUrl: string,
  extensions: JobExtensions = {},
  options: StartOptions = {},
): Promise<{ applied: string[]; seeded: boolean }> {
  const log = createLogger(config.logLevel, options.logDestination);
  const jobDefinitions = jobCatalog(extensions);
  const result = await prepareDatabase(config, adminUrl, jobDefinitions, log);
  if (result.seeded) {
    const opened = await openServices({ ...config, runJobs: false }, adminUrl, log, jobDefinitions, createMetrics());
    try {
      await seedDemoCeremonies(opened.services);
    } finally {
      await opened.close();
    }
  }
  return result;
}

/**
 * As the owner: the committed migrations, the demo seed (demo mode, empty database), the job queues.
 * Under the start-up lock, so that servers (and migration steps) starting at once take turns.
 */
function prepareDatabase(config: Config, adminUrl: string, jobDefinitions: JobDefinition[], log: Logger): Promise<{ applied: string[]; seeded: boolean }> {
  return withStartUpLock(adminUrl, async () => {
    const admin = createAdminDataSource(adminUrl);
    await admin.initialize();
    let seeded = false;
    let applied: string[];
    try {
      applied = (await admin.runMigrations({ transaction: 'each' })).map((m) => m.name);
      if (applied.length) log.info({ migrations: applied }, 'migrations applied');
      if (config.mode === 'demo') seeded = await seedDemoIfEmpty(admin, personKeysOf(config));
    } finally {
      await admin.destroy();
    }
    await installJobSchema(adminUrl, config, jobDefinitions);
    return { applied, seeded };
  });
}

/** The pools, the pub/sub connection and the job queue, all as the app role; the jobs are started. */
async function openServices(
  config: Config,
  adminUrl: string,
  log: Logger,
  jobDefinitions: JobDefinition[],
  metrics: Metrics,
): Promise<{ services: AppServices; close(): Promise<void> }> {
  const db = createAppDataSource(adminUrl, config.dbPoolSize);
  await db.initialize();
  const pubsub = await createPgPubSub({ connectionString: adminUrl, options: `-c role=${APP_ROLE}` }, log);
  const replicaReads = await ReplicaReads.open(db, config.replica, config.dbPoolSize, log);
  const services: AppServices = {
    config,
    db,
    replicaReads,
    log,
    pubsub,
    revocations: await SessionRevocations.start(db, pubsub, config.accessTokenTtlSeconds, log),
    tokens: createTokenService(config.jwtSecret ?? demoSecret(config.dataDir), config.accessTokenTtlSeconds),
    personKeys: personKeysOf(config),
    jobs: new JobQueue(adminUrl, config, log, jobDefinitions),
    metrics,
    claims: new WorkClaims({ connectionString: adminUrl, options: `-c role=${APP_ROLE}` }, log),
    heavyWork: new HeavyWork(config.heavyJobsPerTenant),
    importQueue: new ImportQueue(config.imports.workers, log),
    catalog: EntityCatalog.of(MODULES),
  };
  // Imports left queued or running by a server that died are failed now (nothing of them was merged).
  await recoverInterruptedImports(db, log).catch((error: unknown) => log.error({ err: error }, 'import recovery failed'));
  await services.jobs.start(services);
  const stopDeliveryKicks = kickDeliveriesOnCommit(services);
  return {
    services,
    close: async () => {
      stopDeliveryKicks();
      await services.jobs.stop();
      await pubsub.close();
      await services.claims.close();
      await replicaReads.close();
      await db.destroy();
    },
  };
}

/** The demo's ceremonies, replayed through the real services right after the demo seed. */
async function seedDemoCeremonies(services: AppServices): Promise<void> {
  await seedDemoDraw(services);
  await seedDemoJointTask(services);
  await seedDemoInspections(services);
}

/** In demo mode without JWT_SECRET, a random secret is generated once and kept in the data directory. */
/** Natural persons' keys: from ID_NUMBER_SECRET, else from the JWT secret (the deployment's own, or the demo's file). */
function personKeysOf(config: Config): PersonKeys {
  return new PersonKeys(config.idNumberSecret ?? config.jwtSecret ?? demoSecret(config.dataDir));
}

function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
