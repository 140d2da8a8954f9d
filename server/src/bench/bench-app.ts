import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../config';
import { startApp, type RunningApp } from '../app';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';

export interface BenchApp {
  dataDir: string;
  /** The PostgreSQL cluster's directory, for reading the server processes' CPU time. */
  clusterDir: string;
  pg: EmbeddedDatabase;
  app: RunningApp;
  /** Owner connection: bulk data loads without RLS. */
  admin: Client;
  close(): Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL and the real app in demo mode, as every benchmark starts. `env`
 * adds to or overrides the configuration; `logDestination` takes the log lines instead of stdout.
 */
export async function startBenchApp(options: { env?: Record<string, string>; logDestination?: DestinationStream } = {}): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-bench-pg-'));
  const pg = await startEmbeddedPostgres(dataDir, 0);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: pg.adminUrl,
    SPOTCHECK_DATA_DIR: dataDir,
    SPOTCHECK_MODE: 'demo',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    ...options.env,
  });
  const app = await startApp(config, pg.adminUrl, {}, { logDestination: options.logDestination });
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  return {
    dataDir,
    clusterDir: path.join(dataDir, 'pg'),
    pg,
    app,
    admin,
    close: async () => {
      await admin.end();
      await app.close();
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
