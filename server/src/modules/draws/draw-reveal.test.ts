import { commitmentOf, type DrawRecord } from '@spotcheck/shared';
import { commitChangdeSurveyTask } from '../../test-support/draw-fixture';
import { codes, startTestApp, type TestApp } from '../../test-support/test-app';

const DRAW_FIELDS = 'id status commitment inputHash serverSeed seed failure';

describe('what a draw reveals, and when', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('hides the server seed and the seed until the draw, then shows them as the record has them', async () => {
    const { office, draw: committed } = await commitChangdeSurveyTask(t, DRAW_FIELDS);
    expect(committed).toMatchObject({ status: 'COMMITTED', serverSeed: null, seed: null, failure: null });

    const leader = await t.login('changde.leader');
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 1234") { id } }', { id: committed.id }, leader);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "907") { id } }', { id: committed.id }, office);
    const drawn = await t.gql(`mutation($id: ID!) { performDraw(drawId: $id) { ${DRAW_FIELDS} record } }`, { id: committed.id }, office);
    expect(drawn.errors).toBeUndefined();
    const draw = drawn.data.performDraw;
    const record = draw.record as DrawRecord;
    expect(draw.status).toBe('DRAWN');
    expect(draw.serverSeed).toBe(record.serverSeed);
    expect(commitmentOf(draw.serverSeed)).toBe(draw.commitment);
    expect(draw.seed).toBe(record.seed);
    expect(draw.failure).toBeNull();

    // Another bureau cannot reach the draw at all.
    const outsider = await t.login('wugang.admin');
    expect(codes(await t.gql(`query($id: ID!) { node(id: $id) { ... on Draw { ${DRAW_FIELDS} } } }`, { id: draw.id }, outsider))).toEqual(['NOT_FOUND']);
  });
});
