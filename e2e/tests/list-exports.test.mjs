// Every list exports: the CSV buttons of the portal's lists, the office's people, departments, sign-in
// history, dashboards, plan items and joint-task participants, and the province's tables, each clicked
// in a real browser. Each file holds the whole list (every page, not the one shown) under the
// list's Chinese headers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from '../support/csv.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, downloadText, screenshot } from '../support/ui.mjs';

const WUGANG = '舞钢市自然资源和规划局';
const PLAN_2023 = '舞钢市自然资源和规划局2023年“双随机、一公开”工作实施方案';
const JOINT_TASK = '舞钢市、平顶山市自然资源领域2026年联合随机抽查';

const suite = useServerAndBrowser();
const { withPage, withSignedIn } = suite;

/** The list's total from its pager (“共 N 条 · …”), once loaded: every list here has rows. */
async function total(page, pagerTestId) {
  const summary = page.getByTestId(`${pagerTestId}-summary`);
  await page.waitForFunction((el) => /共 [1-9]\d* 条/.test(el.textContent), await summary.elementHandle());
  return Number(/共 (\d+) 条/.exec(await summary.innerText())[1]);
}

/** Clicks an export button and returns the file as [header, ...rows], checking the header and the row count. */
async function exported(page, button, file, header, rows) {
  const [head, ...body] = parseCsv(await downloadText(page, button, file));
  assert.deepEqual(head, header, file);
  if (rows !== undefined) assert.equal(body.length, rows, file);
  return body;
}

/** The columns of every published-results file: the portal's front page, a bureau's results and an entity's. */
const RESULT_HEADER = [
  '单位',
  '检查对象',
  '统一社会信用代码',
  '抽查事项',
  '抽查任务',
  '检查日期',
  '检查结果',
  '发现的问题',
  '处理决定',
  '处理依据',
  '公示时间',
  '更正',
];

