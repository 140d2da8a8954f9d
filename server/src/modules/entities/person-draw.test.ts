import { completeIdNumber, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { approveLate } from '../../test-support/draw-fixture';
import { plainRecordOf } from '../../test-support/draw-ceremony';

/**
 * A natural person goes through the draw under its `P:` key: a Text of the draw spec (no control
 * characters), stable, and revealing nothing of the ID number; the selection, the record and the
 * published draw record carry the key, never the number.
 */
describe('a natural person in the draw', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is drawn, recorded and published under its key, and the draw verifies', async () => {
    const office = await t.login('changde.admin');
    const id = completeIdNumber('43070219700505321');
    const created = await t.gql(
      'mutation($input: EntityInput!) { createEntity(input: $input) { uscc } }',
      {
        input: { name: '刘个人', idNumber: id, regionCode: '430702', address: '武陵区测试路 5 号', targetType: '个人' },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    const key = created.data.createEntity.uscc;

    const items = (await t.gql('{ items { edges { node { id name } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const task = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          planId: plan,
          round: 1,
          title: '2026年个人用地抽查（测试）',
          purpose: '检查个人',
          procedure: '摇号、核查、报告',
          divisionOfLabour: '测绘地理信息科',
          confidentiality: '结果公布前保密',
          reason: '补办第一轮（测试）',
          startsOn: '2026-05-06',
          endsOn: '2026-05-29',
          teamSize: 2,
          items: [{ itemId: items.find((i: any) => i.name === '测绘资质单位监督检查').id, ratio: '0.10' }],
          targetFilter: { targetTypes: ['个人'] },
        },
      },
      office,
    );
    expect(task.errors).toBeUndefined();
    await approveLate(t, task.data.createTask.id, await t.login('changde.leader'));
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: task.data.createTask.id }, office);
    expect(committed.errors).toBeUndefined();
    const drawId = committed.data.commitDraw.id;
    await t.gql(
      'mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 1234") { id } }',
      { id: drawId },
      await t.login('changde.supervisor'),
    );
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "118") { id } }', { id: drawId }, office);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status record } }', { id: drawId }, office);
    expect(drawn.errors).toBeUndefined();
    const published: DrawRecord = drawn.data.performDraw.record;
    expect(verifyDraw(published)).toEqual({ ok: true, revealed: true });
    // The record names nobody (spotcheck-draw/2): the office reads it by key through the draw's key map.
    const record = await plainRecordOf(t, drawId, office, published);

    // Only persons were in the pool: the demo's two and this one, all under keys.
    const keys = record.input.strata.flatMap((s) => s.entities.map((e) => e.key));
    expect(keys).toHaveLength(3);
    expect(keys).toContain(key);
    expect(keys.every((k) => /^P:[0-9A-F]{16}$/.test(k))).toBe(true);
    const [selected] = record.result!.selections[0]!.entityKeys;
    const rows = await t.sql(
      `SELECT e.kind, e.uscc FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id WHERE s.draw_id = (SELECT id FROM draws WHERE status = 'DRAWN' ORDER BY drawn_at DESC LIMIT 1) ORDER BY s.seq`,
    );
    expect(rows.map((r) => r.uscc).sort()).toEqual(record.result!.selections.flatMap((s) => s.entityKeys).sort());
    expect(rows.every((r) => r.kind === 'PERSON')).toBe(true);
    // The team opens the record of the person: it carries the key and the name.
    const [member] =
      await t.sql(`SELECT u.username, s.seq, e.uscc FROM draw_selections s JOIN inspectors i ON i.id = ANY(s.inspector_ids) JOIN users u ON u.id = i.user_id
        JOIN market_entities e ON e.id = s.entity_id
      WHERE s.draw_id = (SELECT id FROM draws WHERE status = 'DRAWN' ORDER BY drawn_at DESC LIMIT 1) ORDER BY u.username LIMIT 1`);
    const opened = await t.gql(
      'mutation($id: ID!, $seq: Int!) { openInspection(drawId: $id, seq: $seq) { entityUscc entityName } }',
      { id: drawId, seq: member.seq },
      await t.login(member.username),
    );
    expect(opened.errors).toBeUndefined();
    // The member's own selection: drawn under its key, one of those the record selected.
    expect(opened.data.openInspection.entityUscc).toBe(member.uscc);
    expect(record.result!.selections.flatMap((s) => s.entityKeys)).toContain(member.uscc);
    // The published record names neither the ID number nor even the key: only pseudonyms.
    const downloaded = JSON.stringify(await (await fetch(`${t.url}/api/public/draws/${drawId}`)).json());
    expect(downloaded).not.toContain(selected);
    expect(downloaded).not.toContain(id);
  });
});
