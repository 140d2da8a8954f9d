// Batch work on a task's page: 舞钢's leader filters the task's records to 待领导审批, selects 50 of
// them, confirms 批量审批通过, watches the progress and sees each record's result; one record still
// waiting for its department's review, selected with them, is refused with the reason while the others
// go ahead. The task's progress by status follows, and the page does not scroll sideways on a phone.
// The 51 records are prepared through the API as their teams and department head would (not the
// subject here): a 专项检查 drawn today, each record filled, confirmed, submitted and (50 of them) reviewed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, screenshot } from '../support/ui.mjs';

/** Beijing's date `days` from now, YYYY-MM-DD. */
const beijingDate = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const TODAY = beijingDate();
// The task's window stays inside the year, however near its end the test runs.
const ENDS_ON = [beijingDate(20), `${TODAY.slice(0, 4)}-12-31`].sort()[0];
const ITEM = '土地使用情况监督检查';
const BATCH = 50;

const suite = useServerAndBrowser();
const tokens = new Map();
// One sign-in per account, shared by the calls made at once: parallel sign-ins of one account are what its throttle counts.
const tokenOf = (username) => tokens.get(username) ?? tokens.set(username, suite.apiToken(username)).get(username);
const apiAs = async (username, query, variables = {}) => suite.api(query, variables, await tokenOf(username));
const nodes = (connection) => connection.edges.map((e) => e.node);

/** A 专项检查 of 舞钢 from today over one item, approved, frozen and drawn through the API: its id and draw. */
async function drawnTask() {
  const { items } = await apiAs('wugang.admin', '{ items(first: 100) { edges { node { id name } } } }');
  const itemId = nodes(items).find((i) => i.name === ITEM).id;
  // The demo's joint task used the item's one round of the year: the bureau adds a second, with its reason.
  await apiAs('wugang.admin', 'mutation($id: ID!) { updateItem(id: $id, input: { frequencyPerYear: 2 }, reason: "市局部署年内增加一轮执法检查") { id } }', {
    id: itemId,
  });
  const { createTask } = await apiAs('wugang.admin', 'mutation($input: TaskInput!) { createTask(input: $input) { id } }', {
    input: {
      kind: 'SPECIAL',
      reason: '上级交办：土地使用情况集中核查（批量办理测试）',
      title: '舞钢市土地使用情况集中核查（批量办理）',
      purpose: '核查土地使用情况',
      procedure: '封存名单 → 见证 → 摇号 → 实地核查 → 报告 → 审核 → 审批 → 公示',
      divisionOfLabour: '按摇号结果组成检查组',
      confidentiality: '摇号结果公布前不得泄露',
      startsOn: TODAY,
      endsOn: ENDS_ON,
      teamSize: 2,
      // 舞钢's 建材 companies (制造业), about 300 in the demo: a quarter of them is enough for the batch.
      targetFilter: { industries: ['制造业'] },
      items: [{ itemId, ratio: '0.25' }],
    },
  });
  await apiAs('wugang.leader', 'mutation($id: ID!) { approveTask(id: $id, comment: "同意开展专项检查") { id } }', { id: createTask.id });
  const { commitDraw } = await apiAs('wugang.admin', 'mutation($t: ID!) { commitDraw(taskId: $t, publicNumberDigits: 3) { id } }', { t: createTask.id });
  const entropy = 'mutation($d: ID!, $k: EntropyKind!, $v: String!) { addDrawEntropy(drawId: $d, kind: $k, value: $v) { id } }';
  await apiAs('wugang.leader', entropy, { d: commitDraw.id, k: 'WITNESS', v: '舞钢市纪检监察 见证值 批量办理-0607' });
  await apiAs('wugang.admin', entropy, { d: commitDraw.id, k: 'PUBLIC_NUMBER', v: '582' });
  await apiAs('wugang.admin', 'mutation($d: ID!) { performDraw(drawId: $d) { id } }', { d: commitDraw.id });
  return { taskId: createTask.id, drawId: commitDraw.id };
}

const STEP = 'mutation($id: ID!, $a: InspectionAction!, $c: String) { transitionInspection(id: $id, action: $a, comment: $c) { id } }';

/** One drawn target's record, written, confirmed and submitted by its team, and passed by its department head when `review`. */
async function submittedRecord(drawId, assignment, review) {
  const [first, second] = assignment.team.map((m) => m.user.username);
  const { openInspection: record } = await apiAs(first, 'mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id entityName } }', {
    d: drawId,
    s: assignment.seq,
  });
  await apiAs(first, 'mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }', {
    id: record.id,
    input: {
      // Read now, not when the file started: a run that passes midnight in Beijing draws on the next day.
      inspectedOn: beijingDate(),
      place: '检查对象生产经营场所',
      siteConditions: '现场核对用地批准文件与实际用地范围，一致',
      findings: null,
      resultCategory: 'NO_PROBLEM',
      interviewNotes: '询问法定代表人，陈述与资料一致',
    },
  });
  await apiAs(first, 'mutation($id: ID!, $input: HandlingInput!) { proposeHandling(id: $id, input: $input) { id } }', {
    id: record.id,
    input: { outcome: 'NO_PROBLEM', basis: '未发现问题' },
  });
  for (const member of [first, second]) await apiAs(member, 'mutation($id: ID!) { confirmInspection(id: $id) { id } }', { id: record.id });
  await apiAs(first, STEP, { id: record.id, a: 'SUBMIT' });
  if (review) await apiAs(assignment.items[0].department.head.username, STEP, { id: record.id, a: 'PASS_REVIEW', c: '同意' });
  return record;
}

