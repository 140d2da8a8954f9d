import { toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { runAuditAnchoring } from './audit-anchor.service';
import { jobCatalog } from '../../jobs/catalog';

const VERIFY = `query($heads: [AuditHeadInput!]) { verifyAuditChain(heads: $heads) {
  ok status checked firstBrokenSeq reason anchorSeq anchorSource headsChecked } }`;
const PUBLIC_HEADS = 'query($id: ID!) { publicAuditAnchors(bureauId: $id) { seq hash anchoredAt } }';
const KEPT_HEADS = '{ provinceAuditHeads { bureauId bureauName seq hash anchoredAt } }';

describe('the anchored audit trail', () => {
  let t: TestApp;
  let supervisor: string;
  let changde: string;
  let changdeGid: string;
  const anchorAt = new Date('2026-06-01T16:15:00Z');

  const verify = async (heads?: { seq: number; hash: string }[]) => (await t.gql(VERIFY, heads ? { heads } : {}, supervisor)).data.verifyAuditChain;

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['changde.admin', 'changde.leader', 'changde.head01']) await t.login(name);
    supervisor = await t.login('changde.supervisor');
    [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    const bureaus = (await t.gql('{ publicBureaus { id regionCode } }')).data.publicBureaus;
    changdeGid = bureaus.find((b: any) => b.regionCode === '430700').id;
  });
  afterAll(() => t.close());

  it('is a daily scheduled job', () => {
    const job = jobCatalog().find((j) => j.name === 'audit-anchor');
    expect(job?.schedule?.(t.app.services.config)).toBe('15 0 * * *');
  });

  it("anchors each chain head once, and the province keeps a copy of its bureaus' heads", async () => {
    const first = await runAuditAnchoring(t.app.services, anchorAt);
    expect(first.anchored).toBeGreaterThanOrEqual(1);
    expect(first.truncated).toBe(0);
    const [head] = await t.sql(`SELECT seq::int, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [changde]);
    const anchors = await t.sql(`SELECT seq::int, hash, anchored_at FROM audit_anchors WHERE tenant_id = $1`, [changde]);
    expect(anchors).toEqual([{ seq: head.seq, hash: head.hash, anchored_at: anchorAt }]);
    const copies = await t.sql(
      `SELECT c.seq::int, c.hash, p.region_code FROM audit_anchor_copies c JOIN tenants p ON p.id = c.tenant_id WHERE c.bureau_id = $1`,
      [changde],
    );
    expect(copies).toEqual([{ seq: head.seq, hash: head.hash, region_code: '430000' }]);

    // Nothing new on the chain: no second anchor.
    const again = await runAuditAnchoring(t.app.services, new Date(anchorAt.getTime() + 86_400_000));
    expect(await t.sql(`SELECT seq FROM audit_anchors WHERE tenant_id = $1`, [changde])).toHaveLength(1);
    expect(again.truncated).toBe(0);
  });

  it('publishes only the heads: seq, hash and time', async () => {
    const heads = (await t.gql(PUBLIC_HEADS, { id: changdeGid })).data.publicAuditAnchors;
    expect(heads).toHaveLength(1);
    expect(Object.keys(heads[0]).sort()).toEqual(['anchoredAt', 'hash', 'seq']);
    expect(heads[0].anchoredAt).toBe(anchorAt.toISOString());
    const columns = await t.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'public_audit_anchors' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toEqual(['tenant_id', 'seq', 'hash', 'anchored_at']);
    const feed: any = await (await fetch(`${t.url}/api/public/feed.json?bureau=${encodeURIComponent(changdeGid)}`)).json();
    const anchorItems = feed.items.filter((i: any) => i._spotcheck.kind === 'AUDIT_HEAD');
    expect(anchorItems.map((i: any) => i._spotcheck.auditHead)).toEqual([{ seq: heads[0].seq, hash: heads[0].hash }]);
    expect(anchorItems[0].content_text).toContain(heads[0].hash);
    const atom = await (await fetch(`${t.url}/api/public/feed.atom?bureau=${encodeURIComponent(changdeGid)}`)).text();
    expect(atom).toContain('term="AUDIT_HEAD"');
    expect(atom).toContain(heads[0].hash);
    // The all-bureaus feed lists publications only.
    const all: any = await (await fetch(`${t.url}/api/public/feed.json`)).json();
    expect(all.items.some((i: any) => i._spotcheck.kind === 'AUDIT_HEAD')).toBe(false);
    // The platform's own chain is not a bureau's: no public listing.
    const [platform] = await t.sql(`SELECT id FROM tenants WHERE kind = 'PLATFORM'`);
    expect(codes(await t.gql(PUBLIC_HEADS, { id: toGlobalId('Tenant', platform.id) }))).toEqual(['NOT_FOUND']);
  });

  it("keeps the anchors behind the tenant wall and shows a province only its own bureaus' heads", async () => {
    const [wugang] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    const seen = await inTenant(t.app.services.db, wugang.id, (m) =>
      m.query(`SELECT tenant_id FROM audit_anchors UNION ALL SELECT tenant_id FROM audit_anchor_copies`),
    );
    expect(seen.every((r: any) => r.tenant_id === wugang.id)).toBe(true);
    const own = await inTenant(t.app.services.db, changde, (m) => m.query(`SELECT tenant_id FROM audit_anchors`));
    expect(own.length).toBeGreaterThan(0);
    // Henan's province keeps no copy of a Hunan bureau, and the kept heads answer only for the asking tenant.
    const [henanProvince] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410000'`);
    const henanCopies = await inTenant(t.app.services.db, henanProvince.id, (m) => m.query(`SELECT bureau_id FROM audit_anchor_copies`));
    expect(henanCopies.map((r: any) => r.bureau_id)).not.toContain(changde);
    expect(await inTenant(t.app.services.db, wugang.id, (m) => m.query(`SELECT * FROM kept_audit_heads()`))).toEqual([]);
    expect((await inTenant(t.app.services.db, changde, (m) => m.query(`SELECT * FROM kept_audit_heads()`))).length).toBe(1);

    const hunan = (await t.gql(KEPT_HEADS, {}, await t.login('hunan.viewer'))).data.provinceAuditHeads;
    expect(hunan.map((h: any) => h.bureauId)).toContain(changdeGid);
    expect(hunan.map((h: any) => h.bureauName)).toContain('常德市自然资源和规划局');
    const henan = (await t.gql(KEPT_HEADS, {}, await t.login('henan.viewer'))).data.provinceAuditHeads;
    expect(henan.map((h: any) => h.bureauId)).not.toContain(changdeGid);
    expect(codes(await t.gql(KEPT_HEADS, {}, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(KEPT_HEADS))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets only the platform operator anchor on demand', async () => {
    expect(codes(await t.gql('mutation { anchorAuditChains { tenants anchored truncated } }', {}, supervisor))).toEqual(['FORBIDDEN']);
    const run = await t.gql('mutation { anchorAuditChains { tenants anchored truncated } }', {}, await t.login('platform.admin'));
    expect(run.data.anchorAuditChains.tenants).toBeGreaterThan(3);
    expect(run.data.anchorAuditChains.truncated).toBe(0);
  });

  it("catches the deletion of the newest events in SQL, by the bureau's anchors, the province's copy or a kept head", async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ ok: true, status: 'INTACT', anchorSeq: null });
    expect(intact.headsChecked).toBeGreaterThanOrEqual(2);

    const [anchor] = await t.sql(`SELECT seq::int, hash FROM audit_anchors WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [changde]);
    await t.sql(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= $2`, [changde, anchor.seq - 1]);
    const truncated = await verify();
    expect(truncated).toMatchObject({ ok: false, status: 'TRUNCATED', anchorSeq: anchor.seq, anchorSource: 'BUREAU', firstBrokenSeq: anchor.seq - 1 });
    expect(truncated.reason).toContain('截断');
    expect(truncated.reason).toContain(`第 ${anchor.seq} 号`);

    // The bureau's own anchors deleted too: the province's copy still holds the head.
    await t.sql(`DELETE FROM audit_anchors WHERE tenant_id = $1`, [changde]);
    expect(await verify()).toMatchObject({ ok: false, status: 'TRUNCATED', anchorSeq: anchor.seq, anchorSource: 'PROVINCE' });

    // Every copy in the database gone: a head kept outside (e.g. from the feed) still catches it.
    await t.sql(`DELETE FROM audit_anchor_copies WHERE bureau_id = $1`, [changde]);
    expect(await verify()).toMatchObject({ ok: true, status: 'INTACT' });
    expect(await verify([{ seq: anchor.seq, hash: anchor.hash }])).toMatchObject({
      ok: false,
      status: 'TRUNCATED',
      anchorSeq: anchor.seq,
      anchorSource: 'GIVEN',
    });

    // A chain truncated and then grown again past the head has another event at the head's seq.
    for (let i = 0; i < 3; i += 1) await t.login('changde.admin');
    const rewritten = await verify([{ seq: anchor.seq, hash: anchor.hash }]);
    expect(rewritten).toMatchObject({ ok: false, status: 'TRUNCATED', anchorSeq: anchor.seq, anchorSource: 'GIVEN', firstBrokenSeq: anchor.seq });
    expect(rewritten.reason).toContain('不符');
  });

  it('records no new head over a chain that has lost its anchored end, and says so', async () => {
    const [wugang] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    for (const name of ['wugang.admin', 'wugang.leader', 'wugang.head01']) await t.login(name);
    await runAuditAnchoring(t.app.services, anchorAt);
    const [anchor] = await t.sql(`SELECT seq::int, hash FROM audit_anchors WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [wugang.id]);
    await t.sql(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= $2`, [wugang.id, anchor.seq - 1]);
    for (const name of ['wugang.admin', 'wugang.leader', 'wugang.head01']) await t.login(name);
    const run = await runAuditAnchoring(t.app.services, new Date(anchorAt.getTime() + 86_400_000));
    expect(run.truncated).toBe(1);
    expect(await t.sql(`SELECT seq::int FROM audit_anchors WHERE tenant_id = $1`, [wugang.id])).toEqual([{ seq: anchor.seq }]);
  });

  it('refuses a malformed head', async () => {
    expect(codes(await t.gql(VERIFY, { heads: [{ seq: 0, hash: 'x' }] }, supervisor))).toEqual(['BAD_USER_INPUT']);
  });
});
