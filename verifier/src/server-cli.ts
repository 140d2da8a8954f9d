import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The operators' commands (backup, restore, migrate…) belong to the SpotCheck server, which this
 * package does not depend on: in the repository's workspace it is installed beside it, and its CLI
 * is found there once built. Outside it (a journalist with this package alone) it is simply absent.
 */
export type ServerCli = { found: true; file: string } | { found: false; why: string };

export function findServerCli(): ServerCli {
  let manifest: string;
  try {
    manifest = require.resolve('@spotcheck/server/package.json');
  } catch {
    return { found: false, why: '没有安装 SpotCheck 服务端（@spotcheck/server）：本程序只含摇号核验。请在 SpotCheck 仓库根目录运行 npm install' };
  }
  const file = path.join(path.dirname(manifest), 'dist', 'cli.js');
  if (!fs.existsSync(file)) {
    return { found: false, why: `SpotCheck 服务端尚未构建（缺少 ${file}）：请先在仓库根目录运行 npm run build（npm start 也会构建）` };
  }
  return { found: true, file };
}

/** Runs the server's CLI with these arguments, in this terminal; resolves to its exit code. */
export function runServerCli(file: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: 'inherit' });
    child.once('error', reject);
    // Ctrl-C reaches the child too (same process group): wait for it to finish its clean-up.
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}

/** The server CLI's own command lines (`  name  help`), from its usage text. */
export function serverCommandLines(file: string): string[] {
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) return [];
  return run.stdout.split('\n').filter((line) => /^\s+\S/.test(line));
}
