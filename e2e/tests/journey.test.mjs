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
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, launchBrowser, newPage } from '../support/browser.mjs';
import { DEMO_PASSWORD, REPO_ROOT, startServer } from '../support/server.mjs';
import { assertText, choose, clickAndConfirm, screenshot, signIn } from '../support/ui.mjs';

const { completeUscc } = createRequire(path.join(REPO_ROOT, 'server', 'package.json'))('@spotcheck/shared');

const CHANGDE = '常德市自然资源和规划局';
const PLAN = '2026 · 常德市自然资源和规划局2026年度“双随机、一公开”抽查工作计划';
const ITEM = '土地使用情况监督检查';
const INDUSTRY = '全流程测试业';
const TITLE = '常德市2026年第二轮土地使用情况抽查（全流程测试）';
const INSPECTED_ON = '2026-11-20';

let server;
let browser;
/** What one step hands to the next. */
const state = {};

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(username, body) {
  const page = await newPage(browser, server.url);
  try {
    await signIn(page, username, DEMO_PASSWORD);
    return await body(page);
  } finally {
    await page.context().close();
  }
}

/** GraphQL outside the browser, to find out who the draw put in the team (the test's own knowledge). */
async function graphql(query, variables, username) {
  const login = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: DEMO_PASSWORD } }),
  });
  const token = (await login.json()).data.login.token;
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** The provincial figures for 2026 as Hunan's viewer reads them on the dashboard: [part, whole] of a hint. */
async function provincialFigures() {
  return as('hunan.viewer', async (page) => {
    await page.getByRole('menuitem', { name: '全省统计' }).click();
    await page.waitForURL('**/province*');
    await choose(page, page.getByTestId('dashboard-year'), '2026 年');
    await page.waitForURL('**/province?year=2026');
    const card = page.getByTestId('provincial-card');
    const figure = async (key) => {
      const text = await card.getByTestId(`figure-${key}`).innerText();
      const [, part, whole] = /(\d+)\s*\/\s*[^\d]*(\d+)/.exec(text) ?? [];
      return { part: Number(part), whole: Number(whole) };
    };
    await card.getByTestId('figure-coverage').waitFor();
    return { page, coverage: await figure('coverage'), problemRate: await figure('problemRate'), shot: () => screenshot(page, 'journey-12-province') };
  });
}

/** Four entities of 常德's 武陵区 in an industry nothing else is in, so the task's pool is exactly them. */
function entityCsv() {
  const header = '名称,统一社会信用代码,行政区划代码,行业,检查对象类型,登记状态,信用等级,风险等级,地址';
  const rows = [1, 2, 3, 4].map((n) => `常德全流程测试${n}号置业有限公司,${completeUscc(`91430702MAJRN${n}X00`.slice(0, 17))},430702,${INDUSTRY},企业,存续,B,中,武陵区测试路 ${n} 号`);
  return { text: `\uFEFF${[header, ...rows].join('\r\n')}\r\n`, usccs: rows.map((row) => row.split(',')[1]) };
}

describe('the whole cycle, from import to the province', () => {
  test('1. the office imports four entities', async () => {
    state.before = await provincialFigures().then(({ coverage, problemRate }) => ({ coverage, problemRate }));
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

  test('2. the office plans a task over them, from the annual plan', async () => {
    await as('changde.admin', async (page) => {
      await page.getByRole('menuitem', { name: '抽查任务' }).click();
      await page.waitForURL('**/tasks');
      await page.getByTestId('task-new').click();
      const form = page.getByTestId('task-form');
      await form.waitFor();
      await choose(page, form.getByTestId('task-plan'), PLAN);
      await form.getByTestId('task-round').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '第 2 轮' }).click();
      assert.equal(await form.getByTestId('task-starts-on').inputValue(), '2026-09-01');
      // The plan brings its four items; this task checks land use only.
      const rows = form.getByTestId('task-item-row');
      while ((await rows.count()) > 1) {
        const row = rows.filter({ hasNotText: ITEM }).first();
        await row.getByRole('button', { name: '移除' }).click();
      }
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
  });

  test('3. the ceremony: frozen, witnessed, drawn', async () => {
    const office = await newPage(browser, server.url);
    const witness = await newPage(browser, server.url);
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
      await witness.getByTestId('witness-submit').click();
      await assertText(office.getByTestId('entropy-card'), '全流程-1120');
      await office.getByTestId('public-number-input').fill('中国福利彩票3D 2026300期 开奖号码 4 1 8');
      await office.getByTestId('public-number-submit').click();
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
      `query { tasks(first: 50) { edges { node { id title draw { id } } } } }`,
      {},
      'changde.admin',
    );
    const task = data.tasks.edges.map((e) => e.node).find((t) => t.title === TITLE);
    state.drawId = task.draw.id;
    const assignments = await graphql(
      `query ($d: ID!) { inspectionAssignments(drawId: $d, first: 10) { edges { node { seq entity { uscc name } team { name user { username } } } } } }`,
      { d: state.drawId },
      'changde.admin',
    );
    const [assignment] = assignments.inspectionAssignments.edges.map((e) => e.node);
    assert.ok(state.usccs.includes(assignment.entity.uscc), 'the pool was the imported entities');
    state.entity = assignment.entity;
    state.team = assignment.team.map((m) => m.user.username);
    assert.equal(state.team.length, 2);
  });
});
