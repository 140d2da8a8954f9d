// 检查记录 in a real browser against the real server, on 舞钢's 2023 draw: a team member opens the record
// of a drawn target without one, fills it in, uploads a photo (and is told in Chinese that a text file
// and a file over the size limit are refused), sees its thumbnail and preview; the entity objects with
// its access code and the team answers and re-checks; both members confirm and one submits; the department
// head cannot return it without a comment and passes it; the leader approves; the office verifies the
// evidence and publishes; the result is then on the public portal. 平顶山 opens its own record of a
// target the demo's joint task gave it.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { tinyPng as png } from '../support/png.mjs';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { approveChangingDeadline, transition } from '../support/record-page.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, fieldError, menuLabels, screenshot, signInWithSession } from '../support/ui.mjs';

const TASK_STARTS_ON = '2023-06-05';
// Inside the 2023 task's window (06-05 – 11-24) and after its draw (06-05): due three working days later, long past.
const INSPECTED_ON = '2023-07-03';
const DEMO_JOINT = '舞钢市、平顶山市自然资源领域2026年联合随机抽查';

// A 2 MB evidence limit (20 MB by default): the oversized file below need not push 21 MB through the browser.
const suite = useServerAndBrowser({ env: { EVIDENCE_MAX_FILE_MB: '2' } });

/** Like the suite's `withSignedIn`, but leaves a screenshot of the page where it failed. */
function withSignedIn(username, body) {
  return suite.withPage(async (page) => {
    try {
      await signInWithSession(page, username, DEMO_PASSWORD);
      await body(page);
    } catch (error) {
      await screenshot(page, `records-failed-${username}`).catch(() => {});
      throw error;
    }
  });
}

const graphql = (query, variables, token) => suite.api(query, variables, token);

/**
 * Which target to use and who plays each part, read from the demo as the office sees it: the first drawn
 * target of the 2023 draw that has no record yet and whose items belong to one department with a head.
 */
async function findAssignment() {
  const { login } = await graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: 'wugang.admin',
    p: DEMO_PASSWORD,
  });
  const { tasks } = await graphql('{ tasks(first: 50) { edges { node { id startsOn draw { id } } } } }', {}, login.token);
  const task = tasks.edges.map((e) => e.node).find((t) => t.startsOn === TASK_STARTS_ON);
  const { inspectionAssignments } = await graphql(
    `
      query ($drawId: ID!) {
        inspectionAssignments(drawId: $drawId, first: 100) {
          edges {
            node {
              seq
              entity {
                name
                uscc
              }
              inspection {
                id
              }
              team {
                user {
                  username
                }
              }
              items {
                department {
                  id
                  head {
                    username
                  }
                }
              }
            }
          }
        }
      }
    `,
    { drawId: task.draw.id },
    login.token,
  );
  const chosen = inspectionAssignments.edges
    .map((e) => e.node)
    .find((a) => !a.inspection && new Set(a.items.map((i) => i.department?.id)).size === 1 && a.items[0].department?.head && a.team.every((m) => m.user));
  assert.ok(chosen, 'a drawn target without a record');
  return {
    taskId: task.id,
    entity: chosen.entity.name,
    uscc: chosen.entity.uscc,
    team: chosen.team.map((m) => m.user.username),
    head: chosen.items[0].department.head.username,
  };
}

async function openRecordFromList(page, uscc) {
  await page.getByRole('menuitem', { name: '检查记录' }).click();
  await page.waitForURL('**/inspections');
  await page.getByTestId('inspections-search').locator('input').fill(uscc);
  await page.getByTestId('inspections-search').locator('input').press('Enter');
  const row = page.locator(`[data-testid="inspection-row"][data-uscc="${uscc}"]`);
  await row.getByTestId('inspection-link').click();
  await page.getByTestId('inspection-page').waitFor();
}

