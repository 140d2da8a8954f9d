// 抽查细则 in a real browser against the real server: 常德's office proposes a change with its reason and
// nothing changes until the leader approves it (领导小组审定); the version then in force names who proposed
// and who approved. 湖南's province sets bounds for its bureaus, and bounds 常德's rules break are refused
// with 常德 named.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, screenshot } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { signedIn } = suite;

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
});
