import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', '..', 'test', 'embedded-pg.cjs');

export interface PostgresProcess {
  /** The superuser's connection string to the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Fast shutdown; answers once PostgreSQL has stopped. */
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL of the test's own (server/test/embedded-pg.cjs), in a separate process: with
 * the same data directory and port it can be stopped and started again under a running server.
 */
export async function startPostgresProcess(dataDir: string, port = 0): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /^READY (\S+)$/m.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}):\n${output}`)));
  });
  return {
    adminUrl,
    port: Number(new URL(adminUrl).port),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