describe('inspection records', () => {
  let target;
  let recordPath;
  let accessCode;

  before(async () => {
    target = await findAssignment();
  });

  test('a team member opens the record from the task page, fills it in and adds a photo', async () => {
    await withSignedIn(target.team[0], async (page) => {
      const labels = await menuLabels(page);
      assert.ok(labels.includes('检查记录'), labels.join());
      await page.goto(`/tasks/${encodeURIComponent(target.taskId)}`);
      const card = page.getByTestId('assignments-card');
      const row = card.locator(`[data-testid="assignment-row"][data-uscc="${target.uscc}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-status'), 'NONE');
      // The window closed in 2023 with most drawn entities never reported: the task says how many.
      const unreported = page.getByTestId('task-unreported-overdue');
      await assertText(unreported, '未提交检查报告（逾期）');
      assert.ok(Number(await unreported.getAttribute('data-count')) > 100);
      // The row of a target never started says so.
      await row.getByTestId('assignment-overdue').waitFor();
      await screenshot(page, 'records-01-task-assignments');
      await row.getByTestId('assignment-open').click();

      await page.getByTestId('inspection-page').waitFor();
      recordPath = new URL(page.url()).pathname;
      await assertText(page.getByTestId('record-status'), '草稿');
      await assertText(page.getByTestId('record-missing'), '请填写检查日期');
      accessCode = (await page.getByTestId('record-access-code').innerText()).trim();
      assert.match(accessCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      const form = page.getByTestId('record-form');
      const date = form.getByLabel('检查日期');
      // A date before the task's window is refused by the server, naming the window.
      await date.click();
      await date.fill('2023-05-20');
      await date.press('Enter');
      await form.getByTestId('record-save').click();
      await assertText(page.getByTestId('record-form-error'), '不在抽查任务的检查时间 2023-06-05 至 2023-11-24 内');
      await screenshot(page, 'records-01b-date-outside-window');
      await date.click();
      await date.fill(INSPECTED_ON);
      await date.press('Enter');
      assert.equal(await date.inputValue(), INSPECTED_ON);
      await form.getByTestId('record-place').fill('检查对象生产经营场所及矿区现场');
      await form.getByTestId('record-site-conditions').fill('检查组2人出示执法证件，查阅采矿许可和复垦方案，现场核对开采范围与复垦措施');
      await form.getByTestId('record-interview-notes').fill('询问现场负责人，陈述与台账一致');
      await choose(page, form.getByTestId('record-result'), '未发现问题');
      // Everything needed for submitting is there now, as typed.
      await page.getByTestId('record-missing').waitFor({ state: 'detached' });
      await form.getByTestId('record-save').click();
      await page.getByText('检查记录已保存').waitFor();
      await assertText(page.getByTestId('all-confirmed'), '尚有成员未确认');

      // The team's 处理建议: 责令整改 needs its deadline in working days, refused in Chinese without one.
      const handling = page.getByTestId('handling-form');
      await handling.getByTestId('handling-outcome').getByText('责令整改', { exact: true }).click();
      await handling.getByTestId('handling-basis').fill('复垦措施落实不到位，依法责令限期整改');
      await handling.getByTestId('handling-save').click();
      await fieldError(handling, '请填写整改期限').waitFor();
      await handling.getByTestId('handling-deadline').fill('10');
      await handling.getByTestId('handling-save').click();
      await page.getByText('处理建议已保存').waitFor();

      // A text file is refused by its content, in Chinese.
      const input = page.getByTestId('evidence-card').locator('input[type="file"]');
      await input.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是证据文件\n') });
      await assertText(page.getByTestId('evidence-upload-error'), '不支持的文件类型');
      await screenshot(page, 'records-02-unsupported-file');
      await page.getByTestId('evidence-upload-error').getByRole('button', { name: '知道了' }).click();
      // So is a file over the server's limit, answered 413 before it is stored.
      const oversize = Buffer.alloc(3 * 1024 * 1024, 1);
      png().copy(oversize);
      await input.setInputFiles({ name: '超大照片.png', mimeType: 'image/png', buffer: oversize });
      await assertText(page.getByTestId('evidence-upload-error'), '文件超过 2 MB 的上限');
      await page.getByTestId('evidence-upload-error').getByRole('button', { name: '知道了' }).click();
      await page.getByTestId('evidence-upload-error').waitFor({ state: 'detached' });

      await input.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png() });
      const photo = page.locator('[data-testid="evidence-row"][data-name="现场照片.png"]');
      await photo.waitFor();
      assert.equal(await photo.getAttribute('data-sealed'), 'false');
      const thumb = photo.locator('img[data-testid="evidence-thumb"], [data-testid="evidence-thumb"] img').first();
      await thumb.waitFor();
      assert.match(await thumb.getAttribute('src'), /^blob:/);
      await page.waitForFunction((el) => el.complete && el.naturalWidth === 16, await thumb.elementHandle());
      await assertText(photo.getByTestId('evidence-sha256'), '…');
      await screenshot(page, 'records-03-filled-with-photo');

      await thumb.click();
      const preview = page.locator('.ant-image-preview img').first();
      await preview.waitFor();
      assert.match(await preview.getAttribute('src'), /^blob:/);
      await screenshot(page, 'records-04-photo-preview', { fullPage: false });
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });

      await page.getByTestId('record-confirm').click();
      await page.getByText('已确认检查记录').waitFor();
      const me = page.locator('[data-testid="team-row"]', { hasText: '（本人）' });
      assert.equal(await me.getByTestId('confirmation-state').getAttribute('data-state'), 'CURRENT');
    });
  });

  test('the entity objects with its access code', async () => {
    const { submitEntityStatement } = await graphql(
      'mutation($code: String!, $body: String!) { submitEntityStatement(accessCode: $code, kind: OBJECTION, body: $body) { id kind } }',
      { code: accessCode, body: '复垦区域边界以2022年批复为准，请复核现场测量' },
    );
    assert.equal(submitEntityStatement.kind, 'OBJECTION');
  });

  test('the other member answers the objection, records the re-check, confirms and submits; the evidence is sealed', async () => {
    await withSignedIn(target.team[1], async (page) => {
      await openRecordFromList(page, target.uscc);
      assert.equal(new URL(page.url()).pathname, recordPath);

      const statement = page.locator('[data-testid="statement"][data-kind="OBJECTION"]');
      await assertText(statement.getByTestId('statement-body'), '复垦区域边界');
      await statement.getByTestId('statement-answer-submit').click();
      await fieldError(statement, '请填写答复').waitFor();
      await statement.getByTestId('statement-answer-input').fill('已收到，检查组将按2022年批复的边界复核');
      await statement.getByTestId('statement-recheck-required').click();
      await statement.getByTestId('statement-answer-submit').click();
      await assertText(statement.getByTestId('statement-answer'), '按2022年批复的边界复核');
      await statement.getByTestId('statement-recheck-input').fill('复核测量与批复边界一致，维持原检查结果');
      await statement.getByTestId('statement-recheck-submit').click();
      await assertText(statement.getByTestId('statement-recheck'), '维持原检查结果');
      await assertText(statement, '已办结');
      await screenshot(page, 'records-05-objection-answered');
      await page.getByTestId('record-confirm').click();
      await assertText(page.getByTestId('all-confirmed'), '全组已确认');
      await screenshot(page, 'records-06-all-confirmed');
      await transition(page, 'SUBMIT');
      await assertText(page.getByTestId('record-status'), '待部门审核');
      // Handed in long after its due date: late for good, and the review and approval now have their own deadlines.
      const late = page.getByTestId('record-report-due-late');
      await assertText(late, '个工作日');
      assert.ok(Number(await late.getAttribute('data-late-days')) > 100);
      assert.equal(await page.getByTestId('record-report-due-overdue').count(), 0);
      await page.getByTestId('record-review-due').waitFor();
      await page.getByTestId('record-approval-due').waitFor();
      await page.getByTestId('record-publication-due').waitFor();
      await page.locator('[data-testid="evidence-row"][data-name="现场照片.png"] [data-testid="evidence-sealed"]').waitFor();
      assert.equal(await page.getByTestId('evidence-remove').count(), 0);
      assert.equal(await page.getByTestId('record-form').count(), 0);
      await page.locator('[data-testid="step"][data-action="SUBMIT"]').waitFor();
    });
  });

  test('the department head cannot return without a comment, and passes the review', async () => {
    await withSignedIn(target.head, async (page) => {
      await page.goto(recordPath);
      await page.getByTestId('inspection-page').waitFor();
      await page.getByTestId('record-action-RETURN').click();
      await page.getByTestId('record-transition-modal').waitFor();
      // The browser asks for reduced motion: the modal opens at rest, with no zoom running.
      const running = await page.evaluate(() => document.getAnimations().filter((a) => a.effect?.target?.closest?.('.ant-modal-root')).length);
      assert.equal(running, 0, 'no animation runs when the user asked for reduced motion');
      await page.getByTestId('record-transition-submit').click();
      await fieldError(page.getByTestId('record-transition-modal'), '退回须写明修改意见').waitFor();
      await screenshot(page, 'records-07-return-needs-comment');
      await page.getByRole('button', { name: '取消' }).click();
      await page.getByTestId('record-transition-modal').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('record-status').getAttribute('data-status'), 'SUBMITTED');

      await transition(page, 'PASS_REVIEW', '事实清楚，同意');
      await assertText(page.getByTestId('record-status'), '待领导审批');
      await assertText(page.locator('[data-testid="step"][data-action="PASS_REVIEW"]'), '事实清楚，同意');
    });
  });

  test('the leader approves; the publication deadline appears', async () => {
    await withSignedIn('wugang.leader', async (page) => {
      await page.goto(recordPath);
      await page.getByTestId('inspection-page').waitFor();
      assert.equal(await page.getByTestId('record-action-PASS_REVIEW').count(), 0);
      // The leader approves and, in doing so, gives the entity 15 working days instead of the team's 10.
      await approveChangingDeadline(page, 15);
      await assertText(page.getByTestId('record-status'), '待公示');
      // The approval made it the decision; the change is kept with who made it.
      const decided = page.getByTestId('handling-card');
      await assertText(decided, '处理决定');
      await assertText(decided.getByTestId('handling-label'), '责令整改');
      await assertText(decided, '15 个工作日');
      await assertText(decided.getByTestId('handling-change'), '领导审批');
      await assertText(decided.getByTestId('handling-change'), '责令整改（10 个工作日） → 责令整改（15 个工作日）');
      await page.getByTestId('record-publication-due').waitFor();
      await screenshot(page, 'records-08-approved');
    });
  });

  test('the office verifies the evidence and publishes', async () => {
    await withSignedIn('wugang.admin', async (page) => {
      await openRecordFromList(page, target.uscc);
      await page.getByTestId('evidence-verify').click();
      const result = page.getByTestId('evidence-verify-result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-ok'), 'true');
      assert.equal(await result.locator('[data-testid="evidence-check-status"][data-status="OK"]').count(), 1);
      await screenshot(page, 'records-09-evidence-verified');
      await page.getByTestId('evidence-verify-close').click();
      await result.waitFor({ state: 'detached' });

      await transition(page, 'PUBLISH');
      await assertText(page.getByTestId('record-status'), '已公示');
      assert.equal(await page.getByTestId('step').count(), 4);
      await page.getByTestId('record-correct').waitFor();
      await screenshot(page, 'records-10-published');

      await page.getByRole('menuitem', { name: '检查记录' }).click();
      await page.getByTestId('inspections-card').waitFor();
      await page.getByTestId('inspection-row').first().waitFor();
      // The demo's returned records are long past their report deadline.
      await page.getByTestId('inspections-overdue').click();
      await page.locator('[data-testid="inspection-row"][data-status="RETURNED"] [data-testid="report-due-overdue"]').first().waitFor();
      assert.equal(await page.locator('[data-testid="inspection-row"][data-status="PUBLISHED"]').count(), 0);
      await screenshot(page, 'records-11-overdue-list');
      // Published now, the record is no longer overdue but keeps its late report, and was published on time.
      await page.getByTestId('inspections-overdue').click();
      await openRecordFromList(page, target.uscc);
      await page.getByTestId('record-report-due-late').waitFor();
      await page.getByTestId('record-publication-due-on-time').waitFor();
    });
  });

  test('the published result is on the public portal', async () => {
    const page = await suite.newPage();
    try {
      await page.goto(`/public/entities/${encodeURIComponent(target.uscc)}`);
      await assertText(page.getByTestId('public-entity-name'), target.entity);
      const results = page.getByTestId('public-entity-results');
      await assertText(results, '未发现问题');
      await assertText(results, INSPECTED_ON);
      // The decision and its basis are published with the result.
      const handling = results.getByTestId('public-result-handling').first();
      await assertText(handling, '责令整改');
      await assertText(handling, '整改期限 15 个工作日');
      await assertText(handling, '依法责令限期整改');
      await screenshot(page, 'records-12-public-result');
    } finally {
      await page.context().close();
    }
  });

  test('平顶山 opens its own record of a target the joint task gave it', async () => {
    await withSignedIn('pingdingshan.head', async (page) => {
      await page.getByRole('menuitem', { name: '联合抽查邀请' }).click();
      await page.locator(`[data-testid="invitation-row"][data-title="${DEMO_JOINT}"]`).getByTestId('invitation-link').click();
      const drawn = page.getByTestId('invitation-drawn');
      await drawn.getByTestId('joint-record-open').first().click();
      await page.getByTestId('inspection-page').waitFor();
      await assertText(page.getByTestId('record-title'), '的检查记录');
      await assertText(page.getByTestId('inspection-page'), '联合抽查');
      await screenshot(page, 'records-13-joint-record');
    });
  });
});
