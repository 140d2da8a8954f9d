import { verifyRecordText } from './verify-record';
import { readSource, UnreadableRecord } from './read-source';
import { findServerCli, runServerCli, serverCommandLines } from './server-cli';

const VERIFY_HELP = '核验公开的摇号记录：spotcheck verify-draw <文件或网址>（0 通过，1 不通过，2 无法读取）';

/** `spotcheck verify-draw <file|url>`: 0 the record holds, 1 it does not, 2 it cannot be read. */
export async function verifyDrawCommand(args: string[]): Promise<number> {
  const [source, ...rest] = args;
  if (!source || rest.length) {
    process.stderr.write('用法：spotcheck verify-draw <文件或网址>\n');
    return 2;
  }
  try {
    const text = await readSource(source);
    // Text that is not JSON at all cannot be read (2); JSON that breaks the spec's strict reading (a
    // byte-order mark, a duplicate member) is read and found malformed (1).
    const verdict = verifyRecordText(text, source);
    process.stdout.write(`${verdict.message}\n`);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UnreadableRecord)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

function help(): void {
  const server = findServerCli();
  const lines = [`usage: spotcheck <command>`, `  ${'verify-draw'.padEnd(14)}${VERIFY_HELP}`];
  const serverLines = server.found ? serverCommandLines(server.file) : [];
  if (serverLines.length) lines.push(...serverLines);
  else if (server.found)
    lines.push(`  backup、restore、migrate 等运维命令由 SpotCheck 服务端提供，但 ${server.file} 没有列出命令：请重新构建（npm run build）`);
  else lines.push(`  backup、restore、migrate 等运维命令由 SpotCheck 服务端提供：${server.why}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * The `spotcheck` command: answers `verify-draw` itself, with nothing but Node.js; hands every
 * other command (backup, restore, migrate…) to the SpotCheck server's CLI when it is installed
 * and built. Resolves to the exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help();
    return 0;
  }
  if (name === 'verify-draw') return verifyDrawCommand(args);
  const server = findServerCli();
  if (!server.found) {
    process.stderr.write(`spotcheck ${name}：${server.why}\n`);
    return 2;
  }
  return runServerCli(server.file, argv);
}
