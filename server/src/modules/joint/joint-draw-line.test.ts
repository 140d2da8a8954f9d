import { fromGlobalUuid, pseudonymFromSalt, pseudonymOf, toGlobalId, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { startTestApp, type TestApp } from '../../test-support/test-app';

const OPEN_JOINT = 'mutation($p: ID!, $s: Int!) { openJointInspection(participationId: $p, seq: $s) { id participationId } }';
const LINE = 'query($code: String!) { entityRecord(accessCode: $code) { bureau drawLine { drawId algorithm recordUrl key salt pseudonym } } }';

/**
 * A joint task's participant keeps its own record of the lead's draw: its entity checks its own line of
 * the lead's pseudonymous record with the salt it receives through its access code (docs/draw-spec.md
 * §16.3), while the lead's draw secret stays on the server and no other bureau reaches it.
 */
describe('an entity inspected by a joint task’s participant checks its own line of the lead’s draw', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let tenants: Record<'wugang' | 'pingdingshan' | 'changde', string>;
  let drawUuid: string;
  let partRecord: string;
  let leadRecord: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = await appRoleClient(t.adminUrl);
    const rows = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    const by = (code: string) => rows.find((r) => r.region_code === code)!.id;
    tenants = { wugang: by('410481'), pingdingshan: by('410400'), changde: by('430700') };
    await seedDemoJointTask(t.app.services);
    const [demo] = await t.sql(
      `SELECT d.id AS draw_id, p.id AS part_id FROM joint_participants p JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id
        WHERE p.lead_tenant_id = $1 AND p.tenant_id = $2 AND d.status = 'DRAWN'`,
      [tenants.wugang, tenants.pingdingshan],
    );
    drawUuid = demo.draw_id;
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2 ORDER BY seq LIMIT 1`, [
      tenants.wugang,
      drawUuid,
    ]);
    const [member] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = $1 AND i.id = ANY($2) ORDER BY u.username LIMIT 1`,
      [tenants.pingdingshan, selection.inspector_ids],
    );
    const opened = await t.gql(OPEN_JOINT, { p: toGlobalId('JointParticipation', demo.part_id), s: selection.seq }, await t.login(member.username));
    expect(opened.errors).toBeUndefined();
    partRecord = fromGlobalUuid(opened.data.openJointInspection.id, 'Inspection')!;
    const lead = await t.gql(
      'mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }',
      { d: toGlobalId('Draw', drawUuid), s: selection.seq },
      await t.login('wugang.admin'),
    );
    expect(lead.errors).toBeUndefined();
    leadRecord = fromGlobalUuid(lead.data.openInspection.id, 'Inspection')!;
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('gives the participant’s entity its salt, whose pseudonym is its line in the lead’s public record', async () => {
    const [row] = await t.sql(`SELECT access_code, entity_uscc FROM inspections WHERE tenant_id = $1 AND id = $2`, [tenants.pingdingshan, partRecord]);
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LINE, variables: { code: row.access_code } }),
    });
    const seen = (await response.json()) as any;
    expect(seen.errors).toBeUndefined();
    expect(seen.data.entityRecord.bureau).toBe('平顶山市自然资源和规划局');
    const line = seen.data.entityRecord.drawLine;
    expect(line).toMatchObject({ drawId: toGlobalId('Draw', drawUuid), algorithm: 'spotcheck-draw/2', key: row.entity_uscc });
    expect(pseudonymFromSalt(line.salt, 'entity', line.key)).toBe(line.pseudonym);
    const [{ pseudonym_secret: secret }] = await t.sql(`SELECT pseudonym_secret FROM draws WHERE tenant_id = $1 AND id = $2`, [tenants.wugang, drawUuid]);
    expect(pseudonymOf(secret, 'entity', row.entity_uscc)).toBe(line.pseudonym);
    expect(JSON.stringify(seen)).not.toContain(secret);

    const record = (await (await fetch(line.recordUrl.startsWith('http') ? line.recordUrl : `${t.url}${line.recordUrl}`)).json()) as DrawRecord;
    expect(verifyDraw(record)).toMatchObject({ ok: true });
    expect(record.result!.teams.map((team) => team.entityKey)).toContain(line.pseudonym);
  });

  it('opens the lead’s secret to the caller’s own record of a participation only', async () => {
    const call = 'SELECT * FROM joint_draw_secret($1)';
    expect(await app.asTenant(tenants.pingdingshan, call, [partRecord])).toHaveLength(1);
    // The lead's own record is not a participation; another bureau's record is not the caller's.
    expect(await app.asTenant(tenants.wugang, call, [leadRecord])).toEqual([]);
    expect(await app.asTenant(tenants.pingdingshan, call, [leadRecord])).toEqual([]);
    expect(await app.asTenant(tenants.changde, call, [partRecord])).toEqual([]);
    expect(await app.asTenant(tenants.wugang, call, [partRecord])).toEqual([]);
  });
});
