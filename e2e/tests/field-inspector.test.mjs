// The inspector's day on a phone (375×812): signs in on 我的检查, finds a visit the draw gave their team
// (before any record is opened), opens it with one tap, and the menu lives in a drawer. With no signal they
// fill the record and take a photo (resized on the device, with its time and, with consent, position);
// both wait in the device's queue (待上传 2 项), the record page opens again with no signal, and once the
// connection returns the record arrives once, with the photo's time and position. No page they visit
// scrolls sideways, and the public portal keeps its navigation and language switch.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tinyPng } from '../support/png.mjs';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { screenshot, signInToLanding } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const PHONE = { width: 375, height: 812 };
const HERE = { latitude: 33.2901, longitude: 113.5203, accuracy: 15 };
const PLACE = '舞钢市垭口工业园 3 号采区';
const SITE = '现场核查：开采范围与采矿许可证一致，边坡已按方案修整。';

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
    const { myVisits } = await suite.api(
      '{ myVisits(first: 100) { totalCount edges { node { entityName status inspectionId } } } }',
      {},
      await suite.apiToken(username),
    );
    const visit = myVisits.edges.map((e) => e.node).find((v) => v.inspectionId === null);
    if (visit) return { username, visit, total: myVisits.totalCount };
  }
  throw new Error('no inspector of 舞钢 has an unopened visit in the demo');
}

describe('the field inspector on a phone', () => {
  test('lands on 我的检查 with the draw’s visits, opens one with a tap; the menu is a drawer; nothing scrolls sideways', async () => {
    const { username, visit, total } = await inspectorWithUnopenedVisit();
    const page = await phonePage({ geolocation: HERE });
    await page.context().grantPermissions(['geolocation']);
    const token = await suite.apiToken(username);
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
      const recordId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());

      // No signal: the record and a photo are kept on the device.
      await page.context().setOffline(true);
      await page.getByTestId('record-place').fill(PLACE);
      await page.getByTestId('record-site-conditions').fill(SITE);
      await page.getByTestId('record-save').click();
      await page.getByText('已保存在本机，联网后自动上传').first().waitFor();
      await page.getByTestId('field-photo').click();
      // Asked once whether to record the position; the answer is remembered.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '同意记录位置' }).click();
      await (await chooser).setFiles({ name: '边坡.png', mimeType: 'image/png', buffer: tinyPng() });
      await page.waitForFunction(() => document.querySelector('[data-testid="pending-uploads"]')?.getAttribute('data-count') === '2');
      assert.equal(await page.getByTestId('pending-count').innerText(), '待上传 2 项');
      await page.getByTestId('offline-banner').waitFor();
      await assertNoSidewaysScroll(page, '检查记录（无网络）');
      await screenshot(page, 'field-04-offline-queue');

      // Still no signal: the record page opens again from the device (app shell and last reads), the queue still there.
      await page.reload();
      await page.getByTestId('record-form').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="pending-uploads"]')?.getAttribute('data-count') === '2');

      // The connection returns: the queue empties by itself, and the record arrives once, with the photo's time and position.
      await page.context().setOffline(false);
      await page.waitForFunction(() => !document.querySelector('[data-testid="pending-uploads"]'), null, { timeout: 45_000 });
      const { node } = await suite.api(
        `query($id: ID!) { node(id: $id) { ... on Inspection { place siteConditions evidence { fileName contentType takenAt latitude longitude } } } }`,
        { id: recordId },
        token,
      );
      assert.equal(node.place, PLACE);
      assert.equal(node.siteConditions, SITE);
      assert.equal(node.evidence.length, 1, 'one photo');
      const [photo] = node.evidence;
      assert.equal(photo.contentType, 'image/jpeg', 'resized on the device to JPEG');
      assert.ok(Date.now() - Date.parse(photo.takenAt) < 5 * 60_000, 'the time it was taken');
      assert.deepEqual([photo.latitude, photo.longitude], [HERE.latitude, HERE.longitude]);
      // Shown on the record.
      const shown = page.getByTestId('evidence-field').first();
      await shown.waitFor();
      assert.equal(Number(await shown.getAttribute('data-latitude')), HERE.latitude);
      await assertNoSidewaysScroll(page, '检查记录（已上传）');
      await screenshot(page, 'field-05-uploaded');

      // The narrowest phones the shell is made for: 360 px.
      await page.setViewportSize({ width: 360, height: 740 });
      await assertNoSidewaysScroll(page, '检查记录 at 360 px');
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-drawer').getByTestId('nav-my-visits').click();
      await page.getByTestId('my-visit').first().waitFor();
      await assertNoSidewaysScroll(page, '我的检查 at 360 px');
    } finally {
      await page.context().close();
    }
  });

  test('the public portal keeps its navigation and language switch on a phone', async () => {
    const page = await phonePage();
    try {
      await page.goto('/public');
      await page.getByTestId('public-nav-home').waitFor();
      for (const id of ['public-nav-home', 'public-nav-credit', 'public-nav-verify', 'public-nav-signin'])
        assert.ok(await page.getByTestId(id).isVisible(), id);
      assert.ok(await page.getByRole('radiogroup', { name: '语言' }).or(page.getByLabel('语言')).first().isVisible());
      await assertNoSidewaysScroll(page, '公示查询');
    } finally {
      await page.context().close();
    }
  });
});
