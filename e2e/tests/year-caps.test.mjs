// The seeds' yearly caps in a real browser against the real server: a task outside the annual plan is
// refused with the rule's words; a 专项检查 of an item already used this year (by 舞钢's joint task) is
// refused naming that task; the plan page shows its versions and an amendment drafts the next one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, fillDate, screenshot } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { withSignedIn } = suite;

async function fillTexts(form, title) {
  await form.getByTestId('task-title').fill(title);
  await form.getByTestId('task-purpose').fill('随机抽查');
  await form.getByTestId('task-procedure').fill('摇号 → 实地核查 → 报告 → 公示');
  await form.getByTestId('task-divisionOfLabour').fill('土地利用股负责');
}

describe('yearly caps', () => {
  test('a plan-less task is refused by the rule; a 专项检查 over a once-a-year item already used is refused by name', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await page.goto('/tasks/new');
      const form = page.getByTestId('task-form');
      await form.waitFor();
      await assertText(form.getByTestId('task-kind'), '双随机抽查（年度计划内）');
      await fillTexts(form, '2026年土地使用情况抽查（无计划）');
      await fillDate(form.getByTestId('task-starts-on'), '2026-12-14');
      await fillDate(form.getByTestId('task-ends-on'), '2026-12-25');
      await choose(page, form.getByTestId('task-item'), '土地使用情况监督检查');
      await form.getByTestId('task-item-ratio').fill('0.10');
      await form.getByTestId('task-submit').click();
      const refused = page.getByTestId('task-form-error');
      await refused.waitFor();
      assert.equal(await refused.getAttribute('data-code'), 'RULE_VIOLATION');
      await assertText(refused, '双随机抽查任务须属于本单位已公布的年度计划的某一轮');
      await screenshot(page, 'year-caps-01-planless-refused');

      // As a 专项检查: the item is checked once a year, and the demo's joint task has used 2026's.
      await form.getByTestId('task-kind').getByText('专项检查（计划外）').click();
      await form.getByTestId('task-reason').fill('群众举报');
      await form.getByTestId('task-submit').click();
      await assertText(refused, '事项清单规定每年 1 次');
      await assertText(refused, '舞钢市、平顶山市自然资源领域2026年联合随机抽查');
      await screenshot(page, 'year-caps-02-cap-refused');
      assert.match(new URL(page.url()).pathname, /\/tasks\/new$/, 'nothing was made');
    });
  });

  test('the plan page shows its versions; an amendment drafts the next version', async () => {
    await withSignedIn('changde.admin', async (page) => {
      await page.getByRole('menuitem', { name: '年度计划' }).click();
      await page.waitForURL('**/plans');
      await page.getByTestId('plan-link').first().click();
      await page.getByTestId('plan-page').waitFor();
      await assertText(page.getByTestId('plan-version'), '第 1 版');
      const versions = page.getByTestId('plan-versions');
      await assertText(versions, '已公布');
      await clickAndConfirm(page, page.getByTestId('plan-amend'));
      await assertText(page.getByTestId('plan-version'), '第 2 版');
      await assertText(page.getByTestId('plan-status'), '草稿');
      const rows = versions.locator('tbody tr.ant-table-row');
      assert.equal(await rows.count(), 2);
      await assertText(rows.nth(0), '已公布');
      await assertText(rows.nth(1), '草稿');
      assert.equal(await page.getByTestId('plan-amend').count(), 0, 'one open version at a time');
      await screenshot(page, 'year-caps-03-plan-versions');
    });
  });
});
