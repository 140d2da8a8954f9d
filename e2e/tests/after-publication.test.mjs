// What happens after publication, in one real browser against one real server, as 舞钢's and 平顶山's
// people and the public live it: 舞钢's team records a problem and proposes 责令整改, the head reviews, the
// leader decides it (with a longer deadline) and the office publishes; the entity reports its
// rectification through its access code on a phone, a team member re-checks it, the head proposes and
// the leader approves its closing. Another published record with problems is referred to 平顶山's
// 执法监察支队, which accepts it and records 立案; its entity is put on 舞钢's blacklist and shows on the
// portal, and in 平顶山's next draw it carries the province's 联合惩戒 weight (the ceremony's key map shows
// its line). The year's PDF report counts each of these. Screenshots: e2e/artifacts/after-*.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ARTIFACTS } from '../support/browser.mjs';
import { tinyPng } from '../support/png.mjs';
import { DEMO_PASSWORD, REPO_ROOT } from '../support/server.mjs';
import { approveChangingDeadline, fillAndSaveRecord, transition } from '../support/record-page.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, screenshot, signInWithSession, signInToLanding } from '../support/ui.mjs';

const serverRequire = createRequire(path.join(REPO_ROOT, 'server', 'package.json'));
const { itemEligibility, withRuleDefaults } = serverRequire('@spotcheck/shared');

/** Beijing's date `days` from now, YYYY-MM-DD. */
const beijingDate = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const YEAR = Number(beijingDate().slice(0, 4));
const WUGANG = '舞钢市自然资源和规划局';
const PARTNER = '平顶山市自然资源和规划局 · 执法监察支队';
const WUGANG_ITEM = '土地使用情况监督检查';
const PINGDINGSHAN_ITEM = '土地利用和土地复垦情况执法检查';
const FINDINGS = '项目东侧擅自堆放建筑材料，占用未批准用地约200平方米';
const REFERRED_FINDINGS = '未经批准擅自建设厂房约1200平方米，占用集体土地';
const RECTIFY_BASIS = '依据《土地管理法》第七十七条，责令限期清理、恢复原状';
const REPORT = '已于本周清理全部建筑材料并恢复原状，附现场照片。';
const REFERRAL_REASON = '涉嫌未经批准占用土地，移送立案查处（全流程）';
const DEMO_JOINT = '舞钢市、平顶山市自然资源领域2026年联合随机抽查';
const CASE_NO = `平自然资立〔${new Date().getFullYear()}〕9号`;
const BLACKLIST_REASON = '非法占用土地被立案查处，情节严重';

const suite = useServerAndBrowser();
const { withSignedIn: as, withPage } = suite;
const api = (query, variables, token) => suite.api(query, variables, token);
const tokens = new Map();
// One sign-in per account, shared by the calls made at once: parallel sign-ins of one account are what its throttle counts.
const tokenOf = (username) => tokens.get(username) ?? tokens.set(username, suite.apiToken(username)).get(username);
const apiAs = async (username, query, variables = {}) => api(query, variables, await tokenOf(username));
const nodes = (connection) => connection.edges.map((e) => e.node);

/** What one step hands to the next. */
const state = {};

/** The year's report figures as the API answers them: the counts before the journey. */
async function reportFigures() {
  const { annualReport } = await apiAs(
    'wugang.leader',
    `query($year: Int!) { annualReport(year: $year) { totals {
      handling { byOutcome { outcome count } }
      rectification { opened closed closedInTime }
      referrals { referred accepted filed }
      credit { blacklisted } } } }`,
    { year: YEAR },
  );
  const t = annualReport.totals;
  return {
    rectify: t.handling.byOutcome.find((o) => o.outcome === 'RECTIFY')?.count ?? 0,
    opened: t.rectification.opened,
    closed: t.rectification.closed,
    closedInTime: t.rectification.closedInTime,
    referred: t.referrals.referred,
    accepted: t.referrals.accepted,
    filed: t.referrals.filed,
    blacklisted: t.credit.blacklisted,
  };
}

