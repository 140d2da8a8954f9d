// Signing in, a wrong password, and signing out, in a real browser against the real server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from '../support/ui.mjs';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';

const suite = useServerAndBrowser();

/** Opens the app, fills the sign-in form and presses 登录. */
async function signIn(page, username, password) {
  await page.goto('/');
  await page.waitForURL('**/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('sign-in', () => {
  test('signing in as changde.admin lands on 工作台; the me card shows the unit and the role label', async () => {
    const page = await suite.newPage();
    try {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      await screenshot(page, '01-login-page');

      // Required fields are checked in the browser before anything is sent.
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('请输入用户名').waitFor();
      await page.getByText('请输入密码').waitFor();
      await screenshot(page, '01b-login-required');

      await signIn(page, 'changde.admin', DEMO_PASSWORD);
      await page.waitForURL('**/workbench');
      await page.getByTestId('workbench-page').waitFor();
      await page.getByTestId('nav-me').click();
      const card = page.getByTestId('me-card');
      await card.waitFor();
      await page.waitForURL('**/me');
      await assertText(card.getByTestId('me-tenant'), '常德市自然资源和规划局');
      await assertText(card.getByTestId('me-roles'), '领导小组办公室');
      await assertText(card.getByTestId('me-username'), 'changde.admin');
      await screenshot(page, '02-me-page');
    } finally {
      await page.context().close();
    }
  });

  test('我的账号 sets which notifications also go out: in-app always, the development outbox per group', async () => {
    const page = await suite.newPage();
    try {
      await signIn(page, 'changde.leader', DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto('/me');
      const card = page.getByTestId('notification-preferences');
      await card.getByText('通知接收设置').waitFor();
      await card.getByText('检查记录流转（提交、退回、审核、审批、公示）').waitFor();
      await card.getByRole('columnheader', { name: '开发发件箱（仅记录在系统中，不真实发送）' }).waitFor();
      const record = card.getByTestId('notification-pref-RECORD-outbox');
      assert.equal(await record.getAttribute('aria-checked'), 'false');
      await record.click();
      await page.getByText('已保存通知接收设置').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="notification-pref-RECORD-outbox"]')?.getAttribute('aria-checked') === 'true');
      await screenshot(page, '01c-notification-preferences');
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[data-testid="notification-pref-RECORD-outbox"]')?.getAttribute('aria-checked') === 'true');
      assert.equal(await card.getByTestId('notification-pref-DEADLINE-outbox').getAttribute('aria-checked'), 'false');
    } finally {
      await page.context().close();
    }
  });

  test('each role lands on its work (the province on its dashboard, the operator on the units); an unknown address shows the 404 page', async () => {
    const page = await suite.newPage();
    try {
      await signIn(page, 'hunan.viewer', DEMO_PASSWORD);
      await page.waitForURL('**/province');
      await page.getByTestId('provincial-card').waitFor();

      await page.goto('/no-such-page');
      const notFound = page.getByTestId('not-found-page');
      await notFound.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/no-such-page', 'the address stays: nothing silently replaces it');
      assert.equal(await page.getByTestId('me-card').count(), 0);
      await screenshot(page, '03b-not-found');
      await notFound.getByTestId('not-found-home').click();
      await page.waitForURL('**/province');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL('**/login');

      await signIn(page, 'platform.admin', DEMO_PASSWORD);
      await page.waitForURL('**/tenants');
      await page.getByTestId('tenants-card').waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('a wrong password shows an error and stays on the sign-in page', async () => {
    const page = await suite.newPage();
    try {
      await signIn(page, 'changde.leader', 'not-the-password');
      const alert = page.getByTestId('login-error');
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      assert.ok(text.length > 0, 'the error alert has a message');
      assert.match(new URL(page.url()).pathname, /^\/login$/);
      assert.equal(await page.getByTestId('me-card').count(), 0);
      await screenshot(page, '03-wrong-password');
    } finally {
      await page.context().close();
    }
  });

  test('signing out returns to the sign-in page', async () => {
    const page = await suite.newPage();
    try {
      await signIn(page, 'changde.admin', DEMO_PASSWORD);
      await page.getByTestId('workbench-page').waitFor();
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL('**/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      assert.equal(await page.getByTestId('me-card').count(), 0);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('spotcheck.session')), null);
      await screenshot(page, '04-signed-out');

      // The ended session stays ended: reloading does not bring the me page back.
      await page.reload();
      await page.waitForURL('**/login');
      assert.equal(await page.getByTestId('me-card').count(), 0);
    } finally {
      await page.context().close();
    }
  });

  test('an access token the server no longer accepts is refreshed once, then the me card shows', async () => {
    const page = await suite.newPage();
    try {
      await signIn(page, 'changde.admin', DEMO_PASSWORD);
      await page.getByTestId('workbench-page').waitFor();
      await page.getByTestId('nav-me').click();
      await page.getByTestId('me-card').waitFor();
      const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('spotcheck.session')));
      // Spoil the access token but keep the refresh token, then reload.
      await page.evaluate((s) => sessionStorage.setItem('spotcheck.session', JSON.stringify({ ...s, token: 'spoiled' })), before);
      await page.reload();
      await assertText(page.getByTestId('me-username'), 'changde.admin');
      const afterRefresh = await page.evaluate(() => JSON.parse(sessionStorage.getItem('spotcheck.session')));
      assert.notEqual(afterRefresh.token, 'spoiled');
      assert.notEqual(afterRefresh.refreshToken, before.refreshToken, 'the refresh token was rotated');

      // With both tokens spoiled the app goes back to the sign-in page.
      await page.evaluate(() => sessionStorage.setItem('spotcheck.session', JSON.stringify({ token: 'x', refreshToken: 'y', expiresAt: 0 })));
      await page.reload();
      await page.waitForURL('**/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('spotcheck.session')), null);
    } finally {
      await page.context().close();
    }
  });
});

async function assertText(locator, expected) {
  await locator.waitFor();
  const text = await locator.innerText();
  assert.ok(text.includes(expected), `expected "${expected}" in "${text}"`);
}
