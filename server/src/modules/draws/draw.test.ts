import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { approveLate, liftYearCaps } from '../../test-support/draw-fixture';

const CREATE_TASK = `mutation($input: TaskInput!) { createTask(input: $input) { id } }`;

describe('the draw: commit, ceremony, reveal, verify', () => {
  let t: TestApp;
  let office: string;
  let supervisor: string;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await liftYearCaps(t);
    office = await t.login('wugang.admin');
    const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const task = await t.gql(
      CREATE_TASK,
      {
        input: {
          planId: plan,
          round: 1,
          title: '舞钢市自然资源和规划局2023年“双随机、一公开”抽查',
          purpose: '按2023年实施方案对四个抽查事项开展随机抽查',
          procedure: '摇号 → 实地核查 → 检查记录 → 报告 → 公示',
          divisionOfLabour: '各股室按事项分工，检查组按摇号结果组成',
          confidentiality: '摇号前名单封存，结果公布前不得泄露',
          startsOn: '2023-06-05',
          endsOn: '2023-11-24',
          teamSize: 2,
          items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
          reason: '测试：补办2023年度抽查',
        },
      },
      office,
    );
    expect(task.errors).toBeUndefined();
    taskId = task.data.createTask.id;
    await approveLate(t, taskId, await t.login('wugang.leader'));
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.leader'`);
    await t.sql(`UPDATE users SET roles = '{LEADER,SUPERVISOR}' WHERE id = $1`, [user.id]);
    supervisor = await t.login('wugang.leader');
  });
  afterAll(() => t.close());

  it('draws 舞钢’s 2023 four items: commitment first, entropy, then a record anyone can verify', async () => {
    const committed = await t.gql(
      'mutation($id: ID!) { commitDraw(taskId: $id) { id status inputHash commitment ruleVersion summary record } }',
      { id: taskId },
      office,
    );
    expect(committed.errors).toBeUndefined();
    const draw = committed.data.commitDraw;
    expect(draw.status).toBe('COMMITTED');
    expect(draw.record.serverSeed).toBeNull();
    expect(draw.record.result).toBeNull();
    expect(draw.record.inputHash).toBe(draw.inputHash);
    expect(draw.summary.strata.map((s: any) => s.ratio)).toEqual(['0.10', '0.30', '0.10', '0.10']);

    // Not before witnesses and the public number.
    expect(codes(await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { id } }', { id: draw.id }, office))).toEqual(['RULE_VIOLATION']);
    expect(codes(await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "x") { id } }', { id: draw.id }, office))).toEqual([
      'FORBIDDEN',
    ]);
    // Entropy strings are Texts (spec §3, §5), checked by code point: a DEL, a lone surrogate, or a TAB
    // after a character above U+FFFF would be accepted here and then stop the draw (or blur the seed preimage).
    const ENTROPY = 'mutation($id: ID!, $v: String!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: $v) { id } }';
    for (const bad of ['73\u007f91', '7391\ud800', '😀\t9', '\udc00😀']) {
      const refused = await t.gql(ENTROPY, { id: draw.id, v: bad }, supervisor);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    }
    const [{ entries }] = await t.sql(
      `SELECT jsonb_array_length(public_entropy) AS entries FROM draws WHERE task_id = (SELECT id FROM tasks WHERE title = '舞钢市自然资源和规划局2023年“双随机、一公开”抽查')`,
    );
    expect(entries).toBe(0);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "纪检监督 7391") { id } }', { id: draw.id }, supervisor);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "418") { id } }', { id: draw.id }, office);
    const drawn = await t.gql(
      'mutation($id: ID!) { performDraw(drawId: $id) { status record results(first: 5) { totalCount edges { node { entity { name uscc } items { name } team { name certificateNo } } } } } }',
      { id: draw.id },
      office,
    );
    expect(drawn.errors).toBeUndefined();
    const record: DrawRecord = drawn.data.performDraw.record;
    expect(record.serverSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(record.publicEntropy).toEqual(['纪检监督 7391', '418']);
    expect(verifyDraw(record)).toMatchObject({ ok: true });
    // Counts are rounded up from each item's ratio of its eligible pool.
    for (const [i, selection] of record.result!.selections.entries()) {
      const n = record.input.strata[i]!.entities.length;
      const ratio = Number(record.input.strata[i]!.ratio);
      expect(selection.entityKeys.length).toBe(Math.ceil(n * ratio - 1e-9));
    }
    const rows = drawn.data.performDraw.results;
    expect(rows.totalCount).toBe(record.result!.teams.length);
    expect(rows.edges[0].node.team).toHaveLength(2);

    // The drawn draw never changes, not even through SQL as the app role.
    await expect(t.sql(`UPDATE draws SET status = 'COMMITTED'`)).rejects.toThrow(/never changes/);
    const tampered = {
      ...record,
      result: {
        ...record.result!,
        teams: record.result!.teams.map((team, i) => (i === 0 ? { ...team, inspectorKeys: [...team.inspectorKeys].reverse() } : team)),
      },
    };
    expect(verifyDraw(tampered).ok).toBe(false);
  });

  it('publishes the record without sign-in, and `spotcheck verify-draw` checks a file or a URL', async () => {
    const list = (await (await fetch(`${t.url}/api/public/draws`)).json()) as any;
    expect(list.totalCount).toBe(1);
    const summary = list.draws[0];
    expect(summary).toMatchObject({ status: 'DRAWN', algorithm: 'spotcheck-draw/2' });
    const url = `${t.url}${summary.recordUrl}`;
    const record = (await (await fetch(url)).json()) as any;
    expect(record.inputHash).toBe(summary.inputHash);
    // Over GraphQL only the summary: the record grows with the pool and is served by REST alone.
    const viaGraphql = await t.gql('query($id: ID!) { publicDraw(id: $id) { inputHash recordUrl } }', { id: summary.id });
    expect(viaGraphql.data.publicDraw).toEqual({ inputHash: record.inputHash, recordUrl: summary.recordUrl });
    expect((await fetch(`${t.url}/api/public/draws/bm9wZQ`)).status).toBe(404);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(good, JSON.stringify(record));
    const altered = structuredClone(record);
    altered.input.strata[0].entities[0].weight = '9';
    fs.writeFileSync(bad, JSON.stringify(altered));
    const cli = path.resolve(__dirname, '..', '..', '..', '..', 'verifier', 'bin', 'spotcheck.js');
    // Asynchronously: the CLI downloads from this very process's server.
    const run = (arg: string) =>
      new Promise<{ status: number; stdout: string }>((resolve) => {
        execFile(process.execPath, [cli, 'verify-draw', arg], { encoding: 'utf8' }, (error, stdout) => {
          resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout });
        });
      });
    expect(await run(good)).toMatchObject({ status: 0, stdout: expect.stringContaining('核验通过') });
    expect(await run(url)).toMatchObject({ status: 0 });
    const refused = await run(bad);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('核验失败');
    expect((await run(path.join(dir, 'missing.json'))).status).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second commit, and an infeasible draw writes nothing', async () => {
    expect(codes(await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office))).toEqual(['RULE_VIOLATION']);
    const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const big = await t.gql(
      CREATE_TASK,
      {
        input: {
          planId: plan,
          round: 1,
          title: '十人一组',
          purpose: 'x',
          procedure: 'x',
          divisionOfLabour: 'x',
          confidentiality: 'x',
          startsOn: '2023-06-05',
          endsOn: '2023-06-30',
          teamSize: 10,
          items: [{ itemId: items[2].id, ratio: '0.10' }],
          reason: '测试',
        },
      },
      office,
    );
    await approveLate(t, big.data.createTask.id, supervisor);
    const refused = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: big.data.createTask.id }, office);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect(refused.errors![0]!.extensions!.constraint).toBeTruthy();
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM draws WHERE task_id = (SELECT id FROM tasks WHERE title = '十人一组')`);
    expect(count).toBe(0);
  });

  it('keeps another bureau out of the draw', async () => {
    const changde = await t.login('changde.admin');
    const [draw] = await t.sql(`SELECT id FROM draws LIMIT 1`);
    const { toGlobalId } = await import('@spotcheck/shared');
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Draw', draw.id) }, changde))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { id } }', { id: toGlobalId('Draw', draw.id) }, changde))).toEqual(['NOT_FOUND']);
  });
});