/** `work` over `list`, `width` at a time. */
async function inSlices(list, width, work) {
  const out = [];
  for (let i = 0; i < list.length; i += width) out.push(...(await Promise.all(list.slice(i, i + width).map(work))));
  return out;
}

describe('batch approval on the task page', () => {
  test('the leader approves 50 records in one batch and sees each result', async () => {
    const { taskId, drawId } = await drawnTask();
    const { inspectionAssignments } = await apiAs(
      'wugang.admin',
      `query($d: ID!) { inspectionAssignments(drawId: $d, first: 100) { edges { node { seq
         team { user { username } } items { department { head { username } } } } } } }`,
      { d: drawId },
    );
    const assignments = nodes(inspectionAssignments);
    assert.ok(assignments.length >= BATCH + 1, `the task drew ${assignments.length} targets`);
    const reviewed = await inSlices(assignments.slice(0, BATCH), 5, (a) => submittedRecord(drawId, a, true));
    const [waiting] = await inSlices(assignments.slice(BATCH, BATCH + 1), 1, (a) => submittedRecord(drawId, a, false));

    await suite.withSignedIn('wugang.leader', async (page) => {
      await page.goto(`/tasks/${encodeURIComponent(taskId)}`);
      const card = page.getByTestId('task-records');
      await card.waitFor();
      // The counts arrive after the card: wait for them (a read at once could see the first render's zeros).
      const counted = (status, n) => card.locator(`[data-testid="task-progress-status"][data-status="${status}"][data-count="${n}"]`).waitFor();
      await counted('REVIEWED', BATCH);
      await counted('SUBMITTED', 1);
      await screenshot(page, 'batch-01-progress');

      // 待领导审批 only: the 50 records; select them all, then the one still waiting for review too.
      await card.locator('[data-testid="task-progress-status"][data-status="REVIEWED"]').click();
      await assertText(card.getByTestId('task-records-pager'), `共 ${BATCH} 条`);
      await card.locator('thead .ant-checkbox-input').check();
      assert.equal(await card.getByTestId('batch-selected').getAttribute('data-count'), String(BATCH));
      await card.locator('[data-testid="task-progress-status"][data-status="SUBMITTED"]').click();
      await card.locator(`[data-testid="task-record-row"][data-id="${waiting.id}"] .ant-checkbox-input`).check();
      assert.equal(await card.getByTestId('batch-selected').getAttribute('data-count'), String(BATCH + 1));
      // The leader approves; the head's review and the office's publication are not offered.
      assert.equal(await card.getByTestId('batch-PASS_REVIEW').count(), 0);
      assert.equal(await card.getByTestId('batch-PUBLISH').count(), 0);

      await card.getByTestId('batch-APPROVE').click();
      const modal = page.getByTestId('batch-modal');
      await assertText(modal.getByTestId('batch-confirm-text'), `选中的 ${BATCH + 1} 条检查记录`);
      await assertText(modal.getByTestId('batch-confirm-text'), `其中 ${BATCH} 条当前由您办理`);
      await modal.getByTestId('batch-comment').fill('同意，批量审批');
      await screenshot(page, 'batch-02-confirm');
      await modal.getByTestId('batch-confirm').click();
      await modal.locator('[data-testid="batch-summary"][data-phase="done"]').waitFor({ timeout: 60_000 });
      assert.equal(await modal.getByTestId('batch-progress').getAttribute('data-done'), String(BATCH + 1));
      await assertText(modal.getByTestId('batch-summary'), `${BATCH} 条成功，1 条未办理`);
      const results = modal.getByTestId('batch-result');
      assert.equal(await results.count(), BATCH + 1);
      assert.equal(await modal.locator('[data-testid="batch-result"][data-ok="true"]').count(), BATCH);
      const refused = modal.locator(`[data-testid="batch-result"][data-id="${waiting.id}"]`);
      assert.equal(await refused.getAttribute('data-ok'), 'false');
      await assertText(refused, waiting.entityName);
      await assertText(refused, '未办理：');
      for (const record of reviewed.slice(0, 3)) await assertText(modal.locator(`[data-testid="batch-result"][data-id="${record.id}"]`), '已办理');
      await screenshot(page, 'batch-03-results');
      await modal.getByTestId('batch-close').click();

      // The progress follows: 50 waiting for publication, the one record still with its department.
      await counted('APPROVED', BATCH);
      await counted('REVIEWED', 0);
      await counted('SUBMITTED', 1);

      // On a phone the page keeps to the screen's width.
      await page.setViewportSize({ width: 375, height: 812 });
      await card.locator('[data-testid="task-progress-status"][data-status="APPROVED"]').click();
      await card.getByTestId('task-record-row').first().waitFor();
      await card.scrollIntoViewIfNeeded();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
      await screenshot(page, 'batch-04-phone', { fullPage: false });
    });

    const { node } = await apiAs('wugang.admin', 'query($id: ID!) { node(id: $id) { ... on Task { inspectionProgress { status count } } } }', { id: taskId });
    assert.deepEqual(
      node.inspectionProgress.filter((p) => p.count).map((p) => [p.status, p.count]),
      [
        ['SUBMITTED', 1],
        ['APPROVED', BATCH],
      ],
    );
  });
});
