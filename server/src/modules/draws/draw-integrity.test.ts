import { verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { commitChangdeSurveyTask } from '../../test-support/draw-fixture';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { packRecord, unpackRecord } from './draw-record-store';

describe('the draw runs only on the input whose hash was published at the commit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a stored input changed after the commit, and draws once it is restored', async () => {
    const {
      office,
      draw: { id: drawId },
    } = await commitChangdeSurveyTask(t);
    const supervisor = await t.login('changde.supervisor');
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 4821") { id } }', { id: drawId }, supervisor);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "907") { id } }', { id: drawId }, office);

    const [{ id, record_gz: original }] = await t.sql(`SELECT id, record_gz FROM draws WHERE status = 'COMMITTED'`);
    const changed = unpackRecord(original);
    changed.input.strata[0]!.entities[0]!.weight = '9';
    await t.sql(`UPDATE draws SET record_gz = $1 WHERE id = $2`, [await packRecord(changed), id]);
    const refused = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'DRAW_INPUT_HASH' });
    const [after] = await t.sql(`SELECT status, (SELECT count(*)::int FROM draw_selections WHERE draw_id = $1) AS selections FROM draws WHERE id = $1`, [id]);
    expect(after).toEqual({ status: 'COMMITTED', selections: 0 });

    await t.sql(`UPDATE draws SET record_gz = $1 WHERE id = $2`, [original, id]);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status record } }', { id: drawId }, office);
    expect(drawn.errors).toBeUndefined();
    expect(drawn.data.performDraw.status).toBe('DRAWN');
    const record: DrawRecord = drawn.data.performDraw.record;
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
    const [{ selections }] = await t.sql(`SELECT count(*)::int AS selections FROM draw_selections WHERE draw_id = $1`, [id]);
    expect(selections).toBe(record.result!.teams.length);
  });
});
