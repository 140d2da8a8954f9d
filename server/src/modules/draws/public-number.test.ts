import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { commitChangdeSurveyTask } from '../../test-support/draw-fixture';

const ENTER = 'mutation($id: ID!, $value: String!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: $value) { id publicEntropy } }';

describe('the announced public number is checked before it enters the permanent record', () => {
  let t: TestApp;
  let office: string;
  let drawId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({
      office,
      draw: { id: drawId },
    } = await commitChangdeSurveyTask(t));
  });
  afterAll(() => t.close());

  const stored = async () =>
    (await t.sql(`SELECT d.public_entropy FROM draws d JOIN tasks k ON k.id = d.task_id WHERE k.title = '2026年第一轮测绘资质单位抽查'`))[0].public_entropy;

  it('refuses “x”, a digit short, spaces and text around the number, as BAD_USER_INPUT in Chinese, writing nothing', async () => {
    for (const value of ['x', '41', '4 1 8', '福彩3D 2026150期 418', '４１８']) {
      const result = await t.gql(ENTER, { id: drawId, value }, office);
      expect({ value, codes: codes(result) }).toEqual({ value, codes: ['BAD_USER_INPUT'] });
      expect(result.errors![0]!.message).toMatch(/公开号码(只能填写数字|应为 3 位数字)/);
    }
    expect(await stored()).toEqual([]);
    const [audit] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'draw.entropy' AND object_id = $1`, [drawId]);
    expect(audit.n).toBe(0);
  });

  it('records the declared number of digits', async () => {
    const draw = (await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { publicNumberDigits } } }', { id: drawId }, office)).data.node;
    expect(draw.publicNumberDigits).toBe(3);
    const result = await t.gql(ENTER, { id: drawId, value: ' 418 ' }, office);
    expect(result.errors).toBeUndefined();
    expect((await stored()).map((e: any) => [e.kind, e.value])).toEqual([['PUBLIC_NUMBER', '418']]);
  });

  it('refuses a declared length outside 1–32 digits when the pool is frozen', async () => {
    const result = await t.gql(
      'mutation($id: ID!) { commitDraw(taskId: $id, publicNumberDigits: 0) { id } }',
      { id: toGlobalId('Task', crypto.randomUUID()) },
      office,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('公开号码位数');
  });
});
