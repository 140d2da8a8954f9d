// 年度计划 in a real browser against the real server: 常德's office drafts the 2027 plan, the rules are
// checked as it is typed, it is submitted; the leader returns it with a comment, the office resubmits,
// the leader approves and the office publishes — each step offered only to its role.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, fieldError, fillDate, screenshot } from '../support/ui.mjs';

const TITLE = '常德市自然资源和规划局2027年度“双随机、一公开”抽查工作计划（浏览器测试）';

const suite = useServerAndBrowser();
const { signedIn, withSignedIn } = suite;

describe('annual plans', () => {
  test('drafted with live rule checks, submitted, returned, resubmitted, approved and published', async () => {
    const office = await signedIn('changde.admin');
    const leader = await signedIn('changde.leader');
    try {
      await office.getByRole('menuitem', { name: '年度计划' }).click();
      await office.waitForURL('**/plans');
      await office.getByTestId('plan-row').first().waitFor();
      await office.getByTestId('plan-new').click();
      const form = office.getByTestId('plan-form');
      await form.waitFor();
      await form.getByTestId('plan-year').fill('2027');
      await form.getByTestId('plan-title-input').fill(TITLE);
      await form.getByTestId('plan-scope').fill('本局随机抽查事项清单所列事项，覆盖市本级及所辖区县（市）');
      await form.getByTestId('plan-rounds').fill('2');
      assert.equal(await form.getByTestId('plan-round-row').count(), 2, 'the schedule follows the rounds');
      const from = form.getByTestId('plan-round-from');
      const to = form.getByTestId('plan-round-to');
      await fillDate(from.nth(0), '2027-04-01');
      await fillDate(to.nth(0), '2027-06-30');
      await fillDate(from.nth(1), '2027-06-15');
      await fillDate(to.nth(1), '2027-11-30');
      // The shared rules speak as the plan is typed: overlapping rounds, a ratio above the bureau's range.
      const violations = form.getByTestId('plan-violations');
      await assertText(violations, '第 1 轮与第 2 轮时间重叠');
      await form.getByTestId('plan-item-ratio').first().fill('0.20');
      await assertText(violations, '超出细则规定的 2%–10%');
      await screenshot(office, 'plans-01-live-violations');
      await fillDate(from.nth(1), '2027-09-01');
      await form.getByTestId('plan-item-ratio').first().fill('0.05');
      await assertText(violations, '符合本单位细则');
      await form.getByTestId('plan-submit').click();

      await office.getByTestId('plan-page').waitFor();
      await assertText(office.getByTestId('plan-status'), '草稿');
      assert.equal(await office.getByTestId('plan-action-APPROVE').count(), 0, 'the office does not approve');
      await clickAndConfirm(office, office.getByTestId('plan-action-SUBMIT'));
      await assertText(office.getByTestId('plan-status'), '待审批');
      const planPath = new URL(office.url()).pathname;

      // The leader returns it; a return needs a comment.
      await leader.goto(planPath);
      await assertText(leader.getByTestId('plan-status'), '待审批');
      assert.equal(await leader.getByTestId('plan-action-PUBLISH').count(), 0);
      await leader.getByTestId('plan-action-RETURN').click();
      await leader.getByTestId('plan-return-submit').click();
      await fieldError(leader.locator('.ant-modal'), '退回须填写意见').waitFor();
      await leader.getByTestId('plan-return-comment').fill('第二轮请避开汛期，改为九月开始');
      await leader.getByTestId('plan-return-submit').click();
      await assertText(leader.getByTestId('plan-status'), '已退回');

      await office.reload();
      await assertText(office.getByTestId('plan-review-comment'), '第二轮请避开汛期');
      await screenshot(office, 'plans-02-returned');
      await clickAndConfirm(office, office.getByTestId('plan-action-SUBMIT'));
      await assertText(office.getByTestId('plan-status'), '待审批');

      await leader.reload();
      await clickAndConfirm(leader, leader.getByTestId('plan-action-APPROVE'));
      await assertText(leader.getByTestId('plan-status'), '已批准');

      await office.reload();
      await clickAndConfirm(office, office.getByTestId('plan-action-PUBLISH'));
      await assertText(office.getByTestId('plan-status'), '已公布');
      assert.equal(await office.getByTestId('plan-edit').count(), 0, 'a published plan is not edited');
      await screenshot(office, 'plans-03-published');

      await office.getByTestId('back-link').click();
      await assertText(office.locator(`[data-testid="plan-row"][data-title="${TITLE}"]`).getByTestId('plan-status'), '已公布');
    } finally {
      await office.context().close();
      await leader.context().close();
    }
  });

  test('a task of the plan brings only the items due in the chosen round; a ratio may be typed as 5%', async () => {
    const token = await suite.apiToken('changde.admin');
    const { plans } = await suite.api('{ plans(first: 10, status: PUBLISHED) { edges { node { year title rounds items { rounds } } } } }', {}, token);
    // The demo's 2026 plan: two rounds, items checked once a year and twice.
    const plan = plans.edges.map((e) => e.node).find((p) => p.rounds === 2 && p.items.some((i) => i.rounds === 1) && p.items.some((i) => i.rounds === 2));
    const twice = plan.items.filter((i) => i.rounds === 2).length;
    await withSignedIn('changde.admin', async (page) => {
      await page.getByRole('menuitem', { name: '抽查任务' }).click();
      await page.getByTestId('task-new').click();
      const form = page.getByTestId('task-form');
      await choose(page, form.getByTestId('task-plan'), `${plan.year} · ${plan.title}`);
      await assertText(form.getByTestId('task-round'), '第 1 轮');
      assert.equal(await form.getByTestId('task-item-row').count(), plan.items.length);
      await form.getByTestId('task-round').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '第 2 轮' }).click();
      await assertText(form.getByTestId('task-round'), '第 2 轮');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="task-item-row"]').length === n, twice);

      const ratio = form.getByTestId('task-item-ratio').first();
      await ratio.fill('5%');
      await ratio.blur();
      await ratio.fill('5 %');
      await ratio.blur();
      assert.equal(await fieldError(form, '比例').count(), 0, 'a percentage is a ratio');
      await ratio.fill('5');
      await fieldError(form, '比例须为').waitFor();
    });
  });
});
