// The whole cycle in one real browser against one real server, as the people of 常德 and the public
// live it: the office imports four entities and plans a task over them; the ceremony draws; the team
// records the result with a photo and confirms it; the entity reads its record by access code and
// objects; the team answers; the department head reviews, the leader approves and the office
// publishes; the public portal shows the result and verifies the draw in the browser; and Hunan's
// provincial dashboard counts it. Each step leaves a screenshot in e2e/artifacts/journey-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ARTIFACTS } from '../support/browser.mjs';
import { DEMO_PASSWORD, REPO_ROOT } from '../support/server.mjs';
import { tinyPng } from '../support/png.mjs';
import { fillAndSaveRecord, transition } from '../support/record-page.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, confirmPopover, fillDate, screenshot, signIn } from '../support/ui.mjs';

const { completeUscc } = createRequire(path.join(REPO_ROOT, 'server', 'package.json'))('@spotcheck/shared');

const CHANGDE = '常德市自然资源和规划局';
const ITEM = '土地使用情况监督检查';
const INDUSTRY = '全流程测试业';
const TITLE = '常德市土地使用情况专项检查（全流程测试）';
/** Beijing's date `days` from now, YYYY-MM-DD: the record is dated today, inside the window and after the draw. */
const beijingDate = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const suite = useServerAndBrowser();
const { withSignedIn: as } = suite;
/** What one step hands to the next. */
const state = {};