describe('every list exports', () => {
  test('the portal: bureaus, latest results, and 舞钢’s items, entities, inspectors, draws and an entity’s results', async () => {
    await withPage(async (page) => {
      await page.goto('/public');
      await page.getByTestId('public-bureau-row').first().waitFor();
      const bureaus = await exported(
        page,
        page.getByTestId('public-bureaus-export'),
        'exports-public-bureaus.csv',
        ['单位', '行政区划代码', '联系方式', 'Atom 订阅', 'JSON Feed'],
        await page.getByTestId('public-bureau-row').count(),
      );
      const wugang = bureaus.find((r) => r[0] === WUGANG);
      assert.ok(wugang, 'the bureaus file names 舞钢');
      assert.match(wugang[3], /^http:\/\/.+\/api\/public\/feed\.atom\?bureau=/);
      // The portal's results count on request only.
      await page.getByTestId('public-latest-pager-count').click();
      const latest = await total(page, 'public-latest-pager');
      assert.ok(latest > 10, 'more results than the front page shows');
      const latestRows = await exported(page, page.getByTestId('public-latest-export'), 'exports-public-latest.csv', RESULT_HEADER, latest);
      // Each result with its handling decision and basis; the 责令整改 with its deadline.
      const [decision, basis] = [RESULT_HEADER.indexOf('处理决定'), RESULT_HEADER.indexOf('处理依据')];
      assert.ok(
        latestRows.every((r) => r[decision] !== '' && r[basis] !== ''),
        'every published result has its decision and basis',
      );
      assert.ok(
        latestRows.some((r) => r[decision] === '责令整改（整改期限 15 个工作日）' && r[basis].includes('《土地复垦条例》')),
        'the 责令整改 with its deadline and basis',
      );

      await page.locator(`[data-testid="public-bureau-row"][data-name="${WUGANG}"]`).getByTestId('public-bureau-link').click();
      await assertText(page.getByTestId('public-bureau-name'), WUGANG);

      await page.getByTestId('public-tab-items').click();
      await page.getByTestId('public-item-row').first().waitFor();
      const items = await exported(
        page,
        page.getByTestId('public-items-export'),
        'exports-public-items.csv',
        ['序号', '事项名称', '责任部门', '事项类别', '抽查依据', '检查主体', '检查内容', '检查对象', '抽查比例', '抽查频次', '检查方式', '备注'],
        await page.getByTestId('public-item-row').count(),
      );
      assert.deepEqual(
        items.map((r) => r[0]),
        items.map((_, i) => String(i + 1)),
      );
      await screenshot(page, 'exports-01-public-items');

      await page.getByTestId('public-tab-entities').click();
      // A directory counts on request only.
      await page.getByTestId('public-entities-pager-count').click();
      const entities = await total(page, 'public-entities-pager');
      assert.ok(entities > 100, `舞钢 lists ${entities} entities: the export takes more than one request`);
      await exported(page, page.getByTestId('public-entities-export'), 'exports-public-entities.csv', ['检查对象', '统一社会信用代码', '地址'], entities);

      await page.getByTestId('public-tab-inspectors').click();
      await exported(
        page,
        page.getByTestId('public-inspectors-export'),
        'exports-public-inspectors.csv',
        ['姓名', '执法岗位', '执法证号'],
        await total(page, 'public-inspectors-pager'),
      );

      await page.getByTestId('public-tab-draws').click();
      await page.getByTestId('public-draw-row').first().waitFor();
      const draws = await exported(
        page,
        page.getByTestId('public-draws-export'),
        'exports-public-draws.csv',
        ['任务', '检查时间', '封存时间', '摇号时间', '平台复核', '名单哈希', '服务器种子承诺值', '摇号记录'],
        await page.getByTestId('public-draw-row').count(),
      );
      assert.ok(draws.some((r) => r[4] === '复核通过'));
      await screenshot(page, 'exports-02-public-draws');

      await page.getByTestId('public-tab-results').click();
      await page.getByTestId('public-result-entity').first().click();
      await page.getByTestId('public-entity-page').waitFor();
      const results = await exported(
        page,
        page.getByTestId('public-entity-results-export'),
        'exports-public-entity-results.csv',
        RESULT_HEADER,
        await page.getByTestId('public-result-row').count(),
      );
      assert.ok(results.every((r) => r[0] === WUGANG));
    });
  });

  test('舞钢’s office: people, departments, its own sign-ins, the dashboard, a plan’s items and a joint task’s participants', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await page.getByTestId('sign-in-history-card').waitFor();
      const signIns = await exported(
        page,
        page.getByTestId('sign-in-history-export'),
        'exports-sign-ins.csv',
        ['时间', '结果', 'IP 地址', '设备'],
        await total(page, 'sign-in-history-pager'),
      );
      assert.equal(signIns[0][1], '登录成功');

      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      await page.waitForURL('**/people');
      const users = await exported(
        page,
        page.getByTestId('users-export'),
        'exports-users.csv',
        ['用户名', '姓名', '角色', '所在部门', '状态', '最近登录'],
        await total(page, 'users-pager'),
      );
      assert.ok(
        users.some((r) => r[0] === 'wugang.inspector08'),
        'people past the first page are exported',
      );
      const departments = await exported(
        page,
        page.getByTestId('departments-export'),
        'exports-departments.csv',
        ['部门名称', '办公室', '部门负责人'],
        await total(page, 'departments-pager'),
      );
      assert.deepEqual(
        departments.filter((r) => r[1] === '是').map((r) => r[0]),
        ['局办公室（“双随机、一公开”工作领导小组办公室）'],
      );
      await screenshot(page, 'exports-03-people');

      await page.getByRole('menuitem', { name: '统计看板' }).click();
      await choose(page, page.getByTestId('dashboard-year'), '2023 年');
      await page.waitForURL('**/dashboard?year=2023');
      const byItem = page.getByTestId('dashboard-by-item');
      await byItem.getByTestId('dashboard-by-item-view').getByText('表格').click();
      await byItem.getByTestId('dashboard-by-item-row').first().waitFor();
      const figures = ['在册检查对象', '已检查对象', '覆盖率', '摇中', '已完成', '完成率', '检查记录', '已公示', '发现问题', '问题发现率', '逾期'];
      const itemRows = await exported(
        page,
        byItem.getByTestId('dashboard-by-item-export'),
        'exports-dashboard-items.csv',
        ['抽查事项', ...figures],
        await byItem.getByTestId('dashboard-by-item-row').count(),
      );
      // The file holds the table's numbers (the table leaves out the listed and completed counts).
      const shown = await byItem
        .getByTestId('dashboard-by-item-row')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
      assert.deepEqual(
        itemRows.map((r) => [0, 3, 2, 4, 6, 7, 8, 9, 10, 11].map((i) => r[i])),
        shown,
      );
      await exported(page, page.getByTestId('dashboard-by-month-export'), 'exports-dashboard-months.csv', ['月份', ...figures]);
      await screenshot(page, 'exports-04-dashboard');

      await page.getByRole('menuitem', { name: '年度计划' }).click();
      await page.getByTestId('plan-link').filter({ hasText: PLAN_2023 }).click();
      await page.getByTestId('plan-page').waitFor();
      await page.getByTestId('plan-items').locator('tbody tr').first().waitFor();
      await exported(
        page,
        page.getByTestId('plan-items-export'),
        'exports-plan-items.csv',
        ['#', '事项', '责任部门', '抽查比例', '清单最低比例', '每年抽查轮数'],
        4,
      );

      await page.getByRole('menuitem', { name: '抽查任务' }).click();
      await page.getByTestId('task-link').filter({ hasText: JOINT_TASK }).click();
      const participants = page.getByTestId('participants-card');
      await participants.getByTestId('participant-row').first().waitFor();
      const rows = await exported(
        page,
        page.getByTestId('participants-export'),
        'exports-participants.csv',
        ['单位', '部门', '答复', '答复意见', '参与事项', '参加抽取人员', '更新时间'],
        await participants.getByTestId('participant-row').count(),
      );
      assert.ok(
        rows.some((r) => r[1] === '执法监察支队' && r[5].length > 0),
        'the partner with its inspectors by name',
      );
      await screenshot(page, 'exports-05-participants');
    });
  });

  test('henan.viewer: the province’s regions and bureaus, and the subordinate units', async () => {
    await withSignedIn('henan.viewer', async (page) => {
      await page.getByRole('menuitem', { name: '全省统计' }).click();
      await choose(page, page.getByTestId('dashboard-year'), '2023 年');
      await page.waitForURL('**/province?year=2023');
      const card = page.getByTestId('provincial-card');
      await card.locator('[data-testid="bureau-row"][data-key="410481"]').waitFor();
      const bureaus = await exported(
        page,
        card.getByTestId('provincial-bureaus-export'),
        'exports-province-bureaus.csv',
        [
          '单位',
          '类别',
          '行政区划代码',
          '在册检查对象',
          '已检查对象',
          '覆盖率',
          '摇中',
          '已完成',
          '完成率',
          '检查记录',
          '已公示',
          '发现问题',
          '问题发现率',
          '逾期',
        ],
        2,
      );
      assert.deepEqual(bureaus.find((r) => r[2] === '410481')?.slice(0, 2), [WUGANG, '县局']);
      const regions = await exported(
        page,
        card.getByTestId('provincial-regions-export'),
        'exports-province-regions.csv',
        [
          '行政区划',
          '行政区划代码',
          '局数',
          '在册检查对象',
          '已检查对象',
          '覆盖率',
          '摇中',
          '已完成',
          '完成率',
          '检查记录',
          '已公示',
          '发现问题',
          '问题发现率',
          '逾期',
        ],
        1,
      );
      assert.deepEqual(regions[0].slice(0, 3), ['平顶山市', '410400', '2']);
      await screenshot(page, 'exports-06-province', { fullPage: false });

      await page.getByRole('menuitem', { name: '下级单位' }).click();
      await page.getByTestId('tenant-row').first().waitFor();
      const tenants = await exported(
        page,
        page.getByTestId('tenants-export'),
        'exports-tenants.csv',
        ['单位名称', '单位类型', '行政区划', '行政区划代码', '上级单位', '状态'],
        await total(page, 'tenants-pager'),
      );
      assert.ok(tenants.some((r) => r[0] === WUGANG && r[4] === '平顶山市自然资源和规划局'));
    });
  });
});
