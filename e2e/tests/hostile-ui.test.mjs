// Hostile text typed into the forms stays text: 舞钢's office names an entity (and its address) with an
// image tag whose onerror would run script and a spreadsheet formula, and names a department with a
// script tag. The entity list, the entity page, the public portal's directory and entity page, and the
// department list show the text literally and run none of it; the server's entity CSV and the app's own
// CSV exports (the portal's directory, the departments) start those cells with an apostrophe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvRecords } from '../support/csv.mjs';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, downloadText, screenshot, signInWithSession } from '../support/ui.mjs';

const WUGANG = '舞钢市自然资源和规划局';
const NAME = '=HYPERLINK("http://evil.example","点我")<img src=x onerror="window.__xss=1">舞钢脚本测试';
const ADDRESS = '+SUM(1,1)<svg onload="window.__xss=3"></svg>舞钢路 1 号';
const DEPARTMENT = '=2+3<script>window.__xss=2</script>测试股';

const suite = useServerAndBrowser();

/**
 * Nothing of the hostile markup became markup: no image with src=x, no svg or script carrying the
 * payload, and no handler ran (given a moment, as a broken image's onerror fires after loading).
 */
async function assertInert(page, where) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    xss: window.__xss,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__xss')).length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
  }));
  assert.deepEqual(found, { xss: undefined, images: 0, svgs: 0, scripts: 0, handlers: 0 }, where);
}

/** The page's visible text contains every given string as typed. */
async function assertShown(locator, ...texts) {
  await locator.waitFor();
  for (const text of texts) await assertText(locator, text);
}

describe('hostile names in the UI and in exports', () => {
  test('script in names stays text on every page, and formulas are guarded in the CSV exports', async () => {
    const page = await suite.newPage();
    try {
      await signInWithSession(page, 'wugang.admin', DEMO_PASSWORD);

      // The first entity of the directory gets the hostile name and address through the form.
      await page.getByRole('menuitem', { name: '检查对象名录' }).click();
      const firstRow = page.getByTestId('entity-row').first();
      await firstRow.waitFor();
      const uscc = await firstRow.getAttribute('data-uscc');
      await firstRow.getByTestId('entity-edit').click();
      const form = page.getByTestId('entity-form');
      await form.waitFor();
      await form.getByTestId('entity-name').fill(NAME);
      await form.getByTestId('entity-address').fill(ADDRESS);
      await screenshot(page, 'hostile-01-entity-form');
      await form.getByTestId('entity-submit').click();

      // The entity page (the form leads there): title, address and the change history show it as typed.
      const entityPage = page.getByTestId('entity-page');
      await entityPage.waitFor();
      assert.equal(await page.getByTestId('entity-title').innerText(), NAME);
      await assertShown(entityPage, ADDRESS);
      await assertShown(page.getByTestId('entity-history'), NAME);
      await assertInert(page, 'entity page');
      await screenshot(page, 'hostile-02-entity-page');

      // The entity list, found by USCC.
      await page.getByRole('menuitem', { name: '检查对象名录' }).click();
      await page.getByTestId('entities-search').locator('input').fill(uscc);
      await page.getByTestId('entities-search').locator('input').press('Enter');
      const row = page.locator(`[data-testid="entity-row"][data-uscc="${uscc}"]`);
      await row.waitFor();
      assert.equal(await page.getByTestId('entity-row').count(), 1);
      await assertShown(row, NAME);
      await assertInert(page, 'entity list');
      await screenshot(page, 'hostile-03-entity-list');

      // The server's CSV of the directory: the name and address cells start with an apostrophe.
      const serverCsv = csvRecords(await downloadText(page, page.getByTestId('entities-export-csv'), 'hostile-entities.csv'));
      const exported = serverCsv.find((r) => r['统一社会信用代码'] === uscc);
      assert.ok(exported, 'the entity is in the server CSV');
      assert.equal(exported['名称'], `'${NAME}`);
      assert.equal(exported['地址'], `'${ADDRESS}`);

      // A department renamed with a script tag, shown in the department list.
      await page.getByRole('menuitem', { name: '部门与人员' }).click();
      await page.waitForURL('**/people');
      const departments = page.getByTestId('departments-card');
      // A department other than the office (the office cannot be deleted, so it has no 删除).
      const department = departments
        .getByTestId('department-row')
        .filter({ has: page.getByTestId('department-delete') })
        .first();
      await department.waitFor();
      await department.getByTestId('department-edit').click();
      await page.getByTestId('department-form').waitFor();
      await page.getByTestId('department-name').fill(DEPARTMENT);
      await page.getByTestId('department-submit').click();
      await page.getByTestId('department-form').waitFor({ state: 'detached' });
      const renamed = departments.locator('[data-testid="department-row"]').filter({ hasText: 'window.__xss=2' });
      await renamed.waitFor();
      assert.equal(await renamed.getAttribute('data-name'), DEPARTMENT);
      await assertShown(renamed, DEPARTMENT);
      await assertInert(page, 'department list');
      await screenshot(page, 'hostile-04-departments');

      // The app's own CSV of the departments guards the name too.
      const departmentCsv = csvRecords(await downloadText(page, departments.getByTestId('departments-export'), 'hostile-departments.csv'));
      assert.ok(
        departmentCsv.some((r) => r['部门名称'] === `'${DEPARTMENT}`),
        JSON.stringify(departmentCsv),
      );

      // Without sign-in: 舞钢's entity directory on the portal, then the entity's own public page.
      const portal = await suite.newPage();
      try {
        await portal.goto('/public');
        await portal.locator(`[data-testid="public-bureau-row"][data-name="${WUGANG}"]`).getByTestId('public-bureau-link').click();
        await assertText(portal.getByTestId('public-bureau-name'), WUGANG);
        await portal.getByTestId('public-tab-entities').click();
        await portal.getByTestId('public-entities-search').locator('input').fill(uscc);
        await portal.getByTestId('public-entities-search').locator('input').press('Enter');
        const publicRow = portal.locator(`[data-testid="public-entity-row"][data-uscc="${uscc}"]`);
        await publicRow.waitFor();
        await assertShown(publicRow, NAME, ADDRESS);
        await assertInert(portal, 'public directory');
        await screenshot(portal, 'hostile-05-public-directory');

        // The portal's CSV of the directory (written in the browser) guards both cells.
        const publicCsv = csvRecords(await downloadText(portal, portal.getByTestId('public-entities-export'), 'hostile-public-entities.csv'));
        assert.equal(publicCsv.length, 1);
        assert.equal(publicCsv[0]['统一社会信用代码'], uscc);
        assert.equal(publicCsv[0]['检查对象'], `'${NAME}`);
        assert.equal(publicCsv[0]['地址'], `'${ADDRESS}`);

        await publicRow.getByTestId('public-entity-link').click();
        await portal.getByTestId('public-entity-page').waitFor();
        assert.equal(await portal.getByTestId('public-entity-name').innerText(), NAME);
        await assertShown(portal.getByTestId('public-entity-page'), ADDRESS);
        await assertInert(portal, 'public entity page');
        await screenshot(portal, 'hostile-06-public-entity');
      } finally {
        await portal.context().close();
      }
    } finally {
      await page.context().close();
    }
  });
});
