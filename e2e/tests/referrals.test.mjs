// 移送 in a real browser against the real server: 舞钢's office refers a published record with problems to
// 平顶山's 执法监察支队; 舞钢's leader approves it; 平顶山's department head finds it on the 移送案件 page
// (on a 375 px phone, without sideways scroll), accepts it and records 立案; 舞钢's record shows the state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, fieldError, menuLabels, screenshot } from '../support/ui.mjs';

const PARTNER = '平顶山市自然资源和规划局 · 执法监察支队';
const REASON = '涉嫌未经批准占用土地，移送立案查处（浏览器测试）';

const suite = useServerAndBrowser();

/** Whether the page fits the viewport's width; else the elements that stick out, to say which. */
async function sideways(page) {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`);
  });
}
const { withSignedIn } = suite;

const graphql = (query, variables, token) => suite.api(query, variables, token);

/** A published record of 舞钢 whose result is a problem, as its office sees it. */
async function publishedRecordWithProblems() {
  const { login } = await graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: 'wugang.admin',
    p: DEMO_PASSWORD,
  });
  const { inspections } = await graphql(
    '{ inspections(status: PUBLISHED, first: 100) { edges { node { id entityName findings resultCategory { problem } } } } }',
    {},
    login.token,
  );
  const record = inspections.edges.map((e) => e.node).find((r) => r.findings && r.resultCategory?.problem);
  assert.ok(record, 'the demo holds a published record with problems');
  return record;
}

describe('referrals', () => {
  let record;

  test('舞钢’s office refers a published record to 平顶山’s 执法监察支队, and its leader approves', async () => {
    record = await publishedRecordWithProblems();
    const path = `/inspections/${encodeURIComponent(record.id)}`;
    await withSignedIn('wugang.admin', async (page) => {
      await page.goto(path);
      const card = page.getByTestId('referrals-card');
      await card.waitFor();
      await page.getByTestId('referral-propose').click();
      // A referral needs its reason, said in Chinese.
      await page.getByTestId('referral-propose-ok').click();
      await fieldError(page, '请填写移送理由及依据').waitFor();
      await choose(page, page.getByTestId('referral-department'), PARTNER);
      await page.getByTestId('referral-reason').fill(REASON);
      await page.getByTestId('referral-propose-ok').click();
      await assertText(card.getByTestId('referral-status'), '待领导审批');
      await assertText(card, '执法监察支队');
      await screenshot(page, 'referrals-01-proposed');
    });
    await withSignedIn('wugang.leader', async (page) => {
      await page.goto(path);
      const card = page.getByTestId('referrals-card');
      await clickAndConfirm(page, card.getByTestId('referral-approve'));
      await assertText(card.getByTestId('referral-status'), '待接收');
      await screenshot(page, 'referrals-02-sent');
    });
  });

  test('平顶山’s department head accepts it and records 立案 on a phone, seeing only what was referred', async () => {
    await withSignedIn('pingdingshan.head', async (page) => {
      assert.ok((await menuLabels(page)).includes('移送案件'));
      await page.getByRole('menuitem', { name: '移送案件' }).click();
      await page.waitForURL('**/referrals');
      await page.setViewportSize({ width: 375, height: 812 });
      const item = page.locator(`[data-testid="received-referral"][data-entity="${record.entityName}"]`);
      await assertText(item.getByTestId('received-referral-status'), '待接收');
      await assertText(item, '舞钢市自然资源和规划局');
      await assertText(item, record.findings);
      await assertText(item, REASON);
      assert.deepEqual(await sideways(page), [], 'no sideways scroll at 375 px');
      await screenshot(page, 'referrals-03-received-375', { fullPage: false });

      await item.getByTestId('referral-step-ACCEPT').click();
      await page.getByTestId('referral-step-ok').click();
      await assertText(item.getByTestId('received-referral-status'), '已接收');
      await item.getByTestId('referral-step-FILE').click();
      await page.getByTestId('referral-step-case-no').fill('平自然资立〔2026〕1号');
      await page.getByTestId('referral-step-ok').click();
      await assertText(item.getByTestId('received-referral-status'), '已立案');
      await assertText(item, '平自然资立〔2026〕1号');
      assert.deepEqual(await sideways(page), [], 'no sideways scroll at 375 px');
      await screenshot(page, 'referrals-04-filed-375', { fullPage: false });
    });
  });

  test('舞钢’s record shows the referral’s state', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await page.goto(`/inspections/${encodeURIComponent(record.id)}`);
      const card = page.getByTestId('referrals-card');
      await assertText(card.getByTestId('referral-status'), '已立案');
      await assertText(card, '平自然资立〔2026〕1号');
      await screenshot(page, 'referrals-05-record');
    });
  });
});