/** A task set up and drawn through the API (not the subject here): a 专项检查 from today over one industry and region. */
async function drawnTask(bureau, { item, ratio, filter, witness, secondRound }) {
  const office = `${bureau}.admin`;
  const leader = `${bureau}.leader`;
  const { items } = await apiAs(office, '{ items(first: 100) { edges { node { id name } } } }');
  const itemId = nodes(items).find((i) => i.name === item).id;
  if (secondRound) {
    // The joint task used the item's one round of the year: the bureau adds a second, with its reason.
    await apiAs(office, 'mutation($id: ID!) { updateItem(id: $id, input: { frequencyPerYear: 2 }, reason: "市局部署年内增加一轮执法检查") { id } }', {
      id: itemId,
    });
  }
  const { createTask } = await apiAs(office, 'mutation($input: TaskInput!) { createTask(input: $input) { id } }', {
    input: {
      kind: 'SPECIAL',
      reason: '群众举报：占用土地情况（全流程测试）',
      title: `${bureau === 'wugang' ? '舞钢市' : '平顶山市'}土地使用情况专项检查（公示之后全流程）`,
      purpose: '核查土地使用情况',
      procedure: '封存名单 → 见证 → 摇号 → 实地核查 → 报告 → 审核 → 审批 → 公示',
      divisionOfLabour: '按摇号结果组成检查组',
      confidentiality: '摇号结果公布前不得泄露',
      startsOn: beijingDate(),
      endsOn: beijingDate(20),
      teamSize: 2,
      targetFilter: filter,
      items: [{ itemId, ratio }],
    },
  });
  await apiAs(leader, 'mutation($id: ID!) { approveTask(id: $id, comment: "同意开展专项检查") { id } }', { id: createTask.id });
  if (!witness) return createTask.id;
  const { commitDraw } = await apiAs(office, 'mutation($t: ID!) { commitDraw(taskId: $t) { id } }', { t: createTask.id });
  const entropy = 'mutation($d: ID!, $k: EntropyKind!, $v: String!) { addDrawEntropy(drawId: $d, kind: $k, value: $v) { id } }';
  await apiAs(leader, entropy, { d: commitDraw.id, k: 'WITNESS', v: '舞钢市纪检监察 见证值 公示之后-1207' });
  await apiAs(office, entropy, { d: commitDraw.id, k: 'PUBLIC_NUMBER', v: '309' });
  await apiAs(office, 'mutation($d: ID!) { performDraw(drawId: $d) { id } }', { d: commitDraw.id });
  return createTask.id;
}

const SCOPE = { targetTypes: null, riskClasses: null, extraRiskRound: false };

/** What 平顶山's rules give an entity of its directory for its item: eligible with a weight, or why not. */
async function eligibility(entity, jointPunishmentWeight) {
  const { ruleSet } = await apiAs('pingdingshan.admin', '{ ruleSet { rules } }');
  const facts = {
    targetType: entity.targetType,
    creditClass: entity.creditClass,
    complaints: entity.complaints,
    hasViolation: !!entity.violationRecord,
    riskLevel: entity.riskLevel,
    ...(jointPunishmentWeight ? { jointPunishmentWeight } : {}),
  };
  return itemEligibility(withRuleDefaults(ruleSet.rules), SCOPE, { id: 'item', targetType: '企业' }, facts);
}

/**
 * The second record, set up through the API as the people would write it (not the subject here): found
 * in breach and ordered to rectify; reviewed, approved and published.
 */
