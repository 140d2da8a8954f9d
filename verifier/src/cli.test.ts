/**
 * The `spotcheck` command as a user runs it: the committed bin, the built verifier (`npm run build`
 * first), child processes. Also that the package runs alone, with nothing of SpotCheck installed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = path.resolve(__dirname, '..');
const REPO = path.resolve(PACKAGE, '..');
const BIN = path.join(PACKAGE, 'bin', 'spotcheck.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; `npm_*` variables are dropped, as in a user's shell (jest may run under npm). */
function run(file: string, args: string[], cwd = REPO): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const spotcheck = (args: string[], bin = BIN, cwd = REPO) => run(process.execPath, [bin, ...args], cwd);

const vector = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(REPO, 'shared', 'src', 'draw', 'vectors', `${name}.json`), 'utf8')).record as Record<string, any>;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-verifier-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('spotcheck verify-draw', () => {
  it('passes a record that reproduces (0), refuses an altered one (1) and one it cannot read (2)', async () => {
    const record = vector('weighted');
    const ok = await spotcheck(['verify-draw', write('good.json', record)]);
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining(`核验通过：名单哈希 ${record.inputHash}`) });

    const altered = structuredClone(record);
    altered.input.strata[0].entities[0].weight = '9';
    const bad = await spotcheck(['verify-draw', write('bad.json', altered)]);
    expect(bad).toMatchObject({ code: 1, stdout: expect.stringContaining('核验失败（INPUT_HASH_MISMATCH）') });

    const reordered = structuredClone(record);
    reordered.result.teams[0].inspectorKeys.reverse();
    expect(await spotcheck(['verify-draw', write('teams.json', reordered)])).toMatchObject({ code: 1, stdout: expect.stringContaining('TEAM_MISMATCH') });

    expect(await spotcheck(['verify-draw', path.join(dir, 'missing.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('无法读取文件') });
    expect(await spotcheck(['verify-draw', write('torn.json', JSON.stringify(record).slice(0, 100))])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('不是有效的 JSON'),
    });
    expect((await spotcheck(['verify-draw'])).code).toBe(2);
  });

  it('reads a record strictly, as the browser does: a duplicate member or a byte-order mark is malformed, bytes that are not UTF-8 unreadable', async () => {
    const text = JSON.stringify(vector('weighted'));
    const duplicated = text.replace('"inputHash":', '"inputHash":"x","inputHash":');
    expect(await spotcheck(['verify-draw', write('duplicate.json', duplicated)])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('MALFORMED_RECORD'),
    });
    expect(await spotcheck(['verify-draw', write('bom.json', `\ufeff${text}`)])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('MALFORMED_RECORD'),
    });
    const latin1 = path.join(dir, 'latin1.json');
    fs.writeFileSync(latin1, Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0x2c, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])]));
    expect(await spotcheck(['verify-draw', latin1])).toMatchObject({ code: 2, stderr: expect.stringContaining('UTF-8') });
  });

  it('reproduces a recorded failure', async () => {
    const record = vector('infeasible-workload-cap');
    expect(record.result).toBeNull();
    expect(await spotcheck(['verify-draw', write('failed.json', record)])).toMatchObject({ code: 0, stdout: expect.stringContaining('复现了记录的抽取失败') });
  });

  it('checks the announcement served before the draw against its inputHash', async () => {
    const announced: Record<string, any> = { ...vector('uniform'), serverSeed: null, publicEntropy: [], seed: '', result: null, failure: null };
    expect(await spotcheck(['verify-draw', write('pending.json', announced)])).toMatchObject({ code: 0, stdout: expect.stringContaining('尚未摇号') });
    announced.input.strata[0].ratio = '0.9';
    expect(await spotcheck(['verify-draw', write('pending-bad.json', announced)])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('INPUT_HASH_MISMATCH'),
    });
  });

  it('fetches a URL with Node alone, and says so when it cannot (2)', async () => {
    const url = 'http://127.0.0.1:9/api/public/draws/x';
    expect(await spotcheck(['verify-draw', url])).toMatchObject({ code: 2, stderr: expect.stringContaining(`无法下载 ${url}`) });
  });
});

describe('the spotcheck command', () => {
  it('lists its own command and the server CLI’s, and hands those to the server', async () => {
    const help = await spotcheck(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['verify-draw', 'backup', 'restore', 'migrate', 'sample-notice']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const usage = await spotcheck(['backup']);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: spotcheck backup <file>') });
  });

  it('is what `npx spotcheck` runs at the repository root, never a package from the registry', async () => {
    const viaNpx = await run('npx', ['--offline', 'spotcheck', '--help']);
    expect(viaNpx).toMatchObject({ code: 0, stdout: expect.stringContaining('verify-draw') });
    expect(viaNpx.stdout).toMatch(/^  restore /m);
  });
});

describe('the verifier package', () => {
  const built = path.join(PACKAGE, 'dist');
  const sources = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sources(path.join(d, e.name)) : e.name.endsWith('.js') ? [path.join(d, e.name)] : []));

  it('declares no dependencies, and its build requires nothing but itself and Node', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    const files = [...sources(built), BIN];
    expect(files.length).toBeGreaterThan(10);
    const outside = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)]
        .map((m) => m[1]!)
        .filter((id) => !id.startsWith('node:') && !(id.startsWith('.') && path.resolve(path.dirname(file), id).startsWith(PACKAGE + path.sep)))
        .filter((id) => id !== '@spotcheck/server/package.json')
        .map((id) => `${path.relative(PACKAGE, file)}: ${id}`),
    );
    expect(outside).toEqual([]);
  });

  it('runs alone, copied where nothing of SpotCheck is installed', async () => {
    const alone = path.join(dir, 'alone');
    for (const part of ['package.json', 'bin', 'dist']) fs.cpSync(path.join(PACKAGE, part), path.join(alone, part), { recursive: true });
    const bin = path.join(alone, 'bin', 'spotcheck.js');
    const file = write('alone.json', vector('joint-two-groups'));
    expect(await spotcheck(['verify-draw', file], bin, dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('核验通过') });
    expect(await spotcheck(['backup', 'x.backup'], bin, dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('没有安装 SpotCheck 服务端') });
    expect(await spotcheck(['--help'], bin, dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('verify-draw') });
  });
});
