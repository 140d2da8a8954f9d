import { startTestApp, type TestApp } from '../test-support/test-app';

/** Text that would change the meaning of a LIKE pattern or of SQL built by concatenation. */
const HOSTILE = ["'; DROP TABLE market_entities; --", "' OR '1'='1", '%', '_', '\\', '$1', '*/ SELECT 1 /*', ')) OR TRUE --'];

/** The signed-in lists' search filters match the text literally: nothing in it is pattern or SQL. */
describe('injection through list filters', () => {
  let t: TestApp;
  let office: string;
  let marked: { uscc: string };

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    office = await t.login('wugang.admin');
    // One entity whose name really holds the pattern characters: only it may match them.
    [marked] = await t.sql(
      `UPDATE market_entities SET name = name || '（100%_股份）' WHERE id = (
         SELECT e.id FROM market_entities e JOIN tenants n ON n.id = e.tenant_id AND n.region_code = '410481' ORDER BY e.uscc LIMIT 1)
       RETURNING uscc`,
    );
  });
  afterAll(() => t.close());

  const count = async (query: string, search: string) => {
    const answer = await t.gql(query, { s: search }, office);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };

  it('entities(search): pattern characters match only a name that holds them, SQL text matches nothing', async () => {
    const query = 'query($s: String) { entities(search: $s, first: 100) { totalCount edges { node { uscc } } } }';
    for (const search of ['%', '_', '%_']) {
      const { entities } = await count(query, search);
      expect(entities.edges.map((e: any) => e.node.uscc)).toEqual([marked.uscc]);
    }
    for (const search of HOSTILE.filter((s) => !['%', '_'].includes(s))) expect((await count(query, search)).entities.totalCount).toBe(0);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities`);
    expect(n).toBeGreaterThan(0);
  });

  it('inspections(search) and jointPartnerDepartments(search) take the same text as plain text', async () => {
    for (const search of HOSTILE) {
      expect((await count('query($s: String) { inspections(search: $s) { totalCount } }', search)).inspections.totalCount).toBe(0);
      expect(
        (await count('query($s: String) { jointPartnerDepartments(search: $s, first: 100) { totalCount } }', search)).jointPartnerDepartments.totalCount,
      ).toBe(0);
    }
    // A real fragment still finds what it names.
    expect(
      (await count('query($s: String) { jointPartnerDepartments(search: $s, first: 100) { totalCount } }', '执法监察')).jointPartnerDepartments.totalCount,
    ).toBeGreaterThan(0);
  });
});
