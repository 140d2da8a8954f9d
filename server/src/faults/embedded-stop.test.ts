import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAIN_JS } from '../test-support/server-process';

/** `npm start` with its embedded PostgreSQL, stopped as Ctrl-C or a process manager stops it. */
describe('stopping the server with its embedded database', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s closes the service first, then the database, and logs no error',
    async (signal) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-stop-'));
      let child: ChildProcess | undefined;
      try {
        const server = spawn(process.execPath, [MAIN_JS], {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? os.tmpdir(),
            PORT: '0',
            HOST: '127.0.0.1',
            SPOTCHECK_DATA_DIR: dataDir,
            LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = server;
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no start within 100 s:\n${output}`)), 100_000);
          server.stdout.on('data', () => {
            const found = /已启动[^：]*：(http:\/\/localhost:\d+)/.exec(output);
            if (found) {
              clearTimeout(timer);
              resolve(found[1]!);
            }
          });
          void exited.then((code) => reject(new Error(`exited with ${code} before it started:\n${output}`)));
        });
        // Connections in every pool: the request pool, the job queue (which works its queues) and pubsub.
        let ready = 0;
        for (let tries = 0; ready !== 200 && tries < 50; tries += 1) {
          ready = (await fetch(`${url}/readyz`)).status;
          if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(ready).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 1500));

        server.kill(signal);
        const code = await exited;
        // The cluster was stopped cleanly: PostgreSQL removes its pid file on a clean shutdown (its
        // server process may end a moment after the wrapper that ran it as the postgres user).
        const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
        for (let waited = 0; fs.existsSync(pidFile) && waited < 10_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
        const problems = output.split('\n').filter((line) => /"level":(40|50|60)/.test(line));
        expect({ code, stopping: output.includes(`收到 ${signal}`), problems, pidFile: fs.existsSync(pidFile) }).toEqual({
          code: 0,
          stopping: true,
          problems: [],
          pidFile: false,
        });
      } finally {
        // A failed check leaves no server (and its database) behind.
        if (child && child.exitCode === null) {
          child.kill('SIGINT');
          await new Promise((resolve) => child!.once('exit', resolve));
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
