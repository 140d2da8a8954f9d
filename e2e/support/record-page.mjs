// Steps on a record's page: the form as a team member fills it, and a workflow step (提交, 审核, 审批…).
import { assertText, choose } from './ui.mjs';

/** Opens the workflow modal for `action`, writes the comment (if any) and presses its OK. */
export async function transition(page, action, comment) {
  await page.getByTestId(`record-action-${action}`).click();
  const modal = page.locator(`[data-testid="record-transition-modal"][data-action="${action}"]`);
  await modal.waitFor();
  if (comment) await modal.getByTestId('record-transition-comment').fill(comment);
  await page.getByTestId('record-transition-submit').click();
  await modal.waitFor({ state: 'detached' });
}

/** The leader approves a record the team proposed 责令整改 for, deciding it with `days` working days instead. */
export async function approveChangingDeadline(page, days) {
  await page.getByTestId('record-action-APPROVE').click();
  const modal = page.locator('[data-testid="record-transition-modal"][data-action="APPROVE"]');
  await assertText(modal, '处理建议：责令整改');
  await modal.getByTestId('handling-change-toggle').click();
  await modal.getByTestId('handling-deadline').fill(String(days));
  await page.getByTestId('record-transition-submit').click();
  await modal.waitFor({ state: 'detached' });
}

/** The inspection date, place, site conditions, interview notes, result and (for a problem) findings, then 保存. */
export async function fillAndSaveRecord(page, { inspectedOn, place, siteConditions, interviewNotes, result, findings }) {
  const form = page.getByTestId('record-form');
  const date = form.getByLabel('检查日期');
  await date.click();
  await date.fill(inspectedOn);
  await date.press('Enter');
  await form.getByTestId('record-place').fill(place);
  await form.getByTestId('record-site-conditions').fill(siteConditions);
  await form.getByTestId('record-interview-notes').fill(interviewNotes);
  await choose(page, form.getByTestId('record-result'), result);
  if (findings) await form.getByTestId('record-findings').fill(findings);
  // Everything needed for submitting is there now, as typed.
  await page.getByTestId('record-missing').waitFor({ state: 'detached' });
  await form.getByTestId('record-save').click();
  await page.getByText('检查记录已保存').waitFor();
}
