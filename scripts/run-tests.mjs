// `npm test`'s last step: the jest layers (`npm run test:unit`) and the browser tests (`npm run test:e2e`)
// side by side. Each waits mostly on something else (PostgreSQL, its servers, the browser), so together
// they keep the two cores busy where one after the other left them idle half the time. The browser
// tests' lines are marked `e2e│`. TEST_LAYERS=serial runs them one after the other instead.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const serial = process.env.TEST_LAYERS === 'serial';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`; its output goes to ours, each line prefixed if `prefix` is given. */
function run(script, prefix) {
  const started = Date.now();
  const child = spawn(npm, ['run', '--silent', script], { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (prefix) {
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${prefix}${line}\n`));
    }
  }
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) })),
  );
}

const results = serial ? [await run('test:unit'), await run('test:e2e')] : await Promise.all([run('test:unit'), run('test:e2e', 'e2e│ ')]);
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.script}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
