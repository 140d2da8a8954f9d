// The seeds' fields and the leader's approval (实施细则第六、七条) in a real browser: 常德's office adds an
// item with its 检查内容 and submits the list; it is not public until the leader approves it; the office
// adds a natural person by ID number, shown masked everywhere after.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, screenshot } from '../support/ui.mjs';

const { completeIdNumber } = createRequire(path.join(REPO_ROOT, 'server', 'package.json'))('@spotcheck/shared');

const CHANGDE = '常德市自然资源和规划局';
const ITEM = '地质灾害防治单位资质监督检查（浏览器测试）';
const CONTENT = '资质证书的取得和使用，是否超越资质等级承揽地质灾害防治项目';

const suite = useServerAndBrowser();
const { signedIn } = suite;

describe('the seeds’ fields and the leader’s approval', () => {
  test('an item with 检查内容 is published only once the leader approves the submitted list', async () => {
    const office = await signedIn('changde.admin');
    const leader = await signedIn('changde.leader');
    try {
      await office.getByRole('menuitem', { name: '事项清单' }).click();
      await office.getByTestId('item-row').first().waitFor();
      assert.equal(await office.getByTestId('item-publish').count(), 0, 'the office publishes nothing by itself');
      await office.getByTestId('item-new').click();
      const form = office.getByTestId('item-form');
      await form.waitFor();
      await form.getByTestId('item-name').fill(ITEM);
      await form.getByTestId('item-legal-basis').fill('《地质灾害防治条例》第二十四条');
      await form.getByTestId('item-content').fill(CONTENT);
      await form.getByTestId('item-target-type').fill('地质灾害防治单位');
      await form.getByTestId('item-min-ratio').fill('0.05');
      await form.getByTestId('item-methods').click();
      const dropdown = office.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await dropdown.locator('.ant-select-item-option[title="实地核查"]').click();
      await form.getByTestId('item-name').click();
      await dropdown.waitFor({ state: 'detached' });
      await screenshot(office, 'seed-fields-01-item-form');
      await office.getByTestId('item-form-submit').click();
      const row = office.locator(`[data-testid="item-row"][data-name="${ITEM}"]`);
      await row.waitFor();
      await assertText(row.getByTestId('item-content-cell'), CONTENT);
      await row.getByTestId('item-pending-approval').waitFor();

      const panel = office.getByTestId('list-publication-ITEMS');
      assert.equal(await panel.getByTestId('list-publication-approve').count(), 0, 'the office does not approve');
      await panel.getByTestId('list-publication-submit').click();
      await office.getByTestId('list-publication-modal-reason').fill('新增地质灾害防治资质事项');
      await office.getByTestId('list-publication-modal-ok').click();
      await office.locator('[data-testid="list-publication-ITEMS"][data-status="SUBMITTED"]').waitFor();
      await assertText(panel.getByTestId('list-publication-status'), ITEM);
      await screenshot(office, 'seed-fields-02-submitted');

      // Not public yet.
      const portal = await suite.newPage();
      await portal.goto('/public');
      await portal.locator(`[data-testid="public-bureau-row"][data-name="${CHANGDE}"]`).getByTestId('public-bureau-link').click();
      await portal.getByTestId('public-tab-items').click();
      await portal.getByTestId('public-item-row').first().waitFor();
      assert.equal(await portal.locator(`[data-testid="public-item-row"][data-name="${ITEM}"]`).count(), 0);

      await leader.getByRole('menuitem', { name: '事项清单' }).click();
      const review = leader.locator('[data-testid="list-publication-ITEMS"][data-status="SUBMITTED"]');
      await review.waitFor();
      assert.equal(await review.getByTestId('list-publication-submit').count(), 0, 'the leader does not submit');
      await review.getByTestId('list-publication-approve').click();
      await leader.getByTestId('list-publication-modal-reason').fill('局长办公会 2026 年第 5 次会议审议通过');
      await leader.getByTestId('list-publication-modal-ok').click();
      await leader.locator('[data-testid="list-publication-ITEMS"][data-status="APPROVED"]').waitFor();
      await screenshot(leader, 'seed-fields-03-approved');

      await portal.reload();
      await portal.getByTestId('public-tab-items').click();
      const published = portal.locator(`[data-testid="public-item-row"][data-name="${ITEM}"]`);
      await published.waitFor();
      await assertText(published, CONTENT);
      await assertText(portal.locator('[data-testid="public-list-publication"][data-kind="ITEMS"]').first(), 'changde.leader');
      await screenshot(portal, 'seed-fields-04-portal');
      await portal.context().close();
    } finally {
      await office.context().close();
      await leader.context().close();
    }
  });

  test('a natural person is added by ID number and shown masked', async () => {
    const office = await signedIn('changde.admin');
    const id = completeIdNumber('43070219881212301');
    const masked = `4307**********${id.slice(-4)}`;
    try {
      await office.getByRole('menuitem', { name: '检查对象名录' }).click();
      await office.getByTestId('entity-row').first().waitFor();
      await office.getByTestId('list-publication-ENTITIES').waitFor();
      await office.getByTestId('entity-new').click();
      const form = office.getByTestId('entity-form');
      await form.waitFor();
      await form.getByTestId('entity-kind').getByText('自然人').click();
      await form.getByTestId('entity-name').fill('周浏览器');
      await form.getByTestId('entity-id-number').fill(`${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`);
      await assertText(form, '身份证号校验码不符');
      await form.getByTestId('entity-id-number').fill(id);
      await choose(office, form.getByTestId('entity-region'), '武陵区（430702）');
      await form.getByTestId('entity-address').fill('武陵区浏览器路 1 号');
      assert.equal(await form.getByTestId('entity-registrationAuthority').count(), 0, 'a person has no 登记机关');
      await screenshot(office, 'seed-fields-05-person-form');
      await form.getByTestId('entity-submit').click();
      await office.getByTestId('entity-page').waitFor();
      await assertText(office.getByTestId('entity-id-number-masked'), masked);
      assert.equal((await office.content()).includes(id), false, 'the number itself is shown nowhere');

      await office.getByRole('menuitem', { name: '检查对象名录' }).click();
      await office.getByTestId('entities-search').locator('input').fill(id);
      await office.getByTestId('entities-search').locator('input').press('Enter');
      await assertText(office.getByTestId('entity-row').first().getByTestId('entity-identifier'), masked);
      assert.equal(await office.getByTestId('entity-row').count(), 1);
      // A directory may hold a million entries: the page number only, the total on request.
      await assertText(office.getByTestId('entities-pager-summary'), '第 1 页');
      await office.getByTestId('entities-pager-count').click();
      await assertText(office.getByTestId('entities-pager-summary'), '共 1 条');
      await screenshot(office, 'seed-fields-06-person-listed');
    } finally {
      await office.context().close();
    }
  });
});
