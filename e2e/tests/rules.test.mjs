// 抽查细则 in a real browser against the real server: 常德's office proposes a change with its reason and
// nothing changes until the leader approves it (领导小组审定); the version then in force names who proposed
// and who approved. 湖南's province sets bounds for its bureaus, and bounds 常德's rules break are refused
// with 常德 named. 舞钢's office adds its own handling outcome 约谈; once its leader approves it, the team's
// handling form offers it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, confirmPopover, screenshot } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { signedIn, withSignedIn } = suite;

describe('rule governance', () => {
  test('a rule change proposed by the office is in force only once the leader approves it', async () => {
    const office = await signedIn('changde.admin');
    const leader = await signedIn('changde.leader');
    try {
      await office.getByRole('menuitem', { name: '抽查细则' }).click();
      await office.waitForURL('**/rules');
      await assertText(office.getByTestId('rules-version'), '第 1 版');
      await office.getByTestId('rules-edit').click();
      const editor = office.getByTestId('rules-editor');
      await editor.waitFor();
      await editor.getByTestId('rule-input-ratio.max').fill('0.15');
      await editor.getByTestId('rules-reason').fill('领导小组会议研究，提高重点领域抽查比例上限');
      await editor.getByTestId('rules-save').click();

      // Proposed, not in force: the office waits and cannot approve its own proposal.
      const pending = office.getByTestId('rules-pending');
      await assertText(pending, '抽查比例上限');
      await assertText(office.getByTestId('rules-version'), '第 1 版');
      await assertText(office.getByTestId('rule-value-ratio.max'), '10%');
      assert.equal(await office.getByTestId('rules-approve').count(), 0, 'the office does not approve');
      assert.equal(await office.getByTestId('rules-edit').count(), 0, 'one proposal waits at a time');
      await assertText(office.getByTestId('rules-proposal-status'), '待审定');
      await screenshot(office, 'rules-01-proposed');

      // The leader sees what changes and why, and approves.
      await leader.getByRole('menuitem', { name: '抽查细则' }).click();
      await leader.waitForURL('**/rules');
      const seen = leader.getByTestId('rules-pending');
      await assertText(seen, '领导小组会议研究');
      await assertText(seen.getByTestId('rules-pending-changes'), '15%');
      await screenshot(leader, 'rules-02-leader-reviews');
      await leader.getByTestId('rules-approve').click();
      await assertText(leader.getByTestId('rules-version'), '第 2 版');
      await assertText(leader.getByTestId('rule-value-ratio.max'), '15%');
      assert.equal(await leader.getByTestId('rules-pending').count(), 0);

      // The office sees the version in force, who approved it, and the proposal's trail.
      await office.reload();
      await assertText(office.getByTestId('rules-version'), '第 2 版');
      await assertText(office.getByTestId('rules-proposal-status'), '已审定生效');
      const approver = await office.getByTestId('rules-history-approver').first().innerText();
      assert.notEqual(approver.trim(), '—', 'the version names its approver');
      await screenshot(office, 'rules-03-in-force');
    } finally {
      await office.context().close();
      await leader.context().close();
    }
  });

  test('a province’s bounds that a bureau’s rules break are refused, naming the bureau', async () => {
    const province = await signedIn('hunan.viewer');
    try {
      await province.getByRole('menuitem', { name: '细则范围' }).click();
      await province.waitForURL('**/rule-bounds');
      const bureaus = province.getByTestId('bounds-bureaus');
      await assertText(bureaus, '常德市自然资源和规划局');
      const form = province.getByTestId('bounds-form');
      await form.getByTestId('bounds-floor').fill('0.05');
      // Checked as typed against each bureau's current limits.
      await assertText(bureaus.getByTestId('bounds-bureau-outside'), '不低于 5%');
      await form.getByTestId('bounds-reason').fill('全省抽查比例不低于5%');
      await form.getByTestId('bounds-save').click();
      await assertText(province.getByTestId('bounds-error'), '常德市自然资源和规划局');
      await screenshot(province, 'rules-04-bounds-refused');
      await form.getByTestId('bounds-floor').fill('0.02');
      await form.getByTestId('bounds-save').click();
      await assertText(province.getByTestId('bounds-current'), '全省抽查比例不低于5%');
      await bureaus.getByTestId('bounds-bureau-inside').first().waitFor();
    } finally {
      await province.context().close();
    }
  });

  test('a bureau’s own handling outcome is offered in the handling form once its leader approves it', async () => {
    const office = await signedIn('wugang.admin');
    const leader = await signedIn('wugang.leader');
    try {
      await office.goto('/rules');
      const card = office.getByTestId('own-outcomes');
      await card.getByTestId('own-outcome-propose').click();
      await card.getByTestId('own-outcome-label').fill('约谈');
      await card.getByTestId('own-outcome-code').fill('INTERVIEW');
      await card.getByTestId('own-outcome-behaves').click();
      await office.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('未发现问题', { exact: true }).click();
      await card.getByTestId('own-outcome-reason').fill('本局细则规定对轻微问题约谈负责人');
      await card.getByTestId('own-outcome-submit').click();
      await assertText(card.getByTestId('own-outcome-status'), '待审定');
      assert.equal(await card.getByTestId('own-outcome-approve').count(), 0, 'the office does not approve');

      await leader.goto('/rules');
      const seen = leader.getByTestId('own-outcomes');
      await assertText(seen.getByTestId('own-outcome-row-label'), '约谈');
      await seen.getByTestId('own-outcome-approve').click();
      await confirmPopover(leader);
      await assertText(seen.getByTestId('own-outcome-status'), '已审定可用');
      await screenshot(leader, 'rules-05-own-outcome-approved');
    } finally {
      await office.context().close();
      await leader.context().close();
    }

    // A team member of a record returned for changes now finds 约谈 among the outcomes.
    const token = await suite.apiToken('wugang.admin');
    const { inspections } = await suite.api('{ inspections(status: RETURNED, first: 1) { edges { node { id team { user { username } } } } } }', {}, token);
    const record = inspections.edges[0].node;
    const member = record.team.map((i) => i.user?.username).find(Boolean);
    await withSignedIn(member, async (page) => {
      await page.goto(`/inspections/${encodeURIComponent(record.id)}`);
      const handling = page.getByTestId('handling-form');
      await handling.getByTestId('handling-outcome').getByText('约谈', { exact: true }).click();
      await handling.getByTestId('handling-basis').fill('约谈企业负责人，当场说明整改要求');
      await handling.getByTestId('handling-save').click();
      await page.getByText('处理建议已保存').waitFor();
      await screenshot(page, 'rules-06-own-outcome-in-form');
    });
    const { node } = await suite.api(
      'query($id: ID!) { node(id: $id) { ... on Inspection { handling { outcome ownOutcome label } } } }',
      { id: record.id },
      token,
    );
    assert.deepEqual(node.handling, { outcome: 'NO_PROBLEM', ownOutcome: 'INTERVIEW', label: '约谈' });
  });
});
