// Self-service on 我的账号 (登录记录 paging, 登录设备 下线, 修改密码), the office's per-person actions
// (编辑, 重置密码, 停用/启用) and 单位设置, and the platform operator suspending and resuming a bureau,
// in a real browser against the real server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, confirmPopover, fieldError, readOneTimeCode, redeem, screenshot, signInWithSession } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { withPage } = suite;

/** A GraphQL request outside the browser (to sign in elsewhere, as another device would). */
async function graphql(query, variables = {}, token) {
  const response = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function apiLogin(username, password) {
  const body = await graphql('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
  return body.data?.login.token ?? null;
}

describe('account self-service and management actions', () => {
  test('我的账号: sign-in history pages, another device is signed out, and the password is changed', async () => {
    const user = 'changde.leader';
    // Ten sign-ins on "other devices" and one wrong password, before the browser's own sign-in.
    const otherTokens = [];
    for (let i = 0; i < 10; i += 1) otherTokens.push(await apiLogin(user, DEMO_PASSWORD));
    assert.equal(await apiLogin(user, 'not-the-password'), null);

    await withPage(async (page) => {
      await signInWithSession(page, user, DEMO_PASSWORD);
      const history = page.getByTestId('sign-in-history-card');
      await assertText(page.getByTestId('sign-in-history-pager-summary'), '共 12 条 · 第 1 / 2 页');
      await assertText(history, '密码错误');
      await assertText(history, '登录成功');
      await page.getByTestId('sign-in-history-pager-next').click();
      await assertText(page.getByTestId('sign-in-history-pager-summary'), '第 2 / 2 页');
      assert.equal(await history.locator('tbody tr.ant-table-row').count(), 2);
      await page.getByTestId('sign-in-history-pager-prev').click();
      await assertText(page.getByTestId('sign-in-history-pager-summary'), '第 1 / 2 页');

      // 下线 another device: its row goes, and its token stops working.
      const sessions = page.getByTestId('sessions-card');
      const other = sessions.locator('[data-testid="session-row"][data-current="false"]').first();
      const otherId = await other.getAttribute('data-id');
      await other.getByTestId('session-revoke').click();
      await confirmPopover(page);
      await sessions.locator(`[data-id="${otherId}"]`).waitFor({ state: 'detached' });
      await screenshot(page, 'actions-01-account');

      // 修改密码: a wrong current password lands on its field; the new one is checked as it is typed.
      const card = page.getByTestId('change-password-card');
      await card.getByTestId('current-password').fill('not-the-password');
      await card.getByTestId('new-password').fill('changde.leader-2026');
      await fieldError(card, '不能包含用户名').waitFor();
      await card.getByTestId('new-password').fill('Leader-renewed-2026');
      await card.getByTestId('confirm-password').fill('Leader-renewed-2026');
      await card.getByTestId('change-password-submit').click();
      await fieldError(card, '当前密码不正确').waitFor();
      assert.equal(await card.getByTestId('change-password-error').getAttribute('data-code'), 'BAD_USER_INPUT');
      await screenshot(page, 'actions-02-wrong-current-password');

      await card.getByTestId('current-password').fill(DEMO_PASSWORD);
      await card.getByTestId('change-password-submit').click();
      await page.getByText('密码已修改，其他设备上的登录已结束').waitFor();
      // Only this device is left.
      await sessions.locator('[data-testid="session-row"][data-current="false"]').first().waitFor({ state: 'detached' });
      assert.equal(await sessions.getByTestId('session-row').count(), 1);
      await screenshot(page, 'actions-03-password-changed');
    });

    for (const token of otherTokens) {
      const body = await graphql('{ me { username } }', {}, token);
      assert.equal(body.data?.me ?? null, null, 'the other devices are signed out');
    }
    assert.equal(await apiLogin(user, DEMO_PASSWORD), null, 'the old password no longer works');
    assert.ok(await apiLogin(user, 'Leader-renewed-2026'), 'the new password works');
  });

  test('the office edits a person, resets the password (the code works), deactivates and reactivates them, and saves the unit settings', async () => {
    const target = 'changde.inspector03';
    let code;
    await withPage(async (page) => {
      await signInWithSession(page, 'changde.admin', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      const row = page.getByTestId('users-card').locator(`tr[data-username="${target}"]`);
      await row.waitFor();

      await row.getByTestId('user-edit').click();
      const form = page.getByTestId('edit-user-form');
      await form.getByTestId('edit-user-display-name').fill('');
      await fieldError(form, '不能为空').waitFor();
      await form.getByTestId('edit-user-display-name').fill('张三检查');
      await page.getByTestId('edit-user-submit').click();
      await form.waitFor({ state: 'detached' });
      await assertText(row, '张三检查');

      await row.getByTestId('user-reset-password').click();
      await confirmPopover(page);
      code = await readOneTimeCode(page, 'actions-04-reset-code');

      await row.getByTestId('user-toggle-active').click();
      await confirmPopover(page);
      await assertText(row.getByTestId('user-status'), '已停用');
      assert.equal(await row.getByTestId('user-reset-password').count(), 0, 'no reset for a deactivated account');
      await screenshot(page, 'actions-05-deactivated');
      await row.getByTestId('user-toggle-active').click();
      await confirmPopover(page);
      await assertText(row.getByTestId('user-status'), '正常');

      await page.getByRole('menuitem', { name: '单位设置' }).click();
      await page.waitForURL('**/settings');
      await page.getByTestId('settings-contact').fill('0736-7220000 常德市武陵区');
      await page.getByTestId('settings-public-header').fill('常德市自然资源和规划局“双随机、一公开”抽查结果公示');
      await page.getByTestId('settings-submit').click();
      await page.getByText('单位设置已保存').waitFor();
      await page.reload();
      assert.equal(await page.getByTestId('settings-contact').inputValue(), '0736-7220000 常德市武陵区');
      await screenshot(page, 'actions-06-settings');
    });

    // The reset code sets a new password for the inspector, who then signs in with it.
    await withPage(async (page) => {
      await redeem(page, code, 'Inspector-three-2026');
      await assertText(page.getByTestId('redeem-username'), target);
      await page.getByTestId('redeem-go-login').click();
      await page.getByLabel('密码').fill('Inspector-three-2026');
      await page.getByRole('button', { name: '登录' }).click();
      // An inspector lands on 我的检查; 我的账号 is one click away.
      await page.waitForURL('**/my-visits');
      await page.getByTestId('nav-me').click();
      await assertText(page.getByTestId('me-display-name'), '张三检查');
    });
  });

  test('the platform operator suspends a bureau (its people cannot sign in) and resumes it', async () => {
    const bureau = '舞钢市自然资源和规划局';
    await withPage(async (operator) => {
      await signInWithSession(operator, 'platform.admin', DEMO_PASSWORD);
      await operator.getByRole('menuitem', { name: '单位管理' }).click();
      const row = operator.locator(`tr[data-name="${bureau}"]`);
      await row.getByTestId('tenant-toggle-status').click();
      await assertText(operator.locator('.ant-popconfirm:not(.ant-popover-hidden)'), '暂停后该单位无法登录');
      await confirmPopover(operator);
      await assertText(row.getByTestId('tenant-status'), '已暂停');
      await screenshot(operator, 'actions-07-suspended');

      await withPage(async (page) => {
        await page.goto('/login');
        await page.getByLabel('用户名').fill('wugang.admin');
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await assertText(page.getByTestId('login-error'), '所属单位已暂停使用');
        await screenshot(page, 'actions-08-suspended-sign-in');
      });

      await row.getByTestId('tenant-toggle-status').click();
      await confirmPopover(operator);
      await assertText(row.getByTestId('tenant-status'), '正常');
    });
    assert.ok(await apiLogin('wugang.admin', DEMO_PASSWORD), 'the resumed bureau signs in again');
  });
});
