import crypto from 'node:crypto';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { countStatements } from '../../db/statement-counter';
import { appPool } from '../../db/app-pool';

const LIST = `query($draw: ID!, $first: Int) { inspectionAssignments(drawId: $draw, first: $first) {
  totalCount edges { node { seq entity { id name uscc } items { id name } team { id name department { name } } inspection { id status } } } } }`;
const RESULTS = `query($draw: ID!, $first: Int) { node(id: $draw) { ... on Draw { results(first: $first) {
  edges { node { seq entity { id name } items { id name department { name } } team { id name department { name } } } } } } } }`;

/** The list of a draw's entities with their items, teams and records: what `npm run bench -- api` measures. */
describe('inspectionAssignments: a page of drawn entities with their items, teams and records', () => {
  let t: TestApp;
  let office: string;
  let drawId: string;

  beforeAll(async () => {
    t = await startTestApp(); // a pool of 4 connections
    ({ drawId } = await drawWugangTask(t));
    office = await t.login('wugang.admin');
    const opened = await t.gql('mutation($draw: ID!) { openInspection(drawId: $draw, seq: 1) { id } }', { draw: drawId }, office);
    expect(opened.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  /** The statements and round trips one request sends through the request pool, and its answer. */
  async function measured(query: string, first: number, token = office) {
    // The counter sees the whole pool; the request's read transaction commits just after its answer.
    const pool = appPool(t.app.services.db);
    const idle = async () => {
      for (let i = 0; i < 200 && pool.totalCount > pool.idleCount; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await idle();
    const counter = countStatements(t.app.services.db);
    try {
      const result = await t.gql(query, { draw: drawId, first }, token);
      await idle();
      return { result, statements: counter.statements, roundTrips: counter.roundTrips };
    } finally {
      counter.stop();
    }
  }

  it('answers each entity with its items, its team with their departments, and its record', async () => {
    const { result } = await measured(LIST, 50);
    expect(result.errors).toBeUndefined();
    const edges = result.data.inspectionAssignments.edges.map((e: any) => e.node);
    expect(edges).toHaveLength(50);
    const rows = await t.sql(
      `SELECT s.seq, e.name AS entity, array(SELECT i.name FROM unnest(s.item_ids) WITH ORDINALITY u(id, n) JOIN inspection_items i ON i.id = u.id ORDER BY n) AS items,
              array(SELECT p.name || '/' || d.name FROM unnest(s.inspector_ids) WITH ORDINALITY u(id, n) JOIN inspectors p ON p.id = u.id JOIN departments d ON d.id = p.department_id ORDER BY n) AS team
         FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id WHERE s.draw_id = $1 ORDER BY s.seq LIMIT 50`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    expect(
      edges.map((n: any) => ({
        seq: n.seq,
        entity: n.entity.name,
        items: n.items.map((i: any) => i.name),
        team: n.team.map((p: any) => `${p.name}/${p.department.name}`),
      })),
    ).toEqual(rows.map((r) => ({ seq: r.seq, entity: r.entity, items: r.items, team: r.team })));
    expect(edges.every((n: any) => n.team.length === 2)).toBe(true);
    expect(edges.filter((n: any) => n.inspection).map((n: any) => [n.seq, n.inspection.status])).toEqual([[1, 'DRAFT']]);
  });

  it('sends as many SQL statements for a page of 50 as for a page of 5, and few', async () => {
    const five = await measured(LIST, 5);
    const fifty = await measured(LIST, 50);
    expect(fifty.result.data.inspectionAssignments.edges).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
    // One read-only transaction: BEGIN, the tenant setting, the page with its total and every row it
    // names (one statement with bind parameters), COMMIT; the departments below are primed.
    expect(fifty.statements).toBe(4);
    expect(fifty.roundTrips).toBe(4);
  });

  it('counts the whole draw, on a full page and past the last one', async () => {
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM draw_selections WHERE draw_id = $1`, [fromGlobalUuid(drawId, 'Draw')]);
    const PAGE =
      'query($draw: ID!, $after: String) { inspectionAssignments(drawId: $draw, first: 5, after: $after) { totalCount edges { node { seq } } pageInfo { hasNextPage } } }';
    const first = (await t.gql(PAGE, { draw: drawId }, office)).data.inspectionAssignments;
    expect(first).toEqual({ totalCount: count, edges: [0, 1, 2, 3, 4].map((seq) => ({ node: { seq } })), pageInfo: { hasNextPage: true } });
    const past = (await t.gql(PAGE, { draw: drawId, after: Buffer.from('offset:100000').toString('base64url') }, office)).data.inspectionAssignments;
    expect(past).toEqual({ totalCount: count, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('answers a draw’s results the same way', async () => {
    const five = await measured(RESULTS, 5);
    const fifty = await measured(RESULTS, 50);
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data.node.results.edges).toHaveLength(50);
    expect(fifty.result.data.node.results.edges[0].node.team[0].department.name).toEqual(expect.any(String));
    expect(fifty.statements).toBe(five.statements);
  });

  it('serves more requests at once than the pool has connections', async () => {
    // Each request holds one connection for its transaction and asks for no second one meanwhile.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => t.gql(i % 2 ? LIST : RESULTS, { draw: drawId, first: 50 }, office)));
    expect(answers.map((a) => codes(a))).toEqual(answers.map(() => []));
  });

  it('shows another tenant nothing of the draw', async () => {
    const changde = await t.login('changde.admin');
    const result = await t.gql(LIST, { draw: drawId, first: 50 }, changde);
    expect(result.errors).toBeUndefined();
    expect(result.data.inspectionAssignments).toEqual({ totalCount: 0, edges: [] });
  });

  it('loads the entities, items and inspectors a selection names under the viewer’s tenant only', async () => {
    // A selection of 常德 that names 舞钢's entity, items and inspectors (forged as the owner): the
    // batched loads run under 常德's row-level security and find none of them.
    const [wugang] = await t.sql(`SELECT tenant_id, entity_id, item_ids, inspector_ids FROM draw_selections WHERE draw_id = $1 AND seq = 0`, [
      fromGlobalUuid(drawId, 'Draw'),
    ]);
    const [changdeTenant] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const forged = crypto.randomUUID();
    await t.sql(`INSERT INTO draw_selections (tenant_id, draw_id, seq, year, entity_id, item_ids, inspector_ids) VALUES ($1, $2, 0, 2023, $3, $4, $5)`, [
      changdeTenant.id,
      forged,
      wugang.entity_id,
      wugang.item_ids,
      wugang.inspector_ids,
    ]);
    const result = await t.gql(LIST, { draw: toGlobalId('Draw', forged), first: 50 }, await t.login('changde.admin'));
    expect(result.errors).toBeUndefined();
    expect(result.data.inspectionAssignments.edges.map((e: any) => e.node)).toEqual([{ seq: 0, entity: null, items: [], team: [], inspection: null }]);
  });

  it('answers plain fields and fields with resolvers of the same rows alike', async () => {
    // `address` is a plain column; `region` and `supervisingDepartment` have resolvers of their own.
    const NARROW = `query($draw: ID!) { inspectionAssignments(drawId: $draw, first: 5) { edges { node { seq entity { id name } inspection { status } } } } }`;
    const WIDE = `query($draw: ID!) { inspectionAssignments(drawId: $draw, first: 5) { edges { node { seq
      entity { id name address region { name } ...More } inspection { status reportOverdue } } } } }
      fragment More on MarketEntity { supervisingDepartment { name } }`;
    const narrow = await t.gql(NARROW, { draw: drawId }, office);
    const wide = await t.gql(WIDE, { draw: drawId }, office);
    expect(narrow.errors).toBeUndefined();
    expect(wide.errors).toBeUndefined();
    const rows = await t.sql(
      `SELECT s.seq, e.name, e.address, r.name AS region, d.name AS supervisor FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id
         LEFT JOIN regions r ON r.code = e.region_code LEFT JOIN departments d ON d.id = e.supervising_department_id
        WHERE s.draw_id = $1 ORDER BY s.seq LIMIT 5`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    const wideNodes = wide.data.inspectionAssignments.edges.map((e: any) => e.node);
    const seen = (n: any) => ({
      seq: n.seq,
      name: n.entity.name,
      address: n.entity.address,
      region: n.entity.region?.name ?? null,
      supervisor: n.entity.supervisingDepartment?.name ?? null,
    });
    expect(wideNodes.map(seen)).toEqual(rows.map((r) => ({ seq: r.seq, name: r.name, address: r.address, region: r.region, supervisor: r.supervisor })));
    expect(rows.some((r) => r.region)).toBe(true);
    expect(narrow.data.inspectionAssignments.edges.map((e: any) => e.node)).toEqual(
      wideNodes.map((n: any) => ({
        seq: n.seq,
        entity: { id: n.entity.id, name: n.entity.name },
        inspection: n.inspection && { status: n.inspection.status },
      })),
    );
  });

  it('never hands a partial row to another field of the same request', async () => {
    // The list asks the entities' ids and names only; the record of seq 1, resolved after the list,
    // loads its entity through the request's loader, which holds whole rows.
    const BOTH = `query($draw: ID!) { inspectionAssignments(drawId: $draw, first: 2) { edges { node { seq
      entity { id name } inspection { entity { id name address regionCode version } } } } } }`;
    const both = await t.gql(BOTH, { draw: drawId }, office);
    expect(both.errors).toBeUndefined();
    const recorded = both.data.inspectionAssignments.edges.map((e: any) => e.node).find((n: any) => n.inspection);
    expect(recorded.seq).toBe(1);
    const [row] = await t.sql(`SELECT name, address, region_code, version FROM market_entities WHERE id = $1`, [
      fromGlobalUuid(recorded.entity.id, 'MarketEntity'),
    ]);
    expect(recorded.inspection.entity).toEqual({
      id: recorded.entity.id,
      name: row.name,
      address: row.address,
      regionCode: row.region_code,
      version: row.version,
    });
  });
});
