// The Chinese UI in Chinese: antd's date picker with Chinese month and weekday names, weeks from Monday;
// one message per form field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { screenshot, signInToLanding } from '../support/ui.mjs';

const suite = useServerAndBrowser();
const { withPage } = suite;

describe('the Chinese UI', () => {
  test('the date picker names months and weekdays in Chinese and starts the week on Monday', async () => {
    await withPage(async (page) => {
      await signInToLanding(page, 'wugang.admin', DEMO_PASSWORD);
      await page.getByTestId('nav-credit-lists').click();
      await page.getByTestId('credit-decided-on').click();
      const panel = page.locator('.ant-picker-dropdown:visible .ant-picker-date-panel');
      await panel.waitFor();
      const header = (await panel.locator('.ant-picker-header-view').innerText()).trim();
      assert.match(header, /^\d{4}年\s*\d{1,2}月$/, `the header reads in Chinese: ${header}`);
      const weekdays = (await panel.locator('thead th').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(weekdays, ['一', '二', '三', '四', '五', '六', '日']);
      await screenshot(page, 'chinese-01-date-picker');
      await page.keyboard.press('Escape');

      // One message per field: an empty required name fails two rules, and shows one.
      await page.getByTestId('nav-items').click();
      await page.getByTestId('item-new').click();
      await page.getByTestId('item-form-submit').click();
      const nameErrors = page
        .getByTestId('item-form')
        .locator('.ant-form-item', { has: page.locator('#name') })
        .locator('.ant-form-item-explain-error');
      await nameErrors.first().waitFor();
      const shown = await nameErrors.evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));
      assert.equal(shown.length, 1, `one message for the field: ${shown.join(' / ')}`);
    });
  });

  test('the audit filter takes dates in the same Chinese picker, as YYYY-MM-DD', async () => {
    await withPage(async (page) => {
      await signInToLanding(page, 'changde.supervisor', DEMO_PASSWORD);
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-row').first().waitFor();
      const from = page.getByTestId('audit-from');
      assert.equal(await page.locator('input[type=date]').count(), 0, 'no browser date input (mm/dd/yyyy in an English browser)');
      await from.click();
      const panel = page.locator('.ant-picker-dropdown:visible .ant-picker-date-panel');
      assert.deepEqual(
        (await panel.locator('thead th').allInnerTexts()).map((s) => s.trim()),
        ['一', '二', '三', '四', '五', '六', '日'],
      );
      await panel.locator('.ant-picker-cell-today').click();
      assert.match(await from.inputValue(), /^\d{4}-\d{2}-\d{2}$/);
      await page.getByTestId('audit-search').click();
      await page.getByTestId('audit-row').first().waitFor();
    });
  });
});
