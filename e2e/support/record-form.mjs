// The record form as a team member fills it: the inspection date, place, site conditions, interview
// notes, result and (for a problem) findings, then 保存.
import { choose } from './ui.mjs';

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