async function publishedWithProblem(assignment) {
  const [first, second] = assignment.team.map((m) => m.user.username);
  const fields = 'id entityName entityUscc findings';
  const { openInspection: record } = await apiAs(first, `mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { ${fields} } }`, {
    d: state.drawId,
    s: assignment.seq,
  });
  await apiAs(first, 'mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }', {
    id: record.id,
    input: {
      inspectedOn: beijingDate(),
      place: '检查对象生产经营场所',
      siteConditions: '现场核对用地批准文件与实际用地范围',
      findings: REFERRED_FINDINGS,
      resultCategory: 'OTHER_VIOLATION',
      interviewNotes: '询问法定代表人，承认未经批准建设',
    },
  });
  await apiAs(first, 'mutation($id: ID!, $input: HandlingInput!) { proposeHandling(id: $id, input: $input) { id } }', {
    id: record.id,
    input: { outcome: 'RECTIFY', basis: '责令限期拆除，涉嫌违法的另行移送立案查处', deadlineWorkdays: 20 },
  });
  const step = 'mutation($id: ID!, $a: InspectionAction!, $c: String) { transitionInspection(id: $id, action: $a, comment: $c) { id } }';
  for (const member of [first, second]) await apiAs(member, 'mutation($id: ID!) { confirmInspection(id: $id) { id } }', { id: record.id });
  await apiAs(first, step, { id: record.id, a: 'SUBMIT' });
  await apiAs(assignment.items[0].department.head.username, step, { id: record.id, a: 'PASS_REVIEW', c: '同意' });
  await apiAs('wugang.leader', step, { id: record.id, a: 'APPROVE' });
  await apiAs('wugang.admin', step, { id: record.id, a: 'PUBLISH' });
  return { ...record, findings: REFERRED_FINDINGS };
}

/** The USCCs the demo's joint task of the year drew, as 舞钢 (its lead) sees them. */
async function jointDrawUsccs() {
  const { tasks } = await apiAs('wugang.admin', '{ tasks(first: 50) { edges { node { title draw { id } } } } }');
  const joint = nodes(tasks).find((t) => t.title === DEMO_JOINT);
  const usccs = new Set();
  for (let after = null; ;) {
    const { inspectionAssignments: page } = await apiAs(
      'wugang.admin',
      'query($d: ID!, $a: String) { inspectionAssignments(drawId: $d, first: 100, after: $a) { edges { node { entity { uscc } } } pageInfo { hasNextPage endCursor } } }',
      { d: joint.draw.id, a: after },
    );
    for (const a of nodes(page)) if (a.entity) usccs.add(a.entity.uscc);
    if (!page.pageInfo.hasNextPage) return usccs;
    after = page.pageInfo.endCursor;
  }
}

/** The PDF's text as pdf.js reads it (server/test/pdf-inspect.cjs), without white space. */
function pdfText(file) {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server', 'test', 'pdf-inspect.cjs'), 'text'], {
    input: readFileSync(file),
    cwd: path.join(REPO_ROOT, 'server'),
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, String(run.stderr));
  return JSON.parse(String(run.stdout)).pages.join('').replace(/\s+/g, '');
}

/** The number after `label` inside the section that starts at `from` (and ends at `to`) of the squashed text. */
function figure(text, from, to, label) {
  const start = text.indexOf(from);
  assert.ok(start >= 0, `section ${from} in the PDF`);
  const end = to ? text.indexOf(to, start + from.length) : text.length;
  const section = text.slice(start + from.length, end < 0 ? text.length : end);
  const match = new RegExp(`${label}(\\d+)`).exec(section);
  assert.ok(match, `${label} in ${section}`);
  return Number(match[1]);
}

