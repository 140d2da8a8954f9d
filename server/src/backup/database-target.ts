import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedPostgres } from '../db/embedded';

export interface DatabaseTarget {
  url: string;
  /** Where the data is, for the messages. */
  description: string;
  close(): Promise<void>;
}

/**
 * The database the CLI works on: DATABASE_URL when set; otherwise the embedded cluster in
 * $SPOTCHECK_DATA_DIR/pg, reached where a running server started it, or started for the command
 * (and created, for a restore onto a new machine) and stopped again afterwards.
 */
export async function openDatabase(config: Config, options: { create: boolean }): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    const { hostname, port, pathname } = new URL(config.databaseUrl);
    return { url: config.databaseUrl, description: `数据库 ${hostname}:${port || 5432}${pathname}`, close: async () => undefined };
  }
  const clusterDir = path.join(config.dataDir, 'pg');
  const description = `内置 PostgreSQL（${clusterDir}）`;
  const exists = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!exists && !options.create) throw new Error(`没有找到数据库：${clusterDir} 不存在。请设置 DATABASE_URL 或 SPOTCHECK_DATA_DIR`);
  const running = exists ? runningPort(clusterDir) : null;
  if (running) {
    const password = fs.readFileSync(path.join(config.dataDir, 'pg-password'), 'utf8').trim();
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running}/postgres`, description, close: async () => undefined };
  }
  const pg = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  return { url: pg.adminUrl, description, close: () => pg.stop() };
}

/** The port of the PostgreSQL running on this cluster (postmaster.pid: pid on line 1, port on line 4), or null. */
function runningPort(clusterDir: string): number | null {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  try {
    process.kill(Number(lines[0]), 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null; // EPERM: alive, as another user
  }
  return Number(lines[3]) || null;
}
