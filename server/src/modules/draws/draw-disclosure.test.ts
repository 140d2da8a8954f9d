import { fromGlobalUuid, toGlobalId, pseudonymFromSalt, pseudonymOf, verifyDraw, type DrawRecord, type PseudonymKind } from '@spotcheck/shared';
import { seedDemoDraw } from '../../seed/demo-draw';
import { packRecord } from './draw-record-store';
import { createChangdeTask, holdCeremony } from '../../test-support/draw-ceremony';
import { publishInspection } from '../../test-support/inspection-fixture';
import { codes, startTestApp, type TestApp } from '../../test-support/test-app';

/** Anonymous GraphQL, as the portal asks. */
async function anonymous(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function publicRecordText(t: TestApp, drawId: string): Promise<string> {
  const response = await fetch(`${t.url}/api/public/draws/${drawId}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('disclosure in stages: a fresh draw’s public record names nobody until 公示 (spotcheck-draw/2)', () => {
  let t: TestApp;
  let office: string;
  let taskId: string;
  let drawId: string;
  let internal: DrawRecord;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    taskId = await createChangdeTask(t, office, '2026年第一轮（分阶段公开）');
    ({ drawId, record: internal } = await holdCeremony(t, taskId, office, await t.login('changde.supervisor')));
  });
  afterAll(() => t.close());

  it('the downloadable record verifies and holds no name, USCC, certificate number or plain tag of the bureau', async () => {
    const text = await publicRecordText(t, drawId);
    const record = JSON.parse(text) as DrawRecord;
    expect(record.algorithm).toBe('spotcheck-draw/2');
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
    expect(record.result!.teams.length).toBeGreaterThan(0);
    const tenant = (await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`))[0].id;
    const entities = await t.sql(`SELECT uscc, name FROM market_entities WHERE tenant_id = $1`, [tenant]);
    const inspectors = await t.sql(`SELECT certificate_no, name FROM inspectors WHERE tenant_id = $1`, [tenant]);
    expect(entities.length).toBeGreaterThan(10);
    for (const e of entities) {
      expect(text).not.toContain(e.uscc);
      expect(text).not.toContain(e.name);
    }
    for (const i of inspectors) {
      expect(text).not.toContain(i.certificate_no);
      expect(text).not.toContain(i.name);
    }
    // No risk class either: with the names published at 公示 it would tell a named entity's class.
    expect(text).not.toMatch(/risk:|riskLevel|region:|dept:/);
    // The record the office's app holds is the same pseudonymous record.
    expect(internal.inputHash).toBe(record.inputHash);
  });

  it('before 公示 no public view names a drawn entity: results, notices, the draw page', async () => {
    const drawn = await t.sql(`SELECT e.name, e.uscc FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id WHERE s.draw_id = $1`, [
      fromGlobalUuid(drawId, 'Draw'),
    ]);
    expect(drawn.length).toBeGreaterThan(0);
    const portal = JSON.stringify([
      await anonymous(t, 'query($id: ID!) { publicResults(taskId: $id) { totalCount edges { node { entityName entityUscc } } } }', { id: taskId }),
      await anonymous(t, 'query($id: ID!) { publicDraw(id: $id) { id taskTitle status inputHash recordUrl verification { status } } }', { id: drawId }),
      await anonymous(t, '{ publicTaskNotices(first: 50) { edges { node { title draw { id } } } } }'),
      await (await fetch(`${t.url}/api/public/feed.atom`)).text(),
    ]);
    for (const e of drawn) {
      expect(portal).not.toContain(e.uscc);
      expect(portal).not.toContain(e.name);
    }
  });

  it('an entity finds and checks its own line with its access code; after publication its name appears in the public results', async () => {
    const opened = await t.gql('mutation($id: ID!) { openInspection(drawId: $id, seq: 0) { id } }', { id: drawId }, office);
    expect(opened.errors).toBeUndefined();
    const inspectionId = opened.data.openInspection.id as string;
    const [row] = await t.sql(`SELECT access_code, entity_uscc, entity_name FROM inspections WHERE id = $1`, [fromGlobalUuid(inspectionId, 'Inspection')]);
    const seen = await anonymous(
      t,
      'query($code: String!) { entityRecord(accessCode: $code) { drawLine { drawId algorithm recordUrl key salt pseudonym } } }',
      { code: row.access_code },
    );
    const line = seen.data.entityRecord.drawLine;
    expect(line).toMatchObject({ drawId, algorithm: 'spotcheck-draw/2', key: row.entity_uscc });
    // What the browser does: recompute the pseudonym from the USCC and the salt, find the line, see it drawn.
    expect(pseudonymFromSalt(line.salt, 'entity', row.entity_uscc)).toBe(line.pseudonym);
    const record = JSON.parse(await publicRecordText(t, drawId)) as DrawRecord;
    expect(record.input.strata.some((s) => s.entities.some((e) => e.key === line.pseudonym))).toBe(true);
    expect(record.result!.teams.map((team) => team.entityKey)).toContain(line.pseudonym);
    // The salt opens this one line only: another entity's pseudonym does not follow from it.
    const other = record.result!.teams.find((team) => team.entityKey !== line.pseudonym);
    if (other) expect(pseudonymFromSalt(line.salt, 'entity', row.entity_uscc.replace(/.$/, 'X'))).not.toBe(other.entityKey);

    await t.sql(
      `UPDATE inspections SET status = 'APPROVED', inspected_on = '2026-05-20', place = '经营场所', site_conditions = '现场核查', result_category = 'NO_PROBLEM', approved_at = now() WHERE id = $1`,
      [fromGlobalUuid(inspectionId, 'Inspection')],
    );
    expect(await publishInspection(t, inspectionId, office)).toBeUndefined();
    const results = await anonymous(t, 'query($id: ID!) { publicResults(taskId: $id) { edges { node { entityName entityUscc } } } }', { id: taskId });
    expect(results.data.publicResults.edges.map((e: any) => e.node)).toEqual([{ entityName: row.entity_name, entityUscc: row.entity_uscc }]);
    // The record itself never changes: the names come from the results, not from un-pseudonymising it.
    expect(await publicRecordText(t, drawId)).not.toContain(row.entity_uscc);
  });

  it('the supervisor sees the whole mapping and checks every pseudonym against the full input; inspectors and other bureaus do not', async () => {
    const supervisor = await t.login('changde.supervisor');
    const seen = await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { keyMap } } }', { id: drawId }, supervisor);
    expect(seen.errors).toBeUndefined();
    const keyMap = seen.data.node.keyMap as Record<string, any>;
    const record = JSON.parse(await publicRecordText(t, drawId)) as DrawRecord;
    const kinds: [string, PseudonymKind][] = [
      ['strata', 'stratum'],
      ['entities', 'entity'],
      ['inspectors', 'inspector'],
      ['tags', 'tag'],
    ];
    for (const [list, kind] of kinds) for (const [p, key] of keyMap[list]) expect(pseudonymOf(keyMap.drawSecret, kind, key)).toBe(p);
    const entities = new Map<string, string>(keyMap.entities);
    const inspectors = new Map<string, string>(keyMap.inspectors);
    const stored = await t.sql(
      `SELECT e.uscc, (SELECT array_agg(i.certificate_no ORDER BY k.n) FROM unnest(s.inspector_ids) WITH ORDINALITY k(id, n) JOIN inspectors i ON i.id = k.id) AS team
         FROM draw_selections s JOIN market_entities e ON e.id = s.entity_id WHERE s.draw_id = $1 ORDER BY s.seq`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    expect(record.result!.teams.map((team) => ({ uscc: entities.get(team.entityKey), team: team.inspectorKeys.map((k) => inspectors.get(k)) }))).toEqual(
      stored,
    );
    const entityCount = record.input.strata.reduce((n, s) => n + s.entities.length, 0);
    expect(new Set(record.input.strata.flatMap((s) => s.entities.map((e) => e.key))).size).toBeLessThanOrEqual(entities.size);
    expect(entityCount).toBeGreaterThan(0);

    const inspectorUser = (
      await t.sql(`SELECT u.username FROM users u JOIN tenants n ON n.id = u.tenant_id WHERE n.region_code = '430700' AND 'INSPECTOR' = ANY (u.roles) LIMIT 1`)
    )[0].username;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { keyMap } } }', { id: drawId }, await t.login(inspectorUser)))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { keyMap } } }', { id: drawId }, await t.login('wugang.admin')))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('the demo’s 2023 draw stays a spotcheck-draw/1 record and still verifies', async () => {
    await seedDemoDraw(t.app.services);
    const [old] = await t.sql(
      `SELECT d.id FROM draws d JOIN tenants n ON n.id = d.tenant_id WHERE n.region_code = '410481' AND d.algorithm = 'spotcheck-draw/1' AND d.committed_at < '2024-01-01'`,
    );
    expect(old).toBeDefined();
    const record = JSON.parse(await publicRecordText(t, toGlobalId('Draw', old.id))) as DrawRecord;
    expect(record.algorithm).toBe('spotcheck-draw/1');
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
  });

  it('a failure is published by pseudonym and read inside the bureau by the stratum and USCC it stands for', async () => {
    const uuid = fromGlobalUuid(drawId, 'Draw')!;
    const [{ record_gz: original }] = await t.sql(`SELECT record_gz FROM draws WHERE id = $1`, [uuid]);
    const published = JSON.parse(await publicRecordText(t, drawId)) as DrawRecord;
    const stratum = published.input.strata[0]!;
    const entityKey = stratum.entities[0]!.key;
    // The shape of a team-step failure (docs/draw-spec.md §10.2), stored as a failed draw stores it.
    const failure = { constraint: 'WORKLOAD_CAP' as const, phase: 'teams' as const, stratumKey: stratum.key, entityKey };
    // A drawn draw never changes (a trigger refuses it); the test stores the failure past the trigger, as the owner.
    const store = (gz: Buffer) =>
      t.sql(`BEGIN; SET LOCAL session_replication_role = replica; UPDATE draws SET record_gz = '\\x${gz.toString('hex')}' WHERE id = '${uuid}'; COMMIT;`);
    await store(await packRecord({ ...published, result: null, failure }, null));
    try {
      const office = await t.login('changde.admin');
      const seen = await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { failure keyMap } } }', { id: drawId }, office);
      expect(seen.errors).toBeUndefined();
      const { keyMap } = seen.data.node;
      const plain = (list: [string, string][], p: string) => new Map(list).get(p);
      expect(seen.data.node.failure).toEqual({ ...failure, stratumKey: plain(keyMap.strata, stratum.key), entityKey: plain(keyMap.entities, entityKey) });
      expect(seen.data.node.failure.entityKey).toMatch(/^[0-9A-Z]{18}$/);
      // The public record keeps the pseudonyms.
      expect(JSON.parse(await publicRecordText(t, drawId)).failure).toEqual(failure);
    } finally {
      await store(original);
    }
  });
});