describe('after publication: rectification, referral, public credit, 联合惩戒 and the year’s report', () => {
  test('0. set-up: the year’s figures before, 舞钢’s 专项检查 drawn, the record to refer', async () => {
    state.before = await reportFigures();
    // 舞钢's check over one industry of one region, drawn through the API: the team finds its record on its task page.
    const { entities } = await apiAs('wugang.admin', '{ entities(first: 1, status: EXISTING) { edges { node { industry regionCode } } } }');
    const [{ industry, regionCode }] = nodes(entities);
    state.taskId = await drawnTask('wugang', {
      item: WUGANG_ITEM,
      ratio: '0.10',
      filter: { industries: [industry], regionCodes: [regionCode] },
      witness: true,
      secondRound: true,
    });
    const { node: task } = await apiAs('wugang.admin', 'query($id: ID!) { node(id: $id) { ... on Task { draw { id } } } }', { id: state.taskId });
    const { inspectionAssignments } = await apiAs(
      'wugang.admin',
      `query($d: ID!) { inspectionAssignments(drawId: $d, first: 100) { edges { node {
        seq entity { name uscc } team { user { username } } items { department { head { username } } } } } } }`,
      { d: task.draw.id },
    );
    const [assignment, ...others] = nodes(inspectionAssignments);
    state.drawId = task.draw.id;
    state.rectified = assignment.entity;
    state.team = assignment.team.map((m) => m.user.username);
    state.head = assignment.items[0].department.head.username;

    // The record to refer: another target of the draw whose entity 平顶山's directory lists too, which its
    // rules let into its pool (a 守信 entity they exempt would not be), and which the demo's joint task did
    // not draw this year (that draw's server seed is random: it would leave the entity out as drawn this year).
    const drawnThisYear = await jointDrawUsccs();
    for (const other of others.filter((a) => !drawnThisYear.has(a.entity.uscc))) {
      const { entities: there } = await apiAs(
        'pingdingshan.admin',
        'query($s: String!) { entities(first: 1, search: $s) { edges { node { id uscc industry regionCode targetType creditClass complaints violationRecord riskLevel } } } }',
        { s: other.entity.uscc },
      );
      const copy = nodes(there).find((e) => e.uscc === other.entity.uscc);
      if (copy && (await eligibility(copy)).eligible) {
        state.referred = { ...(await publishedWithProblem(other)), copy };
        break;
      }
    }
    assert.ok(state.referred, 'a target of the draw that 平顶山 lists too');
  });

  test('1. the team records a problem and proposes 责令整改; the head reviews; the leader decides it; the office publishes', async () => {
    await as(state.team[0], async (page) => {
      await page.goto(`/tasks/${encodeURIComponent(state.taskId)}`);
      const row = page.getByTestId('assignments-card').locator(`[data-testid="assignment-row"][data-uscc="${state.rectified.uscc}"]`);
      await row.getByTestId('assignment-open').click();
      await page.getByTestId('inspection-page').waitFor();
      state.recordPath = new URL(page.url()).pathname;
      state.accessCode = (await page.getByTestId('record-access-code').innerText()).trim();
      await fillAndSaveRecord(page, {
        inspectedOn: beijingDate(),
        place: '检查对象生产经营场所及项目用地现场',
        siteConditions: '现场核对供地批准文件与实际用地范围',
        interviewNotes: '询问项目负责人，承认临时堆放建筑材料',
        result: '违反其他规定',
        findings: FINDINGS,
      });
      const handling = page.getByTestId('handling-form');
      await handling.getByTestId('handling-outcome').getByText('责令整改', { exact: true }).click();
      await handling.getByTestId('handling-basis').fill(RECTIFY_BASIS);
      await handling.getByTestId('handling-deadline').fill('10');
      await handling.getByTestId('handling-save').click();
      await page.getByText('处理建议已保存').waitFor();
      await page
        .getByTestId('evidence-card')
        .locator('input[type="file"]')
        .setInputFiles({ name: '占地现场.png', mimeType: 'image/png', buffer: tinyPng([200, 60, 40]) });
      await page.locator('[data-testid="evidence-row"][data-name="占地现场.png"]').waitFor();
      await page.getByTestId('record-confirm').click();
      await page.getByText('已确认检查记录').waitFor();
      await screenshot(page, 'after-01-recorded');
    });
    await as(state.team[1], async (page) => {
      await page.goto(state.recordPath);
      await page.getByTestId('record-confirm').click();
      await assertText(page.getByTestId('all-confirmed'), '全组已确认');
      await transition(page, 'SUBMIT');
      await assertText(page.getByTestId('record-status'), '待部门审核');
    });
    await as(state.head, async (page) => {
      await page.goto(state.recordPath);
      await transition(page, 'PASS_REVIEW', '事实清楚，证据充分，同意责令整改');
      await assertText(page.getByTestId('record-status'), '待领导审批');
    });
    await as('wugang.leader', async (page) => {
      await page.goto(state.recordPath);
      // The leader decides 责令整改, with 15 working days instead of the team's 10.
      await approveChangingDeadline(page, 15);
      await assertText(page.getByTestId('record-status'), '待公示');
      const decided = page.getByTestId('handling-card');
      await assertText(decided.getByTestId('handling-label'), '责令整改');
      await assertText(decided.getByTestId('handling-change'), '责令整改（10 个工作日） → 责令整改（15 个工作日）');
      // The decision opened the rectification, due in 15 working days on the bureau's calendar.
      const card = page.getByTestId('rectification-card');
      await assertText(card.getByTestId('rectification-status'), '整改中');
      await assertText(card, '15 个工作日');
      await screenshot(page, 'after-02-decided');
    });
    await as('wugang.admin', async (page) => {
      await page.goto(state.recordPath);
      await transition(page, 'PUBLISH');
      await assertText(page.getByTestId('record-status'), '已公示');
    });
  });

  test('2. the entity reports its rectification through its access code on a phone', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto('/record');
      await page.getByTestId('access-code-input').fill(state.accessCode);
      await page.getByTestId('access-code-submit').click();
      await page.getByTestId('entity-record').waitFor();
      const card = page.getByTestId('entity-rectification');
      await assertText(card, RECTIFY_BASIS);
      await card.getByTestId('entity-rectification-body').fill(REPORT);
      await card.getByTestId('entity-rectification-submit').click();
      await assertText(card.getByTestId('entity-rectification-status'), '企业已报告');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
      await screenshot(page, 'after-03-entity-reports-375');
    });
  });

  test('3. a team member re-checks it, the head proposes closing, the leader approves: 整改完成', async () => {
    await as(state.team[1], async (page) => {
      await page.goto(state.recordPath);
      const card = page.getByTestId('rectification-card');
      await assertText(card, REPORT);
      await card.getByTestId('rectification-recheck').click();
      await page.getByTestId('rectification-recheck-result').fill('现场复查：建筑材料已清理，占用土地已恢复原状');
      await page.getByTestId('rectification-recheck-ok').click();
      await assertText(card.getByTestId('rectification-status'), '已复查');
    });
    await as(state.head, async (page) => {
      await page.goto(state.recordPath);
      const card = page.getByTestId('rectification-card');
      await card.getByTestId('rectification-propose').click();
      await page.getByTestId('rectification-propose-note').fill('复查合格，整改到位，建议办结');
      await page.getByTestId('rectification-propose-ok').click();
      await assertText(card.getByTestId('rectification-status'), '办结待审批');
    });
    await as('wugang.leader', async (page) => {
      await page.goto(state.recordPath);
      const card = page.getByTestId('rectification-card');
      await card.getByTestId('rectification-approve').click();
      await assertText(card.getByTestId('rectification-status'), '整改完成');
      await screenshot(page, 'after-04-rectified');
    });
  });

  test('4. another record is referred to 平顶山’s 执法监察支队, which accepts it and records 立案', async () => {
    const recordPath = `/inspections/${encodeURIComponent(state.referred.id)}`;
    await as('wugang.admin', async (page) => {
      await page.goto(recordPath);
      const card = page.getByTestId('referrals-card');
      await page.getByTestId('referral-propose').click();
      await choose(page, page.getByTestId('referral-department'), PARTNER);
      await page.getByTestId('referral-reason').fill(REFERRAL_REASON);
      await page.getByTestId('referral-propose-ok').click();
      await assertText(card.getByTestId('referral-status'), '待领导审批');
    });
    await as('wugang.leader', async (page) => {
      await page.goto(recordPath);
      const card = page.getByTestId('referrals-card');
      await clickAndConfirm(page, card.getByTestId('referral-approve'));
      await assertText(card.getByTestId('referral-status'), '待接收');
    });
    await as('pingdingshan.head', async (page) => {
      await page.getByRole('menuitem', { name: '移送案件' }).click();
      await page.waitForURL('**/referrals');
      const item = page.locator(`[data-testid="received-referral"][data-entity="${state.referred.entityName}"]`);
      await assertText(item.getByTestId('received-referral-status'), '待接收');
      await assertText(item, REFERRAL_REASON);
      await assertText(item, REFERRED_FINDINGS);
      await item.getByTestId('referral-step-ACCEPT').click();
      await page.getByTestId('referral-step-ok').click();
      await assertText(item.getByTestId('received-referral-status'), '已接收');
      await item.getByTestId('referral-step-FILE').click();
      await page.getByTestId('referral-step-case-no').fill(CASE_NO);
      await page.getByTestId('referral-step-ok').click();
      await assertText(item.getByTestId('received-referral-status'), '已立案');
      await screenshot(page, 'after-05-filed');
    });
    await as('wugang.admin', async (page) => {
      await page.goto(recordPath);
      const card = page.getByTestId('referrals-card');
      await assertText(card.getByTestId('referral-status'), '已立案');
      await assertText(card, CASE_NO);
    });
  });

  test('5. the entity goes on 舞钢’s blacklist and shows on the portal', async () => {
    const { uscc } = state.referred.copy;
    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.admin', DEMO_PASSWORD);
      await page.getByTestId('nav-credit-lists').click();
      await page.getByTestId('credit-lists-page').waitFor();
      await page.getByTestId('credit-entity-select').click();
      await page.keyboard.type(uscc.slice(0, 12));
      await page.locator('.ant-select-item-option', { hasText: state.referred.entityName }).first().click();
      await page.getByTestId('credit-reason').fill(BLACKLIST_REASON);
      await page.getByTestId('credit-legal-basis').fill(`《随机抽查实施细则》第十八条；${CASE_NO}`);
      await page.getByTestId('credit-valid-until').click();
      await page.keyboard.type(`${YEAR + 3}-12-31`);
      await page.keyboard.press('Enter');
      await page.getByTestId('credit-propose-form').getByTestId('credit-propose-submit').click();
      await assertText(page.getByTestId('credit-entries'), '待审批');
    });
    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.leader', DEMO_PASSWORD);
      const card = page.getByTestId('workbench-credit-approvals');
      await assertText(card, state.referred.entityName);
      await clickAndConfirm(page, card.getByTestId('credit-approval-approve'));
      await assertText(card, '没有待审批的名单或信用修复');
    });
    await withPage(async (page) => {
      await page.goto('/public');
      await page.getByTestId('public-nav-credit').click();
      await page.getByTestId('public-credit-page').waitFor();
      await page.getByTestId('public-credit-bureau').click();
      await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${WUGANG}"]`).click();
      const entry = page.locator('[data-testid="public-credit-entry"]', { hasText: uscc });
      await assertText(entry, BLACKLIST_REASON);
      await screenshot(page, 'after-06-public-blacklist');
    });
  });

  test('6. in 平顶山’s next draw the entity carries the province’s 联合惩戒 weight', async () => {
    const entity = state.referred.copy;
    const taskId = await drawnTask('pingdingshan', {
      item: PINGDINGSHAN_ITEM,
      ratio: '0.05',
      filter: { industries: [entity.industry], regionCodes: [entity.regionCode] },
      witness: false,
      secondRound: true,
    });
    // What the rules give the entity with and without the province's weight (河南's viewer reads it on its rules page).
    const { jointPunishment } = await apiAs('henan.viewer', '{ jointPunishment { enabled weight } }');
    assert.equal(jointPunishment.enabled, true);
    const withWeight = await eligibility(entity, jointPunishment.weight);
    const without = await eligibility(entity);
    assert.ok(withWeight.eligible && without.eligible, JSON.stringify({ withWeight, without }));
    assert.notEqual(withWeight.weight, without.weight);

    const office = await suite.newPage();
    const witness = await suite.newPage();
    try {
      await signInWithSession(office, 'pingdingshan.admin', DEMO_PASSWORD);
      await signInWithSession(witness, 'pingdingshan.leader', DEMO_PASSWORD);
      await office.goto(`/tasks/${encodeURIComponent(taskId)}`);
      await office.getByTestId('task-open-ceremony').click();
      await office.getByTestId('ceremony-page').waitFor();
      await clickAndConfirm(office, office.getByTestId('draw-freeze'));
      await office.getByTestId('draw-commitment').waitFor();
      await witness.goto(new URL(office.url()).pathname);
      await witness.getByTestId('witness-input').fill('平顶山市纪检监察 见证值 联合惩戒-1207');
      await clickAndConfirm(witness, witness.getByTestId('witness-submit'));
      await assertText(office.getByTestId('entropy-card'), '联合惩戒-1207');
      await office.getByTestId('public-number-input').fill('621');
      await clickAndConfirm(office, office.getByTestId('public-number-submit'));
      await clickAndConfirm(office, office.getByTestId('draw-perform'));
      await office.getByTestId('reveal-card').waitFor();
      // The office checks the key map against the public record and finds the entity's line in the pool.
      const keyMap = office.getByTestId('key-map-card');
      await keyMap.getByTestId('key-map-load').click();
      assert.equal(await keyMap.getByTestId('key-map-check').getAttribute('data-ok'), 'true');
      await keyMap.getByTestId('key-map-lookup').locator('input').fill(entity.uscc);
      await keyMap.getByTestId('key-map-lookup').locator('input').press('Enter');
      const line = keyMap.getByTestId('key-map-lookup-line');
      await assertText(line, `权重 ${withWeight.weight}`);
      assert.equal(await line.getAttribute('data-weight'), withWeight.weight);
      await screenshot(office, 'after-07-joint-punishment-weight');
    } finally {
      await office.context().close();
      await witness.context().close();
    }
  });

  test('7. the year’s PDF report counts each of these', async () => {
    await as('wugang.leader', async (page) => {
      await page.getByRole('menuitem', { name: '统计看板' }).click();
      await page.waitForURL('**/dashboard*');
      await page.getByTestId('open-annual-report').click();
      await page.waitForURL(`**/dashboard/annual-report?year=${YEAR}`);
      const card = page.getByTestId('annual-report-card');
      await assertText(card.getByTestId('annual-report-unit'), WUGANG);
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('annual-report-pdf').click()]);
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'after-report.pdf');
      await download.saveAs(file);
      const text = pdfText(file);
      assert.ok(text.includes(`${WUGANG}${YEAR}年度`), 'the bureau’s report of the year');
      const before = state.before;
      assert.equal(figure(text, '四、处理决定', '五、整改', '其中：责令整改'), before.rectify + 2, '责令整改 decided, on both records');
      assert.equal(figure(text, '五、整改', '六、移送', '开立的整改'), before.opened + 2, 'rectifications opened');
      assert.equal(figure(text, '五、整改', '六、移送', '已办结'), before.closed + 1, 'rectification closed');
      assert.equal(figure(text, '五、整改', '六、移送', '按期办结'), before.closedInTime + 1, 'closed in time');
      assert.equal(figure(text, '七、信用惩戒', null, '列入黑名单'), before.blacklisted + 1, 'blacklisted');
      // 六、移送 counts once the report's referral part (annual_report_referrals) is in.
      assert.equal(figure(text, '六、移送', '七、信用惩戒', '移送'), before.referred + 1, 'referred');
      assert.equal(figure(text, '六、移送', '七、信用惩戒', '已立案'), before.filed + 1, '立案');
    });
  });
});
