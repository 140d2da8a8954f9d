// The year's report (年度双随机工作总结) in a real browser against the real server: 常德's leader opens it from
// the dashboard (its 2026 plan of two rounds), downloads the xlsx and the PDF, and reads it on a phone; Hunan's
// provincial viewer gets the province's aggregates, a row for 常德 and nothing of Henan.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ARTIFACTS } from '../support/browser.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, screenshot } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { withSignedIn } = suite;
const YEAR = 2026;

/** Clicks a download button, keeps the file under e2e/artifacts/ and returns its bytes and suggested name. */
async function download(page, button, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const target = path.join(ARTIFACTS, name);
  await file.saveAs(target);
  return { bytes: readFileSync(target), suggested: file.suggestedFilename() };
}

/** The value the page shows for a line of a section. */
async function line(card, section, label) {
  const cell = card.getByTestId(`report-section-${section}`).locator(`[data-testid="report-line"][data-label="${label}"]`);
  await cell.waitFor();
  return cell.getAttribute('data-value');
}

/** No sideways scroll: the page is no wider than the window. */
async function fitsWidth(page) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The outermost elements that stick out, to say what to fix.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.getAttribute('data-testid') ?? ''}] ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  }));
  assert.ok(scroll <= width, `page ${scroll} px wide in a ${width} px window: ${wide.join(', ')}`);
}

describe('the year’s report', () => {
  test('常德’s leader opens the report from the dashboard, downloads both files and reads it on a phone', async () => {
    await withSignedIn('changde.leader', async (page) => {
      await page.getByRole('menuitem', { name: '统计看板' }).click();
      await page.waitForURL('**/dashboard*');
      await page.getByTestId('open-annual-report').click();
      await page.waitForURL(`**/dashboard/annual-report?year=${YEAR}`);
      const card = page.getByTestId('annual-report-card');
      await assertText(card.getByTestId('annual-report-unit'), '常德市自然资源和规划局');
      assert.equal(await line(card, 'work', '现行年度抽查计划（份）'), '1');
      assert.equal(await line(card, 'work', '计划轮次'), '2');
      assert.equal(await line(card, 'referrals', '移送'), '0');
      const directory = await line(card, 'inspections', '名录中的检查对象');
      assert.ok(Number(directory) > 0, `directory ${directory}`);
      await card.getByTestId('report-figure-coverage').waitFor();
      await card.getByTestId('annual-report-funnel').locator('canvas').waitFor();
      await card.getByTestId('annual-report-lateness').locator('canvas').waitFor();
      assert.equal(await card.getByTestId('report-bureaus').count(), 0, 'a bureau has no row per bureau');
      await screenshot(page, 'annual-report-01-bureau');

      const xlsx = await download(page, card.getByTestId('annual-report-xlsx'), 'annual-report-changde.xlsx');
      assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.match(xlsx.suggested, /常德市自然资源和规划局2026年度双随机抽查工作总结\.xlsx$/);
      const pdf = await download(page, card.getByTestId('annual-report-pdf'), 'annual-report-changde.pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdf.suggested, /\.pdf$/);
      assert.match(pdf.bytes.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);

      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await assertText(page.getByTestId('annual-report-unit'), '常德市自然资源和规划局');
      await page.getByTestId('annual-report-funnel').locator('canvas').waitFor();
      await fitsWidth(page);
      await screenshot(page, 'annual-report-02-phone');
    });
  });

  test('Hunan’s provincial viewer gets 常德’s row and the province’s sum, nothing of Henan, and both files', async () => {
    await withSignedIn('hunan.viewer', async (page) => {
      await page.getByRole('menuitem', { name: '全省统计' }).click();
      await page.waitForURL('**/province*');
      await page.getByTestId('open-annual-report').click();
      await page.waitForURL(`**/province/annual-report?year=${YEAR}`);
      const card = page.getByTestId('annual-report-card');
      await assertText(card.getByTestId('annual-report-unit'), '湖南省自然资源厅');
      const rows = card.getByTestId('report-bureaus').getByTestId('report-bureau-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      assert.equal(await rows.first().getAttribute('data-key'), '430700');
      await assertText(rows.first(), '常德市自然资源和规划局');
      assert.equal(await line(card, 'work', '计划轮次'), '2');
      assert.equal(await page.getByText(/舞钢|平顶山/).count(), 0, 'nothing of Henan');
      await card.getByTestId('annual-report-funnel').locator('canvas').waitFor();
      await screenshot(page, 'annual-report-03-province');

      const xlsx = await download(page, card.getByTestId('annual-report-xlsx'), 'annual-report-hunan.xlsx');
      assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.match(xlsx.suggested, /湖南省自然资源厅2026年度/);
      const pdf = await download(page, card.getByTestId('annual-report-pdf'), 'annual-report-hunan.pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');

      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await rows.first().waitFor();
      await fitsWidth(page);
      await screenshot(page, 'annual-report-04-province-phone');
    });
  });
});
