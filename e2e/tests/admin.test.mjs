// Bureaus and people, in a real browser against the real server: the platform operator onboards a
// county bureau, its administrator sets a password with the one-time code and builds a department
// and invites an inspector, who sets a password and signs in; other roles see only their menus.
// The tests run in order and hand codes on to each other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, confirmPopover, fieldError, menuLabels, readOneTimeCode, redeem, screenshot, signIn, signInWithSession } from '../support/ui.mjs';

const BUREAU = '叶县自然资源局';
const PARENT = '平顶山市自然资源和规划局';
const ADMIN = 'yexian.admin';
const ADMIN_PASSWORD = 'Ye-county-admin-2026';
const DEPARTMENT = '执法监察股';
const INSPECTOR = 'yexian.inspector01';
const INSPECTOR_NAME = '李执法';
const INSPECTOR_PASSWORD = 'Inspect-Ye-2026';
const LEADER = 'yexian.leader';

const suite = useServerAndBrowser();
const { withPage } = suite;
/** Handed from one test to the next. */
const codes = {};

describe('bureaus and people', () => {
  test('platform.admin onboards 叶县自然资源局 under 平顶山市自然资源和规划局 and reads the one-time code', async () => {
    await withPage(async (page) => {
      await signInWithSession(page, 'platform.admin', DEMO_PASSWORD);
      assert.deepEqual(await menuLabels(page), ['我的账号', '单位管理', '角色审批', '单位设置']);
      await page.getByRole('menuitem', { name: '单位管理' }).click();
      await page.waitForURL('**/tenants');
      const table = page.getByTestId('tenants-card');
      await table.locator(`tr[data-name="${PARENT}"]`).waitFor();
      await assertText(page.getByTestId('tenants-pager-summary'), '共 6 条');
      await screenshot(page, 'admin-01-tenants');

      await page.getByTestId('tenant-onboard').click();
      const form = page.getByTestId('onboard-form');
      await form.waitFor();
      await form.getByText('县级单位（局）', { exact: true }).click();
      await choose(page, form.getByTestId('region-select-0'), '河南省');
      await choose(page, form.getByTestId('region-select-1'), '平顶山市');
      await choose(page, form.getByTestId('region-select-2'), '叶县');
      // The nearest visible unit above 叶县 is suggested as the parent.
      await assertText(form.getByTestId('onboard-parent'), PARENT);
      await choose(page, form.getByTestId('onboard-parent'), PARENT);
      await form.getByTestId('onboard-name').fill(BUREAU);
      // The username is checked as it is typed, with the shared rule.
      await form.getByTestId('onboard-admin-username').fill('Ye Xian');
      await fieldError(form, '用户名须为 3–40 位小写字母').waitFor();
      await form.getByTestId('onboard-admin-username').fill(ADMIN);
      await form.getByTestId('onboard-admin-display-name').fill('叶县管理员');
      await screenshot(page, 'admin-02-onboard-form');

      await page.getByTestId('onboard-submit').click();
      codes.admin = await readOneTimeCode(page, 'admin-03-onboard-code');
      assert.equal(await page.getByTestId('one-time-code').count(), 0, 'the code is gone once the modal closes');

      const row = table.locator(`tr[data-name="${BUREAU}"]`);
      await row.waitFor();
      await assertText(row, '叶县');
      await assertText(row, '410422');
      await assertText(row, PARENT);
      await assertText(row, '正常');
      await assertText(page.getByTestId('tenants-pager-summary'), '共 7 条');
      await screenshot(page, 'admin-04-tenant-listed');
    });
  });

  test('on /redeem the code sets the administrator’s password, once; then the administrator signs in', async () => {
    assert.ok(codes.admin, 'the onboarding test produced a code');
    await withPage(async (page) => {
      await page.goto('/login');
      await page.getByRole('link', { name: '有邀请码？设置密码' }).click();
      await page.waitForURL('**/redeem');
      await page.getByLabel('邀请码').fill(codes.admin);
      // The password rule is applied as it is typed.
      await page.getByLabel('新密码').fill('short');
      await fieldError(page, '至少 10 个字符').waitFor();
      await page.getByLabel('新密码').fill(ADMIN_PASSWORD);
      await page.getByLabel('确认密码').fill(`${ADMIN_PASSWORD}x`);
      await fieldError(page, '两次输入的密码不一致').waitFor();
      await page.getByLabel('确认密码').fill(ADMIN_PASSWORD);
      await screenshot(page, 'admin-05-redeem-form');
      await page.getByRole('button', { name: '设置密码' }).click();

      const success = page.getByTestId('redeem-success');
      await success.waitFor();
      await assertText(success.getByTestId('redeem-username'), ADMIN);
      await assertText(success.getByTestId('redeem-tenant'), BUREAU);
      await screenshot(page, 'admin-06-redeem-done');

      // 去登录 opens the sign-in page with the username filled in.
      await page.getByTestId('redeem-go-login').click();
      await page.waitForURL('**/login?username=yexian.admin');
      assert.equal(await page.getByLabel('用户名').inputValue(), ADMIN);
      await page.getByLabel('密码').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      // A bureau's staff land on 工作台; 我的账号 is one click away.
      await page.waitForURL('**/workbench');
      await page.getByTestId('workbench-page').waitFor();
      await page.getByTestId('nav-me').click();
      await page.getByTestId('me-card').waitFor();
      await assertText(page.getByTestId('me-tenant'), BUREAU);
      await assertText(page.getByTestId('me-roles'), '领导小组办公室');
      assert.deepEqual(await menuLabels(page), [
        '工作台',
        '我的账号',
        '事项清单',
        '检查对象名录',
        '执法检查人员名录',
        '抽查细则',
        '信用惩戒名单',
        '年度计划',
        '抽查任务',
        '检查记录',
        '联合抽查邀请',
        '移送案件',
        '数据导入',
        '工作日调整',
        '统计看板',
        '部门与人员',
        '单位设置',
        '审计留痕',
      ]);
      await screenshot(page, 'admin-07-admin-signed-in');
    });

    // The code is spent: using it again is refused with the server's message.
    await withPage(async (page) => {
      await redeem(page, codes.admin, 'Another-password-2026');
      const alert = page.getByTestId('redeem-error');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('data-code'), 'CONFLICT');
      await assertText(alert, '邀请码已使用');
      await screenshot(page, 'admin-08-redeem-spent-code');
    });
  });

  test('the new administrator creates a department and invites an inspector', async () => {
    await withPage(async (page) => {
      await signIn(page, ADMIN, ADMIN_PASSWORD);
      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      await page.waitForURL('**/people');
      const departments = page.getByTestId('departments-card');
      await departments.locator('tr[data-name="领导小组办公室"]').waitFor();

      await departments.getByTestId('department-new').click();
      await page.getByTestId('department-form').waitFor();
      await page.getByTestId('department-name').fill(DEPARTMENT);
      await page.getByTestId('department-submit').click();
      await departments.locator(`tr[data-name="${DEPARTMENT}"]`).waitFor();
      await page.getByTestId('department-form').waitFor({ state: 'detached' });

      // The same name again: the server's CONFLICT message shows in the form.
      await departments.getByTestId('department-new').click();
      await page.getByTestId('department-name').fill(DEPARTMENT);
      await page.getByTestId('department-submit').click();
      const conflict = page.getByTestId('department-error');
      await conflict.waitFor();
      assert.equal(await conflict.getAttribute('data-code'), 'CONFLICT');
      await assertText(conflict, `已有名为“${DEPARTMENT}”的部门`);
      await screenshot(page, 'admin-09-department-conflict');
      await page.getByRole('button', { name: '取消' }).click();
      await page.getByTestId('department-form').waitFor({ state: 'detached' });
      await assertText(page.getByTestId('departments-pager-summary'), '共 2 条');

      const users = page.getByTestId('users-card');
      await users.getByTestId('user-invite').click();
      const form = page.getByTestId('invite-form');
      await form.waitFor();
      // Only the roles a bureau office may hand out are offered.
      const roleLabels = (await form.getByTestId('invite-roles').locator('label').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(roleLabels, ['领导小组办公室', '分管领导', '纪检监督', '检查部门负责人', '执法检查人员']);
      // Roles that check each other cannot be combined: choosing the office disables the leader and the supervisor, and says why.
      await form.getByRole('checkbox', { name: '领导小组办公室' }).check();
      assert.equal(await form.getByRole('checkbox', { name: '分管领导' }).isDisabled(), true);
      assert.equal(await form.getByRole('checkbox', { name: '纪检监督' }).isDisabled(), true);
      assert.equal(await form.getByRole('checkbox', { name: '检查部门负责人' }).isDisabled(), false);
      await assertText(form.getByTestId('invite-roles-excluded'), '分管领导：不能与领导小组办公室兼任');
      await assertText(form.getByTestId('invite-roles-approval-hint'), '审批后生效');
      await screenshot(page, 'admin-10a-invite-exclusive-roles');
      await form.getByRole('checkbox', { name: '领导小组办公室' }).uncheck();
      assert.equal(await form.getByRole('checkbox', { name: '分管领导' }).isDisabled(), false);
      await form.getByTestId('invite-username').fill(INSPECTOR);
      await form.getByTestId('invite-display-name').fill(INSPECTOR_NAME);
      await choose(page, form.getByTestId('invite-department'), DEPARTMENT);
      await form.getByRole('checkbox', { name: '执法检查人员' }).check();
      await screenshot(page, 'admin-10-invite-form');
      await page.getByTestId('invite-submit').click();
      codes.inspector = await readOneTimeCode(page, 'admin-11-invite-code');

      const row = users.locator(`tr[data-username="${INSPECTOR}"]`);
      await row.waitFor();
      await assertText(row, INSPECTOR_NAME);
      await assertText(row, '执法检查人员');
      await assertText(row, DEPARTMENT);
      await assertText(row.getByTestId('user-status'), '待激活');
      await screenshot(page, 'admin-12-people');
    });
  });

  test('the inspector sets a password, signs in and sees 叶县自然资源局 on the me page', async () => {
    assert.ok(codes.inspector, 'the invitation test produced a code');
    await withPage(async (page) => {
      await redeem(page, codes.inspector, INSPECTOR_PASSWORD);
      await page.getByTestId('redeem-success').waitFor();
      await assertText(page.getByTestId('redeem-username'), INSPECTOR);
      await page.getByTestId('redeem-go-login').click();
      await page.waitForURL('**/login?username=*');
      await page.getByLabel('密码').fill(INSPECTOR_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      // An inspector lands on 我的检查.
      await page.waitForURL('**/my-visits');
      await page.getByTestId('my-visits-page').waitFor();
      await page.getByTestId('nav-me').click();

      const card = page.getByTestId('me-card');
      await card.waitFor();
      await assertText(card.getByTestId('me-tenant'), BUREAU);
      await assertText(card.getByTestId('me-username'), INSPECTOR);
      await assertText(card.getByTestId('me-display-name'), INSPECTOR_NAME);
      await assertText(card.getByTestId('me-roles'), '执法检查人员');
      await assertText(card.getByTestId('me-department'), DEPARTMENT);
      assert.deepEqual(await menuLabels(page), [
        '我的检查',
        '工作台',
        '我的账号',
        '事项清单',
        '检查对象名录',
        '执法检查人员名录',
        '抽查细则',
        '信用惩戒名单',
        '年度计划',
        '抽查任务',
        '检查记录',
        '工作日调整',
        '统计看板',
      ]);
      // This device is listed as current (no 下线 on it), and the sign-in is in the history.
      const current = page.getByTestId('sessions-card').locator('[data-testid="session-row"][data-current="true"]');
      await current.waitFor();
      assert.equal(await current.getByTestId('session-revoke').count(), 0);
      await assertText(page.getByTestId('sign-in-history-card'), '登录成功');
      await screenshot(page, 'admin-13-inspector-me');
    });
  });

  test('the office proposes a leader, who holds the role only once the operator approves (the bureau has no leader yet)', async () => {
    await withPage(async (page) => {
      await signIn(page, ADMIN, ADMIN_PASSWORD);
      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      const users = page.getByTestId('users-card');
      await users.getByTestId('user-invite').click();
      const form = page.getByTestId('invite-form');
      await form.getByTestId('invite-username').fill(LEADER);
      await form.getByTestId('invite-display-name').fill('叶县局分管领导');
      await form.getByRole('checkbox', { name: '分管领导' }).check();
      await page.getByTestId('invite-submit').click();
      await readOneTimeCode(page, 'admin-12a-leader-code');
      const row = users.locator(`tr[data-username="${LEADER}"]`);
      await assertText(row.getByTestId('user-pending-grant'), '待审批：分管领导');
      const grant = page.getByTestId('role-grants-card').locator(`tr[data-username="${LEADER}"]`);
      await assertText(grant.getByTestId('grant-status'), '待审批');
      assert.equal(await grant.getByTestId('grant-approve').count(), 0, 'the proposer does not approve');
      // Nobody edits their own roles: the boxes are locked on one's own account.
      await users.locator(`tr[data-username="${ADMIN}"]`).getByTestId('user-edit').click();
      await assertText(page.getByTestId('edit-user-roles-locked'), '不能更改自己的角色');
      assert.equal(await page.getByTestId('edit-user-form').getByRole('checkbox', { name: '领导小组办公室' }).isDisabled(), true);
      await screenshot(page, 'admin-12b-pending-grant');
      await page.getByRole('button', { name: '取消' }).click();
    });
    await withPage(async (page) => {
      await signInWithSession(page, 'platform.admin', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '角色审批' }).click();
      await page.waitForURL('**/role-grants');
      const grant = page.getByTestId('role-grants-card').locator(`tr[data-username="${LEADER}"]`);
      await assertText(grant, BUREAU);
      await screenshot(page, 'admin-12c-operator-grants');
      await grant.getByTestId('grant-approve').click();
      await confirmPopover(page);
      // Decided, it leaves the operator's list: the bureau now has a leader of its own to decide the next ones.
      await grant.waitFor({ state: 'detached' });
    });
    await withPage(async (page) => {
      await signIn(page, ADMIN, ADMIN_PASSWORD);
      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      const row = page.getByTestId('users-card').locator(`tr[data-username="${LEADER}"]`);
      await assertText(row, '分管领导');
      assert.equal(await row.getByTestId('user-pending-grant').count(), 0);
      await page.getByTestId('role-grants-filter').getByText('全部').click();
      const grant = page.getByTestId('role-grants-card').locator(`tr[data-username="${LEADER}"]`);
      await assertText(grant.getByTestId('grant-status'), '已批准');
      await assertText(grant, 'platform.admin');
      await screenshot(page, 'admin-12d-grant-approved');
    });
  });

  test('changde.admin sees no 单位管理 menu and is sent back from /tenants', async () => {
    await withPage(async (page) => {
      await signInWithSession(page, 'changde.admin', DEMO_PASSWORD);
      const labels = await menuLabels(page);
      assert.deepEqual(labels, [
        '工作台',
        '我的账号',
        '事项清单',
        '检查对象名录',
        '执法检查人员名录',
        '抽查细则',
        '信用惩戒名单',
        '年度计划',
        '抽查任务',
        '检查记录',
        '联合抽查邀请',
        '移送案件',
        '数据导入',
        '工作日调整',
        '统计看板',
        '部门与人员',
        '单位设置',
        '审计留痕',
      ]);
      assert.equal(await page.getByRole('menuitem', { name: '单位管理' }).count(), 0);
      await screenshot(page, 'admin-14-changde-menu');

      // A page the bureau may not open is answered like an unknown address: the 404 page, not another page.
      await page.goto('/tenants');
      await page.getByTestId('not-found-page').waitFor();
      assert.equal(new URL(page.url()).pathname, '/tenants');
      assert.equal(await page.getByTestId('tenants-card').count(), 0);
    });
  });

  test('hunan.viewer sees the units below the province read-only (下级单位)', async () => {
    await withPage(async (page) => {
      await signInWithSession(page, 'hunan.viewer', DEMO_PASSWORD);
      assert.deepEqual(await menuLabels(page), ['我的账号', '全省统计', '细则范围', '下级单位']);
      await page.getByRole('menuitem', { name: '下级单位' }).click();
      const card = page.getByTestId('tenants-card');
      await card.locator('tr[data-name="常德市自然资源和规划局"]').waitFor();
      assert.equal(await card.locator(`tr[data-name="${BUREAU}"]`).count(), 0, 'a Henan bureau is not below Hunan');
      assert.equal(await page.getByTestId('tenant-onboard').count(), 0);
      assert.equal(await page.getByTestId('tenant-toggle-status').count(), 0);
      await screenshot(page, 'admin-15-provincial-viewer');
    });
  });
});
