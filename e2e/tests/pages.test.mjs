// The directory pages and the public portal in a real browser against the real server: 舞钢's office
// imports a small entity CSV made here (one row bad), follows the import to its summary and downloads
// the error report; without signing in, anyone reads 舞钢's published results, verifies the 2023 draw
// in the browser (it reproduces), and a tampered copy of the record fails, naming the check.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ARTIFACTS } from '../support/browser.mjs';
import { DEMO_PASSWORD, REPO_ROOT } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, menuLabels, screenshot, signInWithSession } from '../support/ui.mjs';

// The shared check character and the server's spreadsheet reader, from the workspaces that declare them.
const fromServer = createRequire(path.join(REPO_ROOT, 'server', 'package.json'));
const { completeUscc } = fromServer('@spotcheck/shared');
const ExcelJS = fromServer('exceljs');

const WUGANG = '舞钢市自然资源和规划局';
const TASK_2023 = '舞钢市自然资源和规划局2023年“双随机、一公开”随机抽查';

const suite = useServerAndBrowser();

/** Three valid entities of 舞钢 (410481) and, third in the file, one whose USCC is too short. */
function entityCsv() {
  const header = '名称,统一社会信用代码,行政区划代码,登记状态,信用等级,风险等级,地址,登记机关,法定代表人';
  const valid = ['E2E001', 'E2E002', 'E2E003'].map(
    (suffix, i) =>
      `浏览器测试${i + 1}号建材有限公司,${completeUscc(`91410481MA${suffix}X00`.slice(0, 17))},410481,存续,B,低,测试路 ${i + 1} 号,舞钢市市场监督管理局,张${i + 1}`,
  );
  const bad = '浏览器测试坏行有限公司,91410481BAD,410481,存续,B,低,测试路 9 号,舞钢市市场监督管理局,李四';
  return { text: `\uFEFF${[header, valid[0], valid[1], bad, valid[2]].join('\r\n')}\r\n`, validUscc: valid.map((row) => row.split(',')[1]) };
}

