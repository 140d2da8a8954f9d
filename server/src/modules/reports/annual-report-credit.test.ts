import { startTestApp, type TestApp } from '../../test-support/test-app';
import { pdfText } from '../../test-support/pdf-inspect';

const CREDIT = `query($year: Int!) { annualReport(year: $year) {
  totals { credit { blacklisted watchlisted repaired } }
  bureaus { regionCode figures { credit { blacklisted watchlisted repaired } } }
  sections { name title lines { label value } } } }`;

/**
 * 七、信用惩戒 in the year's report: the entries of a bureau's 黑名单 and 重点关注名单 decided in the year and
 * approved, and those a 信用修复 ended in the year; each bureau counts its own only, the province sums its
 * bureaus, another province sees none of them.
 */
describe('the year’s report counts the credit lists (七、信用惩戒)', () => {
  let t: TestApp;
  const tenant: Record<string, string> = {};
  const credit = async (username: string, year = 2024) => (await t.gql(CREDIT, { year }, await t.login(username))).data!.annualReport;

  /** An entry of `regionCode`'s list, on the first entity of its directory not yet listed. */
  async function entry(regionCode: string, list: string, status: string, decidedOn: string, endedOn: string | null = null) {
    const tenantId = tenant[regionCode];
    const [entity] = await t.sql<{ id: string; name: string; uscc: string }>(
      `SELECT id, name, uscc FROM market_entities e WHERE tenant_id = $1
          AND NOT EXISTS (SELECT 1 FROM credit_list_entries c WHERE c.tenant_id = e.tenant_id AND c.entity_id = e.id)
        ORDER BY uscc LIMIT 1`,
      [tenantId],
    );
    const [office] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND 'OFFICE' = ANY (roles) LIMIT 1`, [tenantId]);
    await t.sql(
      `INSERT INTO credit_list_entries (tenant_id, entity_id, entity_name, entity_uscc, list, reason, legal_basis, decided_on, valid_until, status, proposed_by, ended_on)
       VALUES ($1, $2, $3, $4, $5, '报表测试', '《随机抽查实施细则》第十八条', $6, '2030-12-31', $7, $8, $9)`,
      [tenantId, entity!.id, entity!.name, entity!.uscc, list, decidedOn, status, office!.id, endedOn],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const row of await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`)) tenant[row.region_code] = row.id;
    // 舞钢 in 2024: two blacklisted (one repaired within the year), one watched; one proposed only, one
    // refused, one of 2023 repaired in 2024, one of 2025.
    await entry('410481', 'BLACKLIST', 'APPROVED', '2024-03-01');
    await entry('410481', 'BLACKLIST', 'REPAIRED', '2024-04-01', '2024-10-08');
    await entry('410481', 'WATCH', 'APPROVED', '2024-12-31');
    await entry('410481', 'BLACKLIST', 'PENDING', '2024-05-01');
    await entry('410481', 'BLACKLIST', 'REJECTED', '2024-05-02');
    await entry('410481', 'WATCH', 'REPAIRED', '2023-11-20', '2024-02-01');
    await entry('410481', 'BLACKLIST', 'APPROVED', '2025-01-02');
    // 平顶山 in 2024: one blacklisted.
    await entry('410400', 'BLACKLIST', 'APPROVED', '2024-06-01');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('counts a bureau’s own entries of the year, approved, and the repairs of the year', async () => {
    const wugang = await credit('wugang.leader');
    expect(wugang.totals.credit).toEqual({ blacklisted: 2, watchlisted: 1, repaired: 2 });
    const section = wugang.sections.find((s: { name: string }) => s.name === 'credit');
    expect(section).toEqual({
      name: 'credit',
      title: '七、信用惩戒',
      lines: [
        { label: '列入黑名单', value: '2' },
        { label: '列入重点关注名单', value: '1' },
        { label: '信用修复移出', value: '2' },
      ],
    });
    expect((await credit('wugang.leader', 2023)).totals.credit).toEqual({ blacklisted: 0, watchlisted: 1, repaired: 0 });
    expect((await credit('pingdingshan.admin')).totals.credit).toEqual({ blacklisted: 1, watchlisted: 0, repaired: 0 });
  });

  it('the province sums its bureaus; another province and its bureaus see none of them', async () => {
    const henan = await credit('henan.viewer');
    expect(henan.totals.credit).toEqual({ blacklisted: 3, watchlisted: 1, repaired: 2 });
    expect(henan.bureaus.find((b: { regionCode: string }) => b.regionCode === '410481').figures.credit).toEqual({
      blacklisted: 2,
      watchlisted: 1,
      repaired: 2,
    });
    expect((await credit('hunan.viewer')).totals.credit).toEqual({ blacklisted: 0, watchlisted: 0, repaired: 0 });
    expect((await credit('changde.leader')).totals.credit).toEqual({ blacklisted: 0, watchlisted: 0, repaired: 0 });
  });

  it('the PDF prints the section', async () => {
    const response = await fetch(`${t.url}/api/reports/annual/2024.pdf`, { headers: { authorization: `Bearer ${await t.login('wugang.leader')}` } });
    expect(response.status).toBe(200);
    const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).pages.join('').replace(/\s+/g, '');
    expect(text).toContain('七、信用惩戒指标数值列入黑名单2列入重点关注名单1信用修复移出2');
  });
});
