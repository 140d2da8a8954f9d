// The README's `spotcheck` lines, run as written (in a shell, through npx, at the repository's root)
// against a running server on a fresh demo database: the verifier on the demo draw's URL and on its
// downloaded file, a backup of the running server's embedded database and the two restores into a
// new data directory, and the verifier packed alone and installed where nothing of SpotCheck is. Only
// the README's placeholders are filled in (the server's port for 4000, the demo draw's id for <id>),
// and npm is pointed at scratch directories for the pack and the global install through its
// environment. A README line without a case here fails the test.
import assert from 'node:assert/strict';
import { exec } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, REPO_ROOT, startServer } from '../support/server.mjs';

/** Every line of the README's shell blocks about the spotcheck command, without its comment. */
function readmeCommands() {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx spotcheck') || /^npm (pack|install -g)\b.*verifier/.test(l));
}

/**
 * Runs a line in a shell as a user would at the repository's root: in a scratch directory right
 * under it (npx runs a command typed inside a workspace package, e.g. e2e/, in that package's
 * directory). npm's own variables are dropped: this file may run under `npm test`.
 */
function sh(line, cwd, env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve) => {
    exec(line, { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the README’s spotcheck commands', () => {
  let server;
  let cwd;
  let restoreDir;
  before(async () => {
    server = await startServer();
    cwd = mkdtempSync(path.join(REPO_ROOT, '.readme-test-'));
    restoreDir = mkdtempSync(path.join(os.tmpdir(), 'spotcheck-restore-'));
  });
  after(async () => {
    await server?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
    if (restoreDir) rmSync(restoreDir, { recursive: true, force: true });
  });

  const lines = readmeCommands();
  const line = (command) => {
    assert.ok(lines.includes(command), `the README has no line “${command}”`);
    return command;
  };
  const VERIFY_URL = 'npx spotcheck verify-draw http://localhost:4000/api/public/draws/<id>';
  const VERIFY_FILE = 'npx spotcheck verify-draw record.json';
  const BACKUP = 'npx spotcheck backup spotcheck.backup';
  const RESTORE = 'npx spotcheck restore spotcheck.backup';
  const RESTORE_FORCE = 'npx spotcheck restore spotcheck.backup --force';
  const PACK = 'npm pack -w verifier';
  const INSTALL = 'npm install -g ./spotcheck-verifier-0.1.0.tgz';

  test('are the ones run here', () => {
    assert.deepEqual([...lines].sort(), [VERIFY_URL, VERIFY_FILE, BACKUP, RESTORE, RESTORE_FORCE, PACK, INSTALL].sort());
  });

  const demoDraw = async () => {
    const list = await (await fetch(`${server.url}/api/public/draws`)).json();
    const drawn = list.draws.find((d) => d.status === 'DRAWN');
    assert.ok(drawn, 'the demo has a drawn draw');
    return { ...drawn, id: drawn.recordUrl.split('/').at(-1) };
  };

  test('verify-draw checks the demo draw from its URL and from the downloaded file', async () => {
    const drawn = await demoDraw();
    const byUrl = await sh(line(VERIFY_URL).replace('localhost:4000', `localhost:${server.port}`).replace('<id>', drawn.id), cwd);
    assert.equal(byUrl.code, 0, byUrl.stderr + byUrl.stdout);
    assert.match(byUrl.stdout, new RegExp(`核验通过：名单哈希 ${drawn.inputHash}`));

    // As the portal's “下载完整记录” saves it.
    writeFileSync(path.join(cwd, 'record.json'), await (await fetch(`${server.url}${drawn.recordUrl}`)).text());
    const byFile = await sh(line(VERIFY_FILE), cwd);
    assert.equal(byFile.code, 0, byFile.stderr + byFile.stdout);
    assert.match(byFile.stdout, /核验通过/);

    const record = JSON.parse(readFileSync(path.join(cwd, 'record.json'), 'utf8'));
    record.input.strata[0].entities[0].weight = '9';
    writeFileSync(path.join(cwd, 'record.json'), JSON.stringify(record));
    const altered = await sh(line(VERIFY_FILE), cwd);
    assert.equal(altered.code, 1, altered.stderr + altered.stdout);
    assert.match(altered.stdout, /核验失败（INPUT_HASH_MISMATCH）/);
  });

  test('backup of the running server’s database, restored into a new data directory, then again with --force', async () => {
    const backup = await sh(line(BACKUP), cwd, { SPOTCHECK_DATA_DIR: server.dataDir });
    assert.equal(backup.code, 0, backup.stderr + backup.stdout);
    assert.match(backup.stdout, /备份到 .*spotcheck\.backup/);

    const target = { SPOTCHECK_DATA_DIR: restoreDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const restored = await sh(line(RESTORE), cwd, target);
    assert.equal(restored.code, 0, restored.stderr + restored.stdout);
    assert.match(restored.stdout, /已恢复到内置 PostgreSQL/);

    const refused = await sh(line(RESTORE), cwd, target);
    assert.equal(refused.code, 2, refused.stderr + refused.stdout);

    const forced = await sh(line(RESTORE_FORCE), cwd, target);
    assert.equal(forced.code, 0, forced.stderr + forced.stdout);
    assert.match(forced.stdout, /覆盖了原有数据/);
  });

  test('the verifier packed alone installs with no dependencies and checks the demo draw far from the repository', async () => {
    const pack = await sh(line(PACK), REPO_ROOT, { npm_config_pack_destination: cwd });
    assert.equal(pack.code, 0, pack.stderr + pack.stdout);
    const prefix = path.join(restoreDir, 'global');
    const install = await sh(line(INSTALL), cwd, { npm_config_prefix: prefix, npm_config_offline: 'true' });
    assert.equal(install.code, 0, install.stderr + install.stdout);
    assert.deepEqual(readdirSync(path.join(prefix, 'lib', 'node_modules')), ['@spotcheck']);
    assert.deepEqual(readdirSync(path.join(prefix, 'lib', 'node_modules', '@spotcheck')), ['verifier']);

    const drawn = await demoDraw();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'spotcheck-elsewhere-'));
    try {
      const PATH = `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`;
      const checked = await sh(`spotcheck verify-draw ${server.url}/api/public/draws/${drawn.id}`, elsewhere, { PATH });
      assert.equal(checked.code, 0, checked.stderr + checked.stdout);
      assert.match(checked.stdout, new RegExp(`核验通过：名单哈希 ${drawn.inputHash}`));
      const backup = await sh('spotcheck backup x.backup', elsewhere, { PATH });
      assert.equal(backup.code, 2);
      assert.match(backup.stderr, /没有安装 SpotCheck 服务端/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