async function readSheet(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows = [];
  sheet.eachRow((row) => rows.push(row.values.slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('directories and the public portal', () => {
  test('舞钢’s office imports an entity CSV with one bad row and downloads the error report', async () => {
    const page = await suite.newPage();
    try {
      await signInWithSession(page, 'wugang.admin', DEMO_PASSWORD);
      const labels = await menuLabels(page);
      for (const label of ['事项清单', '检查对象名录', '执法检查人员名录', '抽查细则', '数据导入', '工作日调整']) assert.ok(labels.includes(label), label);

      await page.getByRole('menuitem', { name: '检查对象名录' }).click();
      await page.getByTestId('entity-row').first().waitFor();
      await page.getByTestId('entities-import').click();
      const wizard = page.getByTestId('import-wizard');
      await wizard.waitFor();
      assert.equal(await wizard.getByTestId('import-steps').getAttribute('data-step'), 'choose');

      const { text, validUscc } = entityCsv();
      mkdirSync(ARTIFACTS, { recursive: true });
      const csvFile = path.join(ARTIFACTS, 'pages-entities-import.csv');
      writeFileSync(csvFile, text);
      await wizard.locator('input[type=file]').setInputFiles(csvFile);
      await assertText(wizard.getByTestId('import-file-name'), 'pages-entities-import.csv');
      await wizard.getByTestId('import-mode-VALID_ROWS').click();
      await screenshot(page, 'pages-01-import-chosen');
      await wizard.getByTestId('import-start').click();

      // The job page follows the server's progress to the summary.
      const job = page.getByTestId('import-job-page');
      await job.waitFor();
      await page.waitForURL(/\/imports\/[^/]+$/);
      await page.locator('[data-testid="import-job-page"][data-status="SUCCEEDED"]').waitFor({ timeout: 30_000 });
      await assertText(job.getByTestId('import-succeeded'), '新增 3 条');
      await assertText(job.getByTestId('import-errors'), '1');
      const errorRow = page.getByTestId('import-error-row');
      await errorRow.first().waitFor();
      assert.equal(await errorRow.count(), 1);
      assert.equal(await errorRow.first().getAttribute('data-row'), '4');
      await assertText(errorRow.first(), '18 位');
      // The row's own cells, so it can be found and fixed; the message in Chinese, no code like USCC_LENGTH.
      await assertText(errorRow.first(), '统一社会信用代码：');
      assert.doesNotMatch(await errorRow.first().innerText(), /USCC_[A-Z]+/);
      await screenshot(page, 'pages-02-import-summary');

      const [download] = await Promise.all([page.waitForEvent('download'), job.getByTestId('import-error-report').click()]);
      assert.match(download.suggestedFilename(), /^导入错误报告-.*\.xlsx$/);
      const report = path.join(ARTIFACTS, 'pages-import-errors.xlsx');
      await download.saveAs(report);
      assert.equal(readFileSync(report).subarray(0, 2).toString(), 'PK');
      const rows = await readSheet(report);
      assert.deepEqual(rows[0], ['行号', '列', '说明', '该行内容', '仅警告', '错误代码']);
      assert.equal(rows.length, 2);
      assert.equal(rows[1][0], '4');
      assert.match(rows[1][2], /18 位/);
      assert.match(rows[1][3], /统一社会信用代码：/);

      // The new entities are in the directory, with the USCC checked again as it is typed on the form.
      await page.getByRole('menuitem', { name: '检查对象名录' }).click();
      await page.getByTestId('entities-search').locator('input').fill('浏览器测试');
      await page.getByTestId('entities-search').locator('input').press('Enter');
      await page.locator(`[data-testid="entity-row"][data-uscc="${validUscc[1]}"]`).waitFor();
      assert.equal(await page.getByTestId('entity-row').count(), 3);
      await page.locator(`[data-testid="entity-row"][data-uscc="${validUscc[1]}"]`).getByTestId('entity-edit').click();
      const form = page.getByTestId('entity-form');
      await form.waitFor();
      const wrongCheck = validUscc[1].slice(0, 17) + (validUscc[1][17] === '0' ? '1' : '0');
      await form.getByTestId('entity-uscc').fill(wrongCheck.toLowerCase());
      await assertText(form.getByTestId('entity-uscc-help'), '校验码不符');
      await form.getByTestId('entity-confirm-checksum').waitFor();
      await screenshot(page, 'pages-03-entity-uscc-check');
    } finally {
      await page.context().close();
    }
  });

  test('without sign-in the portal shows 舞钢’s published results and verifies the 2023 draw in the browser', async () => {
    const page = await suite.newPage();
    try {
      await page.goto('/public');
      const bureau = page.locator(`[data-testid="public-bureau-row"][data-name="${WUGANG}"]`);
      await bureau.waitFor();
      await screenshot(page, 'pages-04-portal-home');

      // The newest results of all bureaus page by key: 第 2 页 holds none of 第 1 页, 上一页 comes back to it.
      const latest = page.getByTestId('public-latest-results');
      const latestIds = async () => latest.getByTestId('public-result-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
      await latest.getByTestId('public-result-row').first().waitFor();
      await assertText(page.getByTestId('public-latest-pager-summary'), '第 1 页');
      const firstPage = await latestIds();
      assert.equal(firstPage.length, 10);
      const firstRowIs = (key, is) =>
        page.waitForFunction(
          ([k, same]) => {
            const row = document.querySelector('[data-testid="public-latest-results"] [data-testid="public-result-row"]');
            return row && (row.getAttribute('data-row-key') === k) === same;
          },
          [key, is],
        );
      await page.getByTestId('public-latest-pager-next').click();
      await assertText(page.getByTestId('public-latest-pager-summary'), '第 2 页');
      await firstRowIs(firstPage[0], false);
      const secondPage = await latestIds();
      assert.ok(secondPage.length > 0);
      assert.deepEqual(
        secondPage.filter((id) => firstPage.includes(id)),
        [],
      );
      await page.getByTestId('public-latest-pager-prev').click();
      await assertText(page.getByTestId('public-latest-pager-summary'), '第 1 页');
      await firstRowIs(firstPage[0], true);
      assert.deepEqual(await latestIds(), firstPage);

      await bureau.getByTestId('public-bureau-link').click();
      await assertText(page.getByTestId('public-bureau-name'), WUGANG);
      const rows = page.getByTestId('public-result-row');
      await rows.first().waitFor();
      // Counted only on request (统计总数), then kept while the filters change.
      await assertText(page.getByTestId('public-results-pager-summary'), '第 1 页');
      await page.getByTestId('public-results-pager-count').click();
      await assertText(page.getByTestId('public-results-pager-summary'), '共 16 条');
      assert.equal(await rows.count(), 16);
      assert.ok((await page.getByTestId('public-result-category').allInnerTexts()).includes('发现问题经责令已改正'));

      // Search by USCC, then by task with the 公示 files of that task.
      const uscc = (await rows.first().getAttribute('data-uscc')) ?? '';
      await page.getByTestId('public-results-search').locator('input').fill(uscc);
      await page.getByTestId('public-results-search').locator('input').press('Enter');
      await assertText(page.getByTestId('public-results-pager-summary'), '共 1 条');
      await page.getByTestId('public-results-search').locator('input').fill('');
      await page.getByTestId('public-results-search').locator('input').press('Enter');
      await choose(page, page.getByTestId('public-results-task'), TASK_2023);
      await assertText(page.getByTestId('public-results-pager-summary'), '共 16 条');
      const pdfHref = await page.getByTestId('public-notice-pdf').getAttribute('href');
      const pdf = await page.request.get(pdfHref);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      await screenshot(page, 'pages-05-portal-results');

      // On a phone the results, their filters and the pager (with 统计总数) wrap: nothing scrolls sideways.
      const wide = page.viewportSize();
      await page.setViewportSize({ width: 375, height: 812 });
      try {
        await page.getByTestId('public-results-pager-count').waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
        await page.goto('/public');
        await page.getByTestId('public-latest-pager-count').waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'portal home: no sideways scroll at 375 px');
        await screenshot(page, 'pages-05b-portal-375', { fullPage: false });
        await page.goBack();
        await page.getByTestId('public-notice-pdf').waitFor();
      } finally {
        await page.setViewportSize(wide);
      }

      // The entity ordered to rectify: its page shows the rectification (ordered, deadline, running) and no credit entry.
      const ordered = page
        .getByTestId('public-result-row')
        .filter({ has: page.getByTestId('public-result-handling').filter({ hasText: '责令整改' }) })
        .first();
      const orderedUscc = await ordered.getAttribute('data-uscc');
      await ordered.getByTestId('public-result-entity').click();
      await page.getByTestId('public-entity-page').waitFor();
      await assertText(page.getByTestId('public-entity-uscc'), orderedUscc);
      const rectification = page.getByTestId('public-entity-rectification');
      await assertText(rectification.getByTestId('public-entity-rectification-status'), '整改中');
      await assertText(rectification, '15 个工作日');
      await assertText(rectification, WUGANG);
      await page.getByTestId('public-entity-credit-empty').waitFor();
      await screenshot(page, 'pages-05c-entity-rectification', { fullPage: false });
      await page.goBack();
      await page.getByTestId('public-notice-pdf').waitFor();

      // The entity's own page by USCC, then the draw that chose it, verified in this browser.
      await page.getByTestId('public-result-entity').first().click();
      await page.getByTestId('public-entity-page').waitFor();
      await page.getByTestId('public-result-draw').first().click();
      const drawPage = page.getByTestId('public-draw-page');
      await drawPage.waitFor();
      await assertText(page.getByTestId('public-draw-title'), TASK_2023);
      const verdict = page.getByTestId('verifier-verdict');
      await verdict.waitFor({ timeout: 60_000 });
      assert.equal(await verdict.getAttribute('data-status'), 'VERIFIED');
      await assertText(verdict, '完全一致');
      // Plain Chinese: no English terms in brackets on the public page.
      assert.doesNotMatch(await drawPage.innerText(), /reproduces|inputHash|commitment）/);
      assert.ok((await page.getByTestId('public-draw-selection').count()) > 0);
      await screenshot(page, 'pages-06-draw-verified', { fullPage: false });

      // A copy of the record with two drawn entities swapped fails, naming the check it failed.
      const recordUrl = await page.getByTestId('public-draw-download').getAttribute('href');
      const record = await (await page.request.get(recordUrl)).json();
      const honest = path.join(ARTIFACTS, 'pages-draw-record.json');
      writeFileSync(honest, JSON.stringify(record));
      const keys = record.result.selections[0].entityKeys;
      [keys[0], keys[1]] = [keys[1], keys[0]];
      const tampered = path.join(ARTIFACTS, 'pages-draw-record-tampered.json');
      writeFileSync(tampered, JSON.stringify(record));

      await page.getByTestId('public-nav-verify').click();
      const verifyPage = page.getByTestId('public-verify-page');
      await verifyPage.waitFor();
      await verifyPage.locator('input[type=file]').setInputFiles(honest);
      await page.locator('[data-testid="verifier-verdict"][data-status="VERIFIED"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="verifier-published"][data-match="true"]').waitFor();
      await verifyPage.locator('input[type=file]').setInputFiles(tampered);
      await page.locator('[data-testid="verifier-verdict"][data-status="FAILED"]').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('verifier-failed-check').getAttribute('data-code'), 'SELECTION_MISMATCH');
      await assertText(page.getByTestId('verifier-failed-check'), '抽中的检查对象');
      await screenshot(page, 'pages-07-tampered-record');

      // The spec's verdict vectors get their verdicts in the browser too: the issue-16 collision is refused
      // by code point, a duplicate member by the strict reading of the text, and an announcement is pending.
      const verdicts = path.join(REPO_ROOT, 'shared/src/draw/vectors/verdicts');
      for (const [file, status, code] of [
        ['collision-smuggled.json', 'FAILED', 'INVALID_INPUT'],
        ['malformed-duplicate-member.json', 'FAILED', 'MALFORMED_RECORD'],
        ['pending-announcement.json', 'PENDING', null],
      ]) {
        await verifyPage.locator('input[type=file]').setInputFiles(path.join(verdicts, file));
        // Waiting for this verdict's own code, so the previous verdict still on screen cannot answer.
        if (code) await page.locator(`[data-testid="verifier-failed-check"][data-code="${code}"]`).waitFor({ timeout: 60_000 });
        await page.locator(`[data-testid="verifier-verdict"][data-status="${status}"]`).waitFor({ timeout: 60_000 });
      }

      // The feeds answer without sign-in.
      const feed = await page.request.get('/api/public/feed.atom');
      assert.equal(feed.status(), 200);
      assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    } finally {
      await page.context().close();
    }
  });
});
