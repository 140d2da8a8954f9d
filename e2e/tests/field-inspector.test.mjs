// The inspector's day on a phone (375×812): signs in on 我的检查, finds a visit the draw gave their team
// (before any record is opened), opens it with one tap, and the menu lives in a drawer; no page they visit
// scrolls sideways, and the public portal keeps its navigation and language switch.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { screenshot, signInToLanding } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const PHONE = { width: 375, height: 812 };

/** A phone-sized page of its own context (so that it can go offline alone). */
async function phonePage(options = {}) {
  const context = await suite.browser.newContext({ baseURL: suite.server.url, locale: 'zh-CN', viewport: PHONE, reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function assertNoSidewaysScroll(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${where}: scrollWidth ${scroll} > innerWidth ${inner}`);
}

/** An inspector of 舞钢 with a visit of the demo's draw whose record nobody has opened yet. */
async function inspectorWithUnopenedVisit() {
  for (let n = 1; n <= 8; n++) {
    const username = `wugang.inspector0${n}`;
    const { myVisits } = await suite.api('{ myVisits(first: 100) { totalCount edges { node { entityName status inspectionId } } } }', {}, await suite.apiToken(username));
    const visit = myVisits.edges.map((e) => e.node).find((v) => v.inspectionId === null);
    if (visit) return { username, visit, total: myVisits.totalCount };
  }
  throw new Error('no inspector of 舞钢 has an unopened visit in the demo');
}

describe('the field inspector on a phone', () => {
  test('lands on 我的检查 with the draw’s visits, opens one with a tap; the menu is a drawer; nothing scrolls sideways', async () => {
    const { username, visit, total } = await inspectorWithUnopenedVisit();
    const page = await phonePage();
    try {
      assert.equal(await signInToLanding(page, username, DEMO_PASSWORD), '/my-visits');
      await page.getByTestId('my-visit').first().waitFor();
      assert.equal(await page.getByTestId('my-visits-count').innerText(), String(total));
      await assertNoSidewaysScroll(page, '我的检查');
      // The title and the user's name are readable, not squeezed to one character.
      assert.equal(await page.getByTestId('app-title').innerText(), '双随机监管');
      const header = await page.getByTestId('header-user').boundingBox();
      assert.ok(header && header.width > 40, 'the user name keeps its width');
      // The menu button sits in the header, clear of the page's title.
      const button = await page.getByTestId('menu-button').boundingBox();
      const title = await page.getByTestId('my-visits-page').getByRole('heading').boundingBox();
      assert.ok(button.y + button.height <= title.y, 'the menu button does not cover the page title');
      await screenshot(page, 'field-01-my-visits');

      // The drawer holds the menu, the bureau and 退出登录; choosing 工作台 closes it.
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-drawer').getByTestId('nav-workbench').click();
      await page.getByTestId('workbench-page').waitFor();
      // 待我办理 counts the visits right after the draw, before any record of them is opened.
      await page.waitForFunction((n) => document.querySelector('[data-testid="workbench-visits"]')?.getAttribute('data-count') === String(n), total);
      await assertNoSidewaysScroll(page, '工作台');
      await screenshot(page, 'field-02-workbench');

      await page.goBack();
      const card = page.getByTestId('my-visit').filter({ hasText: visit.entityName }).first();
      await card.getByTestId('my-visit-open').click();
      await page.waitForURL('**/inspections/**');
      await page.getByTestId('record-form').waitFor();
      await assertNoSidewaysScroll(page, '检查记录');
      await screenshot(page, 'field-03-record');
    } finally {
      await page.context().close();
    }
  });

  test('the public portal keeps its navigation and language switch on a phone', async () => {
    const page = await phonePage();
    try {
      await page.goto('/public');
      await page.getByTestId('public-nav-home').waitFor();
      for (const id of ['public-nav-home', 'public-nav-credit', 'public-nav-verify', 'public-nav-signin']) assert.ok(await page.getByTestId(id).isVisible(), id);
      assert.ok(await page.getByRole('radiogroup', { name: '语言' }).or(page.getByLabel('语言')).first().isVisible());
      await assertNoSidewaysScroll(page, '公示查询');
    } finally {
      await page.context().close();
    }
  });
});
