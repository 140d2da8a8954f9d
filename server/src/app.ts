import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { createAdminDataSource, createAppDataSource, APP_ROLE } from './db/data-source';
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
import { createMetrics } from './http/metrics';
import { startHttpServer } from './http/server';
import type { AppServices } from './graphql/context';
import { installJobSchema } from './jobs/job-schema';
import { JobQueue } from './jobs/job-queue';
import { jobCatalog, type JobExtensions } from './jobs/catalog';
import { WorkClaims } from './db/work-claims';
import { recoverInterruptedImports } from './modules/imports/import-recovery';

export interface RunningApp {
  url: string;
  port: number;
  services: AppServices;
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Brings the service up against a database reachable at `adminUrl` (owner rights): applies the
 * migrations, seeds the demo on an empty database in demo mode, installs the job queues, then serves
 * and works the jobs as the app role.
 */
export async function startApp(config: Config, adminUrl: string, extensions: JobExtensions = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel);
  const jobDefinitions = jobCatalog(extensions);
  const seeded = await withStartUpLock(adminUrl, async () => {
    const admin = createAdminDataSource(adminUrl);
    await admin.initialize();
    let seededNow = false;
    try {
      const applied = await admin.runMigrations({ transaction: 'each' });
      if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      if (config.mode === 'demo') seededNow = await seedDemoIfEmpty(admin);
    } finally {
      await admin.destroy();
    }
    await installJobSchema(adminUrl, config, jobDefinitions);
    return seededNow;
  });

  const db = createAppDataSource(adminUrl, config.dbPoolSize);
  await db.initialize();
  const pubsub = await createPgPubSub({ connectionString: adminUrl, options: `-c role=${APP_ROLE}` }, log);
  const services: AppServices = {
    config,
    db,
    log,
    pubsub,
    revocations: await SessionRevocations.start(db, pubsub, config.accessTokenTtlSeconds, log),
    tokens: createTokenService(config.jwtSecret ?? demoSecret(config.dataDir), config.accessTokenTtlSeconds),
    jobs: new JobQueue(adminUrl, config, log, jobDefinitions),
    claims: new WorkClaims({ connectionString: adminUrl, options: `-c role=${APP_ROLE}` }, log),
  };
  // Imports left queued or running by a server that died are failed now (nothing of them was merged).
  await recoverInterruptedImports(db, log).catch((error: unknown) => log.error({ err: error }, 'import recovery failed'));
  await services.jobs.start(services);
  let http: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    if (seeded) {
      await seedDemoDraw(services);
      await seedDemoJointTask(services);
      await seedDemoInspections(services);
    }
    const schema = await buildAppSchema(pubsub);
    http = await startHttpServer(services, schema, createMetrics(), { port: config.port, host: config.host, clientDist: config.clientDist });
  } catch (error) {
    await services.jobs.stop();
    await services.claims.close();
    throw error;
  }
  return {
    url: http.url,
    port: http.port,
    services,
    seeded,
    close: async () => {
      // Requests and running jobs drain side by side; both need the pools until they are done.
      await Promise.all([http.close(), services.jobs.stop()]);
      await Promise.all([pubsub.close(), services.claims.close()]);
      await db.destroy();
    },
  };
}

/** In demo mode without JWT_SECRET, a random secret is generated once and kept in the data directory. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
