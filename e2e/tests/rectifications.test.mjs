// 整改 in a real browser against the real server: 舞钢's office records a 责令整改 on a published record;
// the entity reports its rectification through its access code on a 375 px phone, without sideways scroll;
// the record's page shows the report, its files and the re-check team.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, fieldError, screenshot } from '../support/ui.mjs';
import { tinyPng } from '../support/png.mjs';

const BASIS = '标签标识不规范，责令限期整改（浏览器测试）';
const REPORT = '已重新印制标签，旧标签全部更换。';

const suite = useServerAndBrowser();
const { withSignedIn, withPage } = suite;

async function graphql(query, variables, token) {
  const response = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

describe('rectifications', () => {
  test('the office orders a rectification, the entity reports it with a photo by access code on a phone', async () => {
    const { login } = await graphql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'wugang.admin',
      p: DEMO_PASSWORD,
    });
    // A published record whose decision was not 责令整改 (those opened their rectification when approved).
    const { inspections } = await graphql(
      '{ inspections(status: PUBLISHED, first: 20) { edges { node { id accessCode handling { outcome } } } } }',
      {},
      login.token,
    );
    const record = inspections.edges.map((e) => e.node).find((r) => r.handling?.outcome !== 'RECTIFY');
    const path = `/inspections/${encodeURIComponent(record.id)}`;

    await withSignedIn('wugang.admin', async (page) => {
      await page.goto(path);
      const card = page.getByTestId('rectification-card');
      await card.waitFor();
      await page.getByTestId('rectification-open').click();
      await page.getByTestId('rectification-open-ok').click();
      await fieldError(page, '请填写整改要求及依据').waitFor();
      await page.getByTestId('rectification-basis').fill(BASIS);
      await page.getByTestId('rectification-open-ok').click();
      await assertText(card.getByTestId('rectification-status'), '整改中');
      await assertText(card, '15 个工作日');
      await screenshot(page, 'rectifications-01-ordered');
    });

    await withPage(async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/record?code=${encodeURIComponent(record.accessCode)}`);
      const card = page.getByTestId('entity-rectification');
      await assertText(card, BASIS);
      await card.locator('input[type="file"]').setInputFiles({ name: '整改后标签.png', mimeType: 'image/png', buffer: tinyPng([22, 163, 74]) });
      await assertText(card.getByTestId('entity-rectification-files'), '整改后标签.png');
      await card.getByTestId('entity-rectification-body').fill(REPORT);
      await card.getByTestId('entity-rectification-submit').click();
      await assertText(card.getByTestId('entity-rectification-status'), '企业已报告');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
      await screenshot(page, 'rectifications-02-entity-phone');
    });

    await withSignedIn('wugang.admin', async (page) => {
      await page.goto(path);
      const card = page.getByTestId('rectification-card');
      await assertText(card.getByTestId('rectification-status'), '企业已报告');
      await assertText(card, REPORT);
      await assertText(card.getByTestId('rectification-report-files'), '整改后标签.png');
      // The rules say the record's own team re-checks (the demo's default): the team is named, nothing drawn.
      assert.equal(await card.getByTestId('rectification-recheck-team').getAttribute('data-drawn'), 'false');
    });
  });
});
