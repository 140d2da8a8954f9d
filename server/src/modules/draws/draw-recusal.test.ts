import { DEFAULT_RULES, fromGlobalUuid, toGlobalId, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { codes, startTestApp, type TestApp } from '../../test-support/test-app';
import { createChangdeTask, holdCeremony, saveRules } from '../../test-support/draw-ceremony';
import { liftYearCaps } from '../../test-support/draw-fixture';

const DISTRICTS = ['430702', '430703', '430721'];

/** Team members who share the entity's region / supervising department, through the stored selections. */
async function conflicts(t: TestApp, drawId: string): Promise<{ sameRegion: number; sameDepartment: number; teams: number }> {
  const [row] = await t.sql(
    `SELECT count(*) FILTER (WHERE i.region_code = e.region_code)::int AS "sameRegion",
            count(*) FILTER (WHERE i.department_id = e.supervising_department_id)::int AS "sameDepartment",
            count(DISTINCT s.seq)::int AS teams
       FROM draw_selections s
       JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id
       JOIN inspectors i ON i.tenant_id = s.tenant_id AND i.id = ANY(s.inspector_ids)
      WHERE s.draw_id = $1`,
    [fromGlobalUuid(drawId, 'Draw')],
  );
  return row;
}

function tagsOf(record: DrawRecord): { entities: Map<string, string[] | undefined>; inspectors: Map<string, string[] | undefined> } {
  const entities = new Map<string, string[] | undefined>();
  for (const s of record.input.strata) for (const e of s.entities) entities.set(e.key, e.tags);
  return { entities, inspectors: new Map(record.input.inspectors.map((i) => [i.key, i.tags])) };
}

describe('recusal by same region and same department, end to end', () => {
  let t: TestApp;
  let office: string;
  let supervisor: string;
  let tenantId: string;
  let drawable: { id: string; certificateNo: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    await liftYearCaps(t);
    office = await t.login('changde.admin');
    supervisor = await t.login('changde.supervisor');
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    drawable = (
      await t.gql('{ inspectors(first: 100, drawableOn: "2026-06-26") { edges { node { id certificateNo } } } }', {}, office)
    ).data.inspectors.edges.map((e: any) => e.node);
    expect(drawable).toHaveLength(9);
  });
  afterAll(() => t.close());

  it('keeps inspectors out of the teams of entities in their own region (属地)', async () => {
    // The 属地 of each drawable inspector, through the inspector form: three districts, three each.
    for (const [n, inspector] of drawable.entries()) {
      const saved = await t.gql(
        'mutation($id: ID!, $r: String) { updateInspector(id: $id, input: { regionCode: $r }) { regionCode region { code } } }',
        { id: inspector.id, r: DISTRICTS[n % 3] },
        office,
      );
      expect(saved.data.updateInspector).toEqual({ regionCode: DISTRICTS[n % 3], region: { code: DISTRICTS[n % 3] } });
    }
    const outside = await t.gql('mutation($id: ID!) { updateInspector(id: $id, input: { regionCode: "410481" }) { id } }', { id: drawable[0]!.id }, office);
    expect(codes(outside)).toEqual(['BAD_USER_INPUT']);
    expect(outside.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['regionCode']);

    await saveRules(t, office, { recusal: { ...DEFAULT_RULES.recusal, sameRegion: true }, workloadCapPerInspectorPerRound: 200 });
    const { drawId, record, plain } = await holdCeremony(t, await createChangdeTask(t, office, '同一区域回避'), office, supervisor);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });

    // Entities of a district some inspector belongs to carry its tag; the others need none.
    const regionOf = new Map(
      (await t.sql(`SELECT uscc, region_code FROM market_entities WHERE tenant_id = $1`, [tenantId])).map((r) => [r.uscc, r.region_code]),
    );
    const { entities, inspectors } = tagsOf(plain);
    for (const [key, tags] of entities) {
      const region = regionOf.get(key)!;
      expect(tags).toEqual(DISTRICTS.includes(region) ? [`region:${region}`] : undefined);
    }
    for (const [n, inspector] of drawable.entries()) expect(inspectors.get(inspector.certificateNo)).toEqual([`region:${DISTRICTS[n % 3]}`]);

    const found = await conflicts(t, drawId);
    expect(found.teams).toBe(plain.result!.teams.length);
    expect(found.sameRegion).toBe(0);
    expect(plain.result!.teams.filter((team) => entities.get(team.entityKey)).length).toBeGreaterThan(10);
  });

  it('refuses to freeze a pool where an entity’s region leaves too few inspectors, and writes nothing', async () => {
    await t.sql(`UPDATE inspectors SET region_code = '430702' WHERE tenant_id = $1 AND certificate_no <> $2`, [tenantId, drawable[0]!.certificateNo]);
    const taskId = await createChangdeTask(t, office, '同一区域回避：人手不足');
    const refused = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect(refused.errors![0]!.extensions).toMatchObject({ rule: 'draw.TOO_FEW_INSPECTORS', constraint: 'TOO_FEW_INSPECTORS' });
    expect(refused.errors![0]!.message).toContain('region:430702');
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM draws WHERE task_id = $1`, [fromGlobalUuid(taskId, 'Task')]);
    expect(count).toBe(0);
    // The same pool without the rule is fine: only the rule put the tags there.
    await saveRules(t, office, { workloadCapPerInspectorPerRound: 200 });
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { record } }', { id: taskId }, office);
    expect(committed.errors).toBeUndefined();
    expect(JSON.stringify(committed.data.commitDraw.record.input)).not.toContain('"tags"');
  });

  it('keeps inspectors out of the teams of entities their own department supervises day to day', async () => {
    const departments = await t.sql(`SELECT id, name FROM departments WHERE tenant_id = $1 AND NOT is_office ORDER BY name`, [tenantId]);
    expect(departments).toHaveLength(4);
    // One entity through the entity form (and cleared and set again), the rest in bulk.
    const [one] = await t.sql(`SELECT id FROM market_entities WHERE tenant_id = $1 ORDER BY uscc LIMIT 1`, [tenantId]);
    const entityId = toGlobalId('MarketEntity', one.id);
    const set = (department: string | null) =>
      t.gql(
        'mutation($id: ID!, $d: ID) { updateEntity(id: $id, input: { supervisingDepartmentId: $d }) { supervisingDepartment { name } history { after } } }',
        { id: entityId, d: department },
        office,
      );
    const first = await set(toGlobalId('Department', departments[0].id));
    expect(first.data.updateEntity.supervisingDepartment).toEqual({ name: departments[0].name });
    expect(first.data.updateEntity.history[0].after.supervisingDepartmentId).toBe(departments[0].id);
    expect((await set(null)).data.updateEntity.supervisingDepartment).toBeNull();
    expect(codes(await set(toGlobalId('Department', '00000000-0000-4000-8000-000000000000')))).toEqual(['BAD_USER_INPUT']);
    await t.sql(
      `UPDATE market_entities e SET supervising_department_id = d.id
         FROM (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM departments WHERE tenant_id = $1 AND NOT is_office) d
        WHERE e.tenant_id = $1 AND d.n = abs(hashtext(e.uscc)) % 4`,
      [tenantId],
    );
    // A department that supervises entities cannot be deleted from under them.
    const refused = await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: toGlobalId('Department', departments[0].id) }, office);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);

    await saveRules(t, office, { recusal: { ...DEFAULT_RULES.recusal, sameDepartment: true }, workloadCapPerInspectorPerRound: 200 });
    const { drawId, record, plain } = await holdCeremony(t, await createChangdeTask(t, office, '同一部门回避'), office, supervisor);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
    const { entities, inspectors } = tagsOf(plain);
    const departmentIds = new Set(departments.map((d) => d.id));
    for (const tags of entities.values()) expect(tags).toHaveLength(1);
    for (const tags of entities.values()) expect(departmentIds.has(tags![0]!.slice('dept:'.length))).toBe(true);
    for (const tags of inspectors.values()) expect(tags![0]).toMatch(/^dept:/);
    expect((await conflicts(t, drawId)).sameDepartment).toBe(0);
  });

  it('applies both rules at once', async () => {
    for (const [n, inspector] of drawable.entries()) {
      await t.sql(`UPDATE inspectors SET region_code = $2 WHERE tenant_id = $1 AND certificate_no = $3`, [tenantId, DISTRICTS[n % 3], inspector.certificateNo]);
    }
    await saveRules(t, office, { recusal: { ...DEFAULT_RULES.recusal, sameRegion: true, sameDepartment: true }, workloadCapPerInspectorPerRound: 200 });
    const { drawId, record, plain } = await holdCeremony(t, await createChangdeTask(t, office, '同一区域与同一部门回避'), office, supervisor);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
    const { inspectors } = tagsOf(plain);
    for (const tags of inspectors.values()) expect(tags).toEqual([expect.stringMatching(/^dept:/), expect.stringMatching(/^region:/)]);
    expect(await conflicts(t, drawId)).toMatchObject({ sameRegion: 0, sameDepartment: 0 });
  });

  it('keeps another bureau’s departments and entities apart', async () => {
    const wugang = await t.login('wugang.admin');
    const [changdeDepartment] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND NOT is_office LIMIT 1`, [tenantId]);
    const [own] = await t.sql(`SELECT e.id, e.tenant_id FROM market_entities e JOIN tenants t ON t.id = e.tenant_id WHERE t.region_code = '410481' LIMIT 1`);
    // Not through the API: another bureau's department is no department at all.
    const foreign = await t.gql(
      'mutation($id: ID!, $d: ID) { updateEntity(id: $id, input: { supervisingDepartmentId: $d }) { id } }',
      { id: toGlobalId('MarketEntity', own.id), d: toGlobalId('Department', changdeDepartment.id) },
      wugang,
    );
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(foreign.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['supervisingDepartmentId']);
    // Nor behind it: the foreign key holds the department to the entity's own bureau.
    await expect(t.sql(`UPDATE market_entities SET supervising_department_id = $1 WHERE id = $2`, [changdeDepartment.id, own.id])).rejects.toThrow(
      /foreign key/,
    );
    // And 常德's entities, with their supervising departments, stay invisible to 舞钢.
    const [supervised] = await t.sql(`SELECT id FROM market_entities WHERE tenant_id = $1 AND supervising_department_id IS NOT NULL LIMIT 1`, [tenantId]);
    const seen = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on MarketEntity { supervisingDepartment { name } } } }',
      { id: toGlobalId('MarketEntity', supervised.id) },
      wugang,
    );
    expect(codes(seen)).toEqual(['NOT_FOUND']);
    const [inspector] = drawable;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { ... on Inspector { regionCode region { code } } } }', { id: inspector!.id }, wugang))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await t.gql('mutation($id: ID!) { updateInspector(id: $id, input: { regionCode: "410481" }) { id } }', { id: inspector!.id }, wugang)),
    ).toEqual(['NOT_FOUND']);
  });
});
