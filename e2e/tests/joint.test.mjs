// 联合抽查 in a real browser against the real server: 舞钢's office plans a joint task led by its
// 土地利用股 and invites 平顶山's 执法监察支队; 平顶山's department head finds the invitation, accepts it
// and names the department's items and inspectors; 舞钢 sees the answer. 平顶山 also sees what was
// drawn for it in the demo's joint task, and opens its own part of a record, whose page shows every part.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, fillDate, menuLabels, screenshot } from '../support/ui.mjs';

const TITLE = '舞钢市、平顶山市2027年联合专项检查（浏览器测试）';
const PARTNER = '平顶山市自然资源和规划局 · 执法监察支队';
const DEMO_JOINT = '舞钢市、平顶山市自然资源领域2026年联合随机抽查';

const suite = useServerAndBrowser();
const { withSignedIn } = suite;

/** Opens a multiple select and picks its first `count` options with the keyboard. */
async function pickFirst(page, select, count) {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option').first().waitFor();
  for (let i = 0; i < count; i += 1) await dropdown.locator('.ant-select-item-option').nth(i).click();
  await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'detached' });
}

describe('joint inspections', () => {
  let taskPath;

  test('舞钢 plans a joint task and invites 平顶山’s 执法监察支队', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await page.goto('/tasks/new');
      const form = page.getByTestId('task-form');
      await form.waitFor();
      await form.getByTestId('task-title').fill(TITLE);
      await form.getByTestId('task-purpose').fill('市县联动，对土地使用情况开展联合抽查');
      await form.getByTestId('task-procedure').fill('双方确定事项和人员 → 封存名单 → 见证、公开号码 → 摇号 → 联合检查');
      await form.getByTestId('task-divisionOfLabour').fill('舞钢市土地利用股牵头；平顶山市执法监察支队派员参加');
      // 舞钢 has no plan for 2027 yet: a joint 专项检查, with its reason.
      await form.getByTestId('task-kind').getByText('专项检查（计划外）').click();
      await form.getByTestId('task-reason').fill('平顶山市局部署市县联动联合检查');
      await fillDate(form.getByTestId('task-starts-on'), '2027-10-11');
      await fillDate(form.getByTestId('task-ends-on'), '2027-11-19');
      await choose(page, form.getByTestId('task-item'), '土地使用情况监督检查');
      await form.getByTestId('task-item-ratio').fill('0.10');
      await form.getByTestId('task-joint').click();
      await choose(page, form.getByTestId('task-lead-department'), '土地利用股');
      await form.getByTestId('task-submit').click();
      await page.getByTestId('task-page').waitFor();
      taskPath = new URL(page.url()).pathname;

      const card = page.getByTestId('participants-card');
      await page.getByTestId('participant-invite').click();
      const modal = page.getByTestId('invite-participant-form');
      await modal.waitFor();
      await choose(page, modal.getByTestId('invite-participant-department'), PARTNER);
      await modal.getByTestId('invite-participant-message').fill('请派员参加第二批市县联合抽查');
      await page.getByTestId('invite-participant-submit').click();
      await modal.waitFor({ state: 'detached' });
      const row = card.locator('[data-testid="participant-row"]', { hasText: '执法监察支队' });
      await assertText(row.getByTestId('participant-status'), '待答复');
      await screenshot(page, 'joint-01-invited');
    });
  });

  test('平顶山’s department head accepts and names the department’s items and inspectors', async () => {
    await withSignedIn('pingdingshan.head', async (page) => {
      assert.ok((await menuLabels(page)).includes('联合抽查邀请'));
      await page.getByRole('menuitem', { name: '联合抽查邀请' }).click();
      await page.waitForURL('**/joint-invitations');
      const row = page.locator(`[data-testid="invitation-row"][data-title="${TITLE}"]`);
      await assertText(row.getByTestId('invitation-status'), '待答复');
      await screenshot(page, 'joint-02-invitations');
      await row.getByTestId('invitation-link').click();

      await page.getByTestId('invitation-page').waitFor();
      await assertText(page.getByTestId('invitation-page'), '舞钢市自然资源和规划局');
      // Declining needs a reason, said as it is pressed.
      await page.getByTestId('invitation-decline').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '谢绝邀请请说明理由' }).waitFor();
      await page.getByTestId('invitation-note').fill('同意参加，派执法监察支队人员');
      await page.getByTestId('invitation-accept').click();
      await assertText(page.getByTestId('invitation-status'), '已接受');

      const part = page.getByTestId('invitation-part');
      await part.waitFor();
      await pickFirst(page, part.getByTestId('part-items'), 1);
      await pickFirst(page, part.getByTestId('part-inspectors'), 2);
      await part.getByTestId('part-save').click();
      await page.getByText('已保存本部门参加的事项和人员').waitFor();
      await screenshot(page, 'joint-03-accepted-part');

      // The demo's joint task has been drawn: the targets drawn for this department, with its inspectors.
      await page.getByTestId('back-link').click();
      await page.locator(`[data-testid="invitation-row"][data-title="${DEMO_JOINT}"]`).getByTestId('invitation-link').click();
      const drawn = page.getByTestId('invitation-drawn');
      await drawn.getByTestId('drawn-row').first().waitFor();
      await assertText(page.getByTestId('drawn-pager-summary'), '共');
      await screenshot(page, 'joint-04-drawn-for-partner');
    });
  });

  test('平顶山 opens its own part of a drawn target: the record page shows both departments’ parts', async () => {
    await withSignedIn('pingdingshan.head', async (page) => {
      await page.goto('/joint-invitations');
      await page.locator(`[data-testid="invitation-row"][data-title="${DEMO_JOINT}"]`).getByTestId('invitation-link').click();
      const drawn = page.getByTestId('invitation-drawn');
      await drawn.getByTestId('drawn-row').first().getByTestId('joint-record-open').click();
      await page.getByTestId('inspection-page').waitFor();
      const card = page.getByTestId('joint-parts-card');
      const lead = card.locator('[data-testid="joint-part-row"][data-department="土地利用股"]');
      const own = card.locator('[data-testid="joint-part-row"][data-department="执法监察支队"]');
      await assertText(lead, '舞钢市自然资源和规划局');
      await assertText(lead, '牵头');
      await assertText(lead.getByTestId('joint-part-status'), '尚未建立记录');
      await assertText(own, '本记录');
      await assertText(own.getByTestId('joint-part-status'), '草稿');
      await screenshot(page, 'joint-06-record-parts');
    });
  });

  test('平顶山’s inspector finds the joint task’s visits in 我的检查 and opens their own part', async () => {
    // An inspector of 平顶山 whom the demo's joint draw put on a team (each team has one of each bureau).
    let username;
    for (const candidate of ['pingdingshan.inspector01', 'pingdingshan.inspector02', 'pingdingshan.inspector03', 'pingdingshan.inspector04']) {
      const data = await suite.api('{ myVisits(first: 100) { edges { node { participationId } } } }', {}, await suite.apiToken(candidate));
      if (data.myVisits.edges.some((e) => e.node.participationId)) {
        username = candidate;
        break;
      }
    }
    assert.ok(username, 'an inspector of 平顶山 on the demo joint draw');
    await withSignedIn(username, async (page) => {
      await page.getByTestId('nav-my-visits').click();
      await page.getByTestId('my-visits-page').waitFor();
      const visit = page.getByTestId('my-visit').filter({ hasText: '联合抽查' }).filter({ hasText: DEMO_JOINT }).first();
      await visit.waitFor();
      await screenshot(page, 'joint-07-partner-visits');
      await visit.getByTestId('my-visit-open').click();
      await page.getByTestId('inspection-page').waitFor();
      const own = page.getByTestId('joint-parts-card').locator('[data-testid="joint-part-row"][data-department="执法监察支队"]');
      await assertText(own, '本记录');
    });
  });

  test('舞钢 sees the acceptance with the partner’s items and inspectors', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await page.goto(taskPath);
      const row = page.getByTestId('participants-card').locator('[data-testid="participant-row"]', { hasText: '执法监察支队' });
      await assertText(row.getByTestId('participant-status'), '已接受');
      await assertText(row, '同意参加');
      await assertText(row, '2 人');
      await screenshot(page, 'joint-05-lead-sees-acceptance');
    });
  });
});
