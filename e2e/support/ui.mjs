// Steps the browser tests share: signing in, antd selects and pop-confirms, one-time codes, and
// screenshots taken once animations have settled.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertAccessible } from './axe.mjs';
import { ARTIFACTS, screenshot as saveScreenshot } from './browser.mjs';

const CODE_SHAPE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

/** Motion classes antd sets while a modal, message, popover or field error is still fading in or out. */
const MOVING = ['zoom', 'zoom-big', 'fade', 'move-up', 'show-help']
  .flatMap((name) => ['appear', 'enter', 'leave'].map((phase) => `[class*="${name}-${phase}"]`))
  .join(', ');

/**
 * A screenshot (under e2e/artifacts/) once animations have settled, so it shows what a person would see;
 * the page is checked for accessibility first (axe.mjs).
 */
export async function screenshot(page, name, options) {
  await page.waitForFunction((selector) => !document.querySelector(selector), MOVING);
  await assertAccessible(page);
  return saveScreenshot(page, name, options);
}

/** Each role's landing page and what shows it is there: tasks, the province's figures, the units, the account. */
const LANDING_PAGES = {
  '/my-visits': 'my-visits-page',
  '/workbench': 'workbench-page',
  '/province': 'provincial-card',
  '/tenants': 'tenants-card',
  '/me': 'me-card',
};

/**
 * Signs in through the form and waits for the landing page: 我的检查 (/my-visits) for an inspector,
 * 工作台 (/workbench) for other bureau staff, 全省统计 (/province) for provincial users, the units
 * (/tenants) for the operator, else 我的账号 (/me). Returns the landing path.
 */
export async function signInToLanding(page, username, password) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname in LANDING_PAGES);
  const landing = new URL(page.url()).pathname;
  await page.getByTestId(LANDING_PAGES[landing]).waitFor();
  return landing;
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token refreshToken expiresIn } }';

/**
 * Signs in without the form, as a tab that still holds its session would be: the login mutation's tokens
 * go where the app keeps them (sessionStorage `spotcheck.session`, client/src/app/auth.ts), then the me
 * page opens. The form and the landing pages are exercised by signin.test.mjs and the journeys; skipping
 * them elsewhere saves the browser two page loads per sign-in (about 0.6 s of CPU).
 */
export async function signInWithSession(page, username, password) {
  const response = await page.request.post('/graphql', { data: { query: LOGIN, variables: { u: username, p: password } } });
  const { data, errors } = await response.json();
  assert.equal(errors, undefined, `login ${username}: ${JSON.stringify(errors)}`);
  const { token, refreshToken, expiresIn } = data.login;
  // Any page of the origin gives the tab its sessionStorage; the icon loads no script.
  await page.goto('/favicon.svg');
  await page.evaluate(
    (session) => sessionStorage.setItem('spotcheck.session', session),
    JSON.stringify({ token, refreshToken, expiresAt: Date.now() + expiresIn * 1000 }),
  );
  await page.goto('/me');
  await page.getByTestId('me-card').waitFor();
}

/** Signs in through the form and goes on from the landing page to the me page. */
export async function signIn(page, username, password) {
  if ((await signInToLanding(page, username, password)) !== '/me') await page.getByTestId('nav-me').click();
  await page.getByTestId('me-card').waitFor();
  await page.waitForURL('**/me');
}

/** The side menu's labels, top to bottom. */
export async function menuLabels(page) {
  const items = page.getByTestId('side-menu').getByRole('menuitem');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/**
 * Opens an antd Select, types to search, and clicks the option with exactly this label. On a busy machine
 * a click may land while the dropdown is still animating and choose nothing: then it opens it again, once.
 */
export async function choose(page, select, label) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await select.locator('input').fill(label);
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).click();
    try {
      await assertText(select, label, attempt === 1 ? 5_000 : 10_000);
      return;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** A form field's error message (not its hint). */
export function fieldError(scope, text) {
  return scope.locator('.ant-form-item-explain-error', { hasText: text });
}

/** Types a date (YYYY-MM-DD) into an antd date picker and confirms it, as a keyboard user would. */
export async function fillDate(field, value) {
  await field.fill(value);
  await field.press('Enter');
}

/** Presses 确定 in the pop-confirm that is open now. */
export async function confirmPopover(page) {
  const popover = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await popover.getByRole('button', { name: '确定', exact: true }).click();
  // The popover stays open, loading, until the server answers: a busy machine (three browser files at once) may take a while.
  await popover.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Reads the one-time code from its modal, checks the warning, saves a screenshot and closes the modal. */
export async function readOneTimeCode(page, shot) {
  const modal = page.getByTestId('one-time-code-modal');
  await modal.waitFor();
  await assertText(modal, '只显示这一次');
  const code = (await modal.getByTestId('one-time-code').innerText()).trim();
  assert.match(code, CODE_SHAPE);
  await screenshot(page, shot);
  await page.getByTestId('one-time-code-done').click();
  await modal.waitFor({ state: 'detached' });
  return code;
}

/** Goes from the sign-in page's link to /redeem and submits a code with a new password. */
export async function redeem(page, code, password) {
  await page.goto('/login');
  await page.getByRole('link', { name: '有邀请码？设置密码' }).click();
  await page.waitForURL('**/redeem');
  await page.getByLabel('邀请码').fill(code);
  await page.getByLabel('新密码').fill(password);
  await page.getByLabel('确认密码').fill(password);
  await page.getByRole('button', { name: '设置密码' }).click();
}

/** Waits (up to `ms`, 10 s by default) until the locator's text contains `expected`. */
export async function assertText(locator, expected, ms = 10_000) {
  await locator.waitFor();
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText();
    if (text.includes(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`expected "${expected}" in "${text}"`);
}

/** Clicks a button that downloads a file, keeps the file under e2e/artifacts/ and returns its text. */
export async function downloadText(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(ARTIFACTS, name);
  mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

/** Presses the pop-confirm's 确定 after `trigger` opened it. */
export async function clickAndConfirm(page, trigger) {
  await trigger.click();
  await confirmPopover(page);
}
