// 信用公示 in a real browser: 舞钢's office proposes a blacklist entry on its 信用惩戒名单 page; the
// leader approves it on the workbench; the portal's 信用公示 page shows it, on a phone without sideways
// scroll, and so does the entity's own page; the entity asks for 信用修复 on its access-code page; the office
// grants it, the leader approves, and the entry leaves the public list (the entity's page shows it repaired).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, clickAndConfirm, screenshot, signInToLanding } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { withPage } = suite;
const REASON = '拒绝、阻碍监督检查，情节严重';

const gql = (query, variables, token) => suite.api(query, variables, token);

const login = (username) => suite.apiToken(username);

describe('信用公示: the office’s list, the leader’s approval, the portal, the entity’s repair', () => {
  test('proposed, approved, published, repaired, unpublished', async () => {
    const office = await login('wugang.admin');
    // A 舞钢 record with its access code, and its entity.
    const { inspections } = await gql(`{ inspections(status: RETURNED, first: 1) { edges { node { entityName entityUscc accessCode } } } }`, {}, office);
    const record = inspections.edges[0].node;
    const { bureau } = await gql(`{ me { tenant { id } } }`, {}, office).then((d) => ({ bureau: d.me.tenant.id }));

    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.admin', DEMO_PASSWORD);
      await page.getByTestId('nav-credit-lists').click();
      await page.getByTestId('credit-lists-page').waitFor();
      const form = page.getByTestId('credit-propose-form');
      await page.getByTestId('credit-entity-select').click();
      await page.keyboard.type(record.entityUscc.slice(0, 12));
      await page.locator('.ant-select-item-option', { hasText: record.entityName }).first().click();
      await page.getByTestId('credit-reason').fill(REASON);
      await page.getByTestId('credit-legal-basis').fill('《随机抽查实施细则》第十八条');
      await page.getByTestId('credit-valid-until').click();
      await page.keyboard.type('2029-12-31');
      await page.keyboard.press('Enter');
      await form.getByTestId('credit-propose-submit').click();
      await assertText(page.getByTestId('credit-entries'), '待审批');
      await screenshot(page, 'credit-01-proposed');
    });

    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.leader', DEMO_PASSWORD);
      const card = page.getByTestId('workbench-credit-approvals');
      await assertText(card, record.entityName);
      await clickAndConfirm(page, card.getByTestId('credit-approval-approve'));
      await assertText(card, '没有待审批的名单或信用修复');
    });

    await withPage(async (page) => {
      await page.goto('/public');
      await page.getByTestId('public-nav-credit').click();
      await page.getByTestId('public-credit-page').waitFor();
      // On a phone: the list as cards.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/public/credit/${encodeURIComponent(bureau)}`);
      const entry = page.getByTestId('public-credit-entry');
      await assertText(entry, record.entityUscc);
      await assertText(entry, REASON);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
      await screenshot(page, 'credit-02-public-phone');
      // The entity's own page carries the entry too.
      await page.goto(`/public/entities/${encodeURIComponent(record.entityUscc)}`);
      const onPage = page.getByTestId('public-entity-credit-entry');
      await assertText(onPage, REASON);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'entity page: no sideways scroll at 375 px');
    });

    await withPage(async (page) => {
      await page.goto(`/record?code=${encodeURIComponent(record.accessCode)}`);
      const card = page.getByTestId('entity-credit');
      await assertText(card, REASON);
      await card.getByTestId('entity-credit-reasons').fill('已全面整改，此后配合检查，申请信用修复。');
      await card.getByTestId('entity-credit-request').click();
      await assertText(card.getByTestId('entity-credit-repair'), '待办公室决定');
      await screenshot(page, 'credit-03-entity-repair');
    });

    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.admin', DEMO_PASSWORD);
      await page.goto('/credit-lists');
      const repairs = page.getByTestId('credit-repairs');
      await repairs.getByTestId('credit-repair-note').fill('整改到位，同意修复');
      await repairs.getByTestId('credit-repair-grant').click();
      await assertText(repairs, '办公室同意，待领导审批');
    });

    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.leader', DEMO_PASSWORD);
      const card = page.getByTestId('workbench-credit-approvals');
      await assertText(card, '信用修复');
      await clickAndConfirm(page, card.getByTestId('credit-approval-approve'));
      await assertText(card, '没有待审批的名单或信用修复');
      await page.goto(`/public/credit/${encodeURIComponent(bureau)}`);
      await page.getByTestId('public-credit-empty').waitFor();
      // Repaired, the entry is published nowhere: off the list and off the entity's page.
      await page.goto(`/public/entities/${encodeURIComponent(record.entityUscc)}`);
      await page.getByTestId('public-entity-credit-empty').waitFor();
      assert.equal(await page.getByTestId('public-entity-credit-entry').count(), 0);
    });
  });
});