/** GraphQL outside the browser, to find out who the draw put in the team (the test's own knowledge). */
async function graphql(query, variables, username) {
  const login = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const token = (await login.json()).data.login.token;
  const response = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** The provincial figures for 2026 as Hunan's viewer reads them on the dashboard: [part, whole] of a hint. */
async function provincialFigures(shot) {
  return as('hunan.viewer', async (page) => {
    await page.getByRole('menuitem', { name: '全省统计' }).click();
    await page.waitForURL('**/province*');
    await choose(page, page.getByTestId('dashboard-year'), '2026 年');
    await page.waitForURL('**/province?year=2026');
    const card = page.getByTestId('provincial-card');
    const figure = async (key) => {
      const text = (await card.getByTestId(`figure-${key}`).innerText()).replace(/,/g, '');
      const [, part, whole] = /(\d+)\s*\/\s*[^\d]*(\d+)/.exec(text) ?? [];
      return { part: Number(part), whole: Number(whole) };
    };
    await card.getByTestId('figure-coverage').waitFor();
    const figures = { coverage: await figure('coverage'), problemRate: await figure('problemRate') };
    await screenshot(page, shot);
    return figures;
  });
}

/** Four entities of 常德's 武陵区 in an industry nothing else is in, so the task's pool is exactly them. */
function entityCsv() {
  const header = '名称,统一社会信用代码,行政区划代码,行业,检查对象类型,登记状态,信用等级,风险等级,地址,登记机关,法定代表人';
  const rows = [1, 2, 3, 4].map(
    (n) =>
      `常德全流程测试${n}号置业有限公司,${completeUscc(`91430702MAJRN${n}X00`.slice(0, 17))},430702,${INDUSTRY},企业,存续,B,中,武陵区测试路 ${n} 号,常德市市场监督管理局,王${n}`,
  );
  return { text: `\uFEFF${[header, ...rows].join('\r\n')}\r\n`, usccs: rows.map((row) => row.split(',')[1]) };
}

describe('the whole cycle, from import to the province', () => {
  test('1. the office imports four entities', async () => {
    state.before = await provincialFigures('journey-00-province-before');
    await as('changde.admin', async (page) => {
      await page.getByRole('menuitem', { name: '检查对象名录' }).click();
      await page.getByTestId('entities-import').click();
      const wizard = page.getByTestId('import-wizard');
      await wizard.waitFor();
      const { text, usccs } = entityCsv();
      state.usccs = usccs;
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'journey-entities.csv');
      writeFileSync(file, text);
      await wizard.locator('input[type=file]').setInputFiles(file);
      await screenshot(page, 'journey-01-import');
      await wizard.getByTestId('import-start').click();
      await page.locator('[data-testid="import-job-page"][data-status="SUCCEEDED"]').waitFor({ timeout: 60_000 });
      await assertText(page.getByTestId('import-succeeded'), '新增 4 条');
      await screenshot(page, 'journey-02-imported');
    });
  });

  test('2. the office plans a 专项检查 over them, approved by the leader', async () => {
    await as('changde.admin', async (page) => {
      await page.getByRole('menuitem', { name: '抽查任务' }).click();
      await page.waitForURL('**/tasks');
      await page.getByTestId('task-new').click();
      const form = page.getByTestId('task-form');
      await form.waitFor();
      // The annual plan's rounds lie where the calendar put them; a check from today on is a 专项检查 outside
      // the plan, with its reason, and waits for the leader.
      await form.getByTestId('task-kind').getByText('专项检查（计划外）').click();
      await form.getByTestId('task-reason').fill('群众举报：新登记企业用地情况');
      await fillDate(form.getByTestId('task-starts-on'), beijingDate());
      await fillDate(form.getByTestId('task-ends-on'), beijingDate(20));
      await choose(page, form.getByTestId('task-item'), ITEM);
      const rows = form.getByTestId('task-item-row');
      await assertText(rows.first(), ITEM);
      await rows.first().getByTestId('task-item-ratio').fill('0.10');
      await form.getByTestId('task-title').fill(TITLE);
      await form.getByTestId('task-purpose').fill('全流程测试：土地使用情况随机抽查');
      await form.getByTestId('task-procedure').fill('封存名单 → 见证 → 摇号 → 实地核查 → 报告 → 审核 → 审批 → 公示');
      await form.getByTestId('task-divisionOfLabour').fill('执法监督科牵头，检查组按摇号结果组成');
      const industries = form.getByTestId('task-industries');
      await industries.click();
      await industries.locator('input').fill(INDUSTRY);
      await industries.locator('input').press('Enter');
      await form.getByTestId('task-team-size').fill('2');
      await screenshot(page, 'journey-03-task-form');
      await form.getByTestId('task-submit').click();
      await page.getByTestId('task-page').waitFor();
      await assertText(page.getByTestId('task-title'), TITLE);
      state.taskPath = new URL(page.url()).pathname;
    });
    await as('changde.leader', async (page) => {
      await page.goto(state.taskPath);
      await page.getByTestId('task-page').waitFor();
      await page.getByTestId('task-approve').click();
      await page.getByTestId('task-approve-comment').fill('同意开展专项检查');
      await page.getByTestId('task-approve-submit').click();
      await page.getByTestId('task-approval').waitFor();
    });
  });

  test('3. the ceremony: frozen, witnessed, drawn', async () => {
    const office = await suite.newPage();
    const witness = await suite.newPage();
    try {
      await signIn(office, 'changde.admin', DEMO_PASSWORD);
      await signIn(witness, 'changde.supervisor', DEMO_PASSWORD);
      await office.goto(state.taskPath);
      await office.getByTestId('task-open-ceremony').click();
      await office.getByTestId('ceremony-page').waitFor();
      await clickAndConfirm(office, office.getByTestId('draw-freeze'));
      await office.getByTestId('draw-commitment').waitFor();
      state.ceremonyPath = new URL(office.url()).pathname;
      await witness.goto(state.ceremonyPath);
      await witness.getByTestId('witness-input').fill('常德市纪检监督 见证值 全流程-1120');
      await clickAndConfirm(witness, witness.getByTestId('witness-submit'));
      await assertText(office.getByTestId('entropy-card'), '全流程-1120');
      await office.getByTestId('public-number-input').fill('418');
      await clickAndConfirm(office, office.getByTestId('public-number-submit'));
      await clickAndConfirm(office, office.getByTestId('draw-perform'));
      await office.getByTestId('reveal-card').waitFor();
      assert.equal(await office.getByTestId('draw-seed-check').getAttribute('data-ok'), 'true');
      const row = office.getByTestId('result-row').first();
      await row.waitFor();
      await assertText(office.getByTestId('results-pager-summary'), '共 1 条');
      await screenshot(office, 'journey-04-drawn');
    } finally {
      await office.context().close();
      await witness.context().close();
    }
    // Who was drawn, and who is in the team: the test reads it; the people find it on their pages.
    const data = await graphql(
      `
        query {
          tasks(first: 50) {
            edges {
              node {
                id
                title
                draw {
                  id
                }
              }
            }
          }
        }
      `,
      {},
      'changde.admin',
    );
    const task = data.tasks.edges.map((e) => e.node).find((t) => t.title === TITLE);
    state.drawId = task.draw.id;
    const assignments = await graphql(
      `
        query ($d: ID!) {
          inspectionAssignments(drawId: $d, first: 10) {
            edges {
              node {
                seq
                entity {
                  uscc
                  name
                }
                team {
                  name
                  user {
                    username
                  }
                }
                items {
                  department {
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
      { d: state.drawId },
      'changde.admin',
    );
    const [assignment] = assignments.inspectionAssignments.edges.map((e) => e.node);
    assert.ok(state.usccs.includes(assignment.entity.uscc), 'the pool was the imported entities');
    state.entity = assignment.entity;
    state.team = assignment.team.map((m) => m.user.username);
    state.head = assignment.items[0].department.head.username;
    assert.equal(state.team.length, 2);
  });

  test('4. a team member opens the record from the task page, records the result with a photo and confirms', async () => {
    await as(state.team[0], async (page) => {
      await page.goto(state.taskPath);
      const row = page.getByTestId('assignments-card').locator(`[data-testid="assignment-row"][data-uscc="${state.entity.uscc}"]`);
      await row.waitFor();
      await row.getByTestId('assignment-open').click();
      await page.getByTestId('inspection-page').waitFor();
      state.recordPath = new URL(page.url()).pathname;
      state.accessCode = (await page.getByTestId('record-access-code').innerText()).trim();

      await fillAndSaveRecord(page, {
        inspectedOn: beijingDate(),
        place: '武陵区测试路 1 号项目用地现场',
        siteConditions: '现场核对供地批准文件与实际用地范围，用地范围与批准一致，未见擅自改变用途',
        interviewNotes: '询问项目负责人，陈述与批准文件一致',
        result: '未发现问题',
      });
      const handling = page.getByTestId('handling-form');
      await handling.getByTestId('handling-outcome').getByText('未发现问题', { exact: true }).click();
      await handling.getByTestId('handling-basis').fill('用地范围与批准一致，未发现违法违规问题');
      await handling.getByTestId('handling-save').click();
      await page.getByText('处理建议已保存').waitFor();

      await page
        .getByTestId('evidence-card')
        .locator('input[type="file"]')
        .setInputFiles({ name: '用地现场.png', mimeType: 'image/png', buffer: tinyPng([22, 163, 74]) });
      const photo = page.locator('[data-testid="evidence-row"][data-name="用地现场.png"]');
      const thumb = photo.locator('img[data-testid="evidence-thumb"], [data-testid="evidence-thumb"] img').first();
      await thumb.waitFor();
      await page.waitForFunction((el) => el.complete && el.naturalWidth === 16, await thumb.elementHandle());
      await page.getByTestId('record-confirm').click();
      await page.getByText('已确认检查记录').waitFor();
      await screenshot(page, 'journey-05-recorded');
    });
  });

  test('5. the entity reads its record by access code and objects, with a photo', async () => {
    const page = await suite.newPage();
    try {
      await page.goto('/record');
      await page.getByTestId('access-code-input').fill(state.accessCode);
      await page.getByTestId('access-code-submit').click();
      await page.getByTestId('entity-record').waitFor();
      await assertText(page.getByTestId('entity-record-entity'), state.entity.name);
      const form = page.getByTestId('statement-form');
      await form.locator('label', { hasText: '申辩（异议）' }).click();
      await page.getByTestId('statement-body').fill('我公司东侧临时堆场已于2026年10月取得临时用地批准，请一并核实');
      await form.locator('input[type="file"]').setInputFiles({ name: '临时用地批复.png', mimeType: 'image/png', buffer: tinyPng([234, 179, 8]) });
      await page.getByTestId('statement-attachments').locator('[data-testid="entity-file"][data-name="临时用地批复.png"]').waitFor();
      await page.getByTestId('statement-submit').click();
      await confirmPopover(page);
      await assertText(page.getByTestId('entity-statement').first(), '等待检查组答复');
      await screenshot(page, 'journey-06-objection');
    } finally {
      await page.context().close();
    }
  });

  test('6. the other member answers, confirms and submits', async () => {
    await as(state.team[1], async (page) => {
      await page.goto(state.recordPath);
      const statement = page.locator('[data-testid="statement"][data-kind="OBJECTION"]');
      await assertText(statement.getByTestId('statement-body'), '临时用地批准');
      await statement.getByTestId('statement-answer-input').fill('已核实临时用地批准文件，堆场在批准范围内');
      await statement.getByTestId('statement-answer-submit').click();
      await assertText(statement, '已办结');
      await page.getByTestId('record-confirm').click();
      await page.getByText('已确认检查记录').waitFor();
      // The first member confirmed before the objection; the content has not changed since, so it stands.
      await assertText(page.getByTestId('all-confirmed'), '全组已确认');
      await transition(page, 'SUBMIT');
      await assertText(page.getByTestId('record-status'), '待部门审核');
      await screenshot(page, 'journey-07-submitted');
    });
  });

  test('7. the department head reviews, the leader approves, the office publishes', async () => {
    await as(state.head, async (page) => {
      await page.goto(state.recordPath);
      await transition(page, 'PASS_REVIEW', '事实清楚，证据充分，同意');
      await assertText(page.getByTestId('record-status'), '待领导审批');
      await screenshot(page, 'journey-08-reviewed');
    });
    await as('changde.leader', async (page) => {
      await page.goto(state.recordPath);
      await transition(page, 'APPROVE');
      await assertText(page.getByTestId('record-status'), '待公示');
      await screenshot(page, 'journey-09-approved');
    });
    await as('changde.admin', async (page) => {
      await page.goto(state.recordPath);
      await transition(page, 'PUBLISH');
      await assertText(page.getByTestId('record-status'), '已公示');
      await screenshot(page, 'journey-10-published');
    });
  });

  test('8. the public portal shows the result and verifies the draw in the browser', async () => {
    const page = await suite.newPage();
    try {
      await page.goto('/public');
      await page.locator(`[data-testid="public-bureau-row"][data-name="${CHANGDE}"]`).getByTestId('public-bureau-link').click();
      await page.getByTestId('public-results-search').locator('input').fill(state.entity.uscc);
      await page.getByTestId('public-results-search').locator('input').press('Enter');
      const row = page.locator(`[data-testid="public-result-row"][data-uscc="${state.entity.uscc}"]`);
      await row.waitFor();
      await assertText(row, '未发现问题');
      await page.getByTestId('public-result-entity').first().click();
      await page.getByTestId('public-entity-page').waitFor();
      await page.getByTestId('public-result-draw').first().click();
      await assertText(page.getByTestId('public-draw-title'), TITLE);
      const verdict = page.getByTestId('verifier-verdict');
      await verdict.waitFor({ timeout: 60_000 });
      assert.equal(await verdict.getAttribute('data-status'), 'VERIFIED');
      await screenshot(page, 'journey-11-portal-verified', { fullPage: false });
    } finally {
      await page.context().close();
    }
  });

  test('9. Hunan’s provincial dashboard counts it', async () => {
    const after = await provincialFigures('journey-12-province-after');
    assert.equal(after.coverage.part, state.before.coverage.part + 1, 'one more entity with a published result');
    assert.equal(after.coverage.whole, state.before.coverage.whole + 4, 'the four imported entities are listed');
    assert.equal(after.problemRate.whole, state.before.problemRate.whole + 1, 'one more published result');
  });
});
