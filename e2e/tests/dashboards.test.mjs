// Dashboards in a real browser against the real server: Henan's provincial viewer opens the province's
// figures for 2023 (舞钢's published results of the demo), sees the map of the province and drills down
// from the province to 平顶山市 and to 舞钢市; 舞钢's office sees its own dashboard by item and month.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, menuLabels, screenshot } from '../support/ui.mjs';

const WUGANG = '舞钢市自然资源和规划局';
const PINGDINGSHAN = '平顶山市自然资源和规划局';

const suite = useServerAndBrowser();
const { withSignedIn } = suite;

/** Waits until the map's canvas has been drawn (ECharts paints after the boundaries arrive). */
async function mapDrawn(page) {
  await page.getByTestId('region-map').locator('canvas').waitFor();
}

/** 舞钢's 2023 overdue: drawn − 20 submitted reports (the 2 returned count as overdue records). */
async function overdueIncludesNeverReported(card) {
  const figures = card.locator('[data-drawn]').first();
  await figures.waitFor();
  const drawn = Number(await figures.getAttribute('data-drawn'));
  assert.ok(drawn > 100, `drawn ${drawn}`);
  await card.locator(`[data-testid="figure-overdue"][data-value="${drawn - 20}"]`).waitFor();
}

describe('dashboards', () => {
  test('henan.viewer opens the provincial figures and drills down from the province to 舞钢', async () => {
    await withSignedIn('henan.viewer', async (page) => {
      assert.deepEqual(await menuLabels(page), ['我的账号', '全省统计', '细则范围', '下级单位']);
      await page.getByRole('menuitem', { name: '全省统计' }).click();
      await page.waitForURL('**/province*');
      const card = page.getByTestId('provincial-card');
      await assertText(card.getByTestId('trail-410000'), '河南省');

      await choose(page, page.getByTestId('dashboard-year'), '2023 年');
      await page.waitForURL('**/province?year=2023');
      // Henan's two bureaus; in 2023 only 舞钢 recorded results: 16 published, 4 with a problem; overdue are
      // the 2 returned records and every drawn entity never reported once the window closed (20 were submitted).
      const bureaus = card.getByTestId('provincial-bureaus');
      await bureaus.locator('[data-testid="bureau-row"][data-key="410481"]').waitFor();
      assert.equal(await bureaus.getByTestId('bureau-row').count(), 2);
      await assertText(bureaus.locator('[data-testid="bureau-row"][data-key="410481"]'), WUGANG);
      await assertText(bureaus.locator('[data-testid="bureau-row"][data-key="410400"]'), PINGDINGSHAN);
      await card.locator('[data-testid="figure-problemRate"][data-value="25.0%"]').waitFor();
      await overdueIncludesNeverReported(card);
      assert.equal(await page.getByText('常德').count(), 0, 'nothing of Hunan');
      // At the province, both bureaus count under 平顶山市, the one region with figures on the map.
      const regions = card.getByTestId('provincial-by-region');
      assert.equal(await regions.getByTestId('region-row').count(), 1);
      await assertText(regions.locator('[data-testid="region-row"][data-key="410400"]'), '平顶山市');
      await mapDrawn(page);
      await card.getByTestId('map-metric').getByText('问题发现率').click();
      await screenshot(page, 'dashboard-01-province');

      // Drill down to the city: the city bureau itself (本级) and 舞钢 below it.
      await regions.locator('[data-testid="region-row"][data-key="410400"]').getByTestId('region-drill').click();
      await page.waitForURL('**/province?year=2023&region=410400');
      await assertText(card.getByTestId('trail-410400'), '平顶山市');
      await regions.locator('[data-testid="region-row"][data-key="410481"]').waitFor();
      assert.equal(await regions.locator('[data-testid="region-row"][data-own="true"]').getAttribute('data-key'), '410400');
      await assertText(regions.locator('[data-testid="region-row"][data-own="true"]'), '平顶山市（本级）');
      await mapDrawn(page);
      await screenshot(page, 'dashboard-02-city');

      // And to the county: 舞钢's own figures by item; a county has no map below it, the tables stand alone.
      await regions.locator('[data-testid="region-row"][data-key="410481"]').getByTestId('region-drill').click();
      await page.waitForURL('**/province?year=2023&region=410481');
      await assertText(card.getByTestId('trail-410481'), '舞钢市');
      await card.getByTestId('region-map-missing').waitFor();
      assert.equal(await bureaus.getByTestId('bureau-row').count(), 1);
      const byItem = card.getByTestId('dashboard-by-item');
      await byItem.getByTestId('dashboard-by-item-view').getByText('表格').click();
      await byItem.locator('[data-testid="dashboard-by-item-row"]', { hasText: '土地使用情况监督检查' }).waitFor();
      await screenshot(page, 'dashboard-03-county');

      // Back up the trail to the province.
      await card.getByTestId('trail-410000').click();
      await page.waitForURL('**/province?year=2023');
      await regions.locator('[data-testid="region-row"][data-key="410400"]').waitFor();
    });
  });

  test('舞钢’s office sees its own dashboard by item, department and month', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      assert.ok((await menuLabels(page)).includes('统计看板'));
      assert.ok(!(await menuLabels(page)).includes('全省统计'));
      await page.getByRole('menuitem', { name: '统计看板' }).click();
      await page.waitForURL('**/dashboard*');
      const card = page.getByTestId('dashboard-card');
      await choose(page, page.getByTestId('dashboard-year'), '2023 年');
      await page.waitForURL('**/dashboard?year=2023');
      await card.locator('[data-testid="figure-problemRate"][data-value="25.0%"]').waitFor();
      await overdueIncludesNeverReported(card);
      await assertText(card.getByTestId('figure-overdue'), '从未建立记录');
      await card.getByTestId('dashboard-by-month-chart').locator('canvas').waitFor();
      await card.getByTestId('dashboard-by-item-chart').locator('canvas').waitFor();
      await screenshot(page, 'dashboard-04-bureau');
      const byMonth = card.getByTestId('dashboard-by-month');
      await byMonth.getByTestId('dashboard-by-month-view').getByText('表格').click();
      await assertText(byMonth.locator('[data-testid="dashboard-by-month-row"][data-key="2023-06"]'), '2023-06');
    });
  });
});
