// The entity's voice and the staff's desk, in a real browser against the real server: an entity opens
// its record with the access code (a wrong code is refused), objects with a PNG attached and submits;
// the team member finds the objection on the workbench; 舞钢's office sees the overdue records; the
// deadline sweep's notices ring the bell and marking them read lowers the count; the supervisor reads
// the audit trail, filters it and verifies the hash chain; the chain's published heads are on the portal
// and kept by the province, and a head the chain no longer holds is reported as a cut-off end.
import assert from 'node:assert/strict';
import { tinyPng } from '../support/png.mjs';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../support/server.mjs';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, confirmPopover, downloadText, screenshot, signInToLanding } from '../support/ui.mjs';

const OBJECTION = '我单位已于检查前按期报备土地复垦方案，检查结论与事实不符，附报备回执，请予复核。';

// A sweep every minute, so that the demo's overdue records send their notices during the run.
const suite = useServerAndBrowser({ env: { DEADLINE_SWEEP_CRON: '* * * * *' } });
const { withPage } = suite;
/** Handed from one test to the next. */
const shared = {};

const gql = (query, variables, token) => suite.api(query, variables, token);

const login = (username) => suite.apiToken(username);

describe('the entity’s record, the workbench, the bell and the audit trail', () => {
  test('the entity opens its record by access code, objects with a PNG attached; the team finds it on the workbench', async () => {
    // One of 舞钢's 2023 records that the department sent back, as the office reads it (with the code).
    const office = await login('wugang.admin');
    const { inspections } = await gql(
      `{ inspections(status: RETURNED, first: 5) { edges { node { id entityName accessCode team { name user { username } } } } } }`,
      {},
      office,
    );
    const record = inspections.edges[0].node;
    assert.match(record.accessCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const member = record.team.find((m) => m.user)?.user.username;
    assert.ok(member, 'a team member has an account');
    Object.assign(shared, { record, member });

    await withPage(async (page) => {
      // The sign-in page points entities to their page.
      await page.goto('/login');
      await page.getByTestId('login-entity-record-link').click();
      await page.waitForURL('**/record');
      const input = page.getByTestId('access-code-input');
      // Checked as typed: not the shape of a code.
      await input.fill('hello');
      await page.getByText('查阅码为 12 位字母和数字').waitFor();
      await screenshot(page, 'voice-01-code-shape');
      // The right shape, but no such code: refused, with no hint.
      await input.fill('abcd efgh jkmn');
      await page.getByTestId('access-code-submit').click();
      const error = page.getByTestId('access-code-error');
      await assertText(error, '查阅码无效');
      assert.equal(await error.getAttribute('data-kind'), 'wrongCode');
      await screenshot(page, 'voice-02-wrong-code');

      // The real code, from a link the inspectors gave (?code=), which then leaves the address bar.
      await page.goto(`/record?code=${encodeURIComponent(record.accessCode.toLowerCase())}`);
      await page.getByTestId('entity-record').waitFor();
      assert.equal(new URL(page.url()).search, '');
      await assertText(page.getByTestId('entity-record-entity'), record.entityName);
      await assertText(page.getByTestId('entity-record-status'), '已退回');
      await assertText(page.getByTestId('entity-record-details'), record.team[0].name);
      await screenshot(page, 'voice-03-record');

      // An objection, with a photo of the filing receipt.
      const form = page.getByTestId('statement-form');
      await form.locator('label', { hasText: '申辩（异议）' }).click();
      assert.ok(await form.getByRole('radio', { name: '申辩（异议）' }).isChecked());
      await page.getByTestId('statement-body').fill(OBJECTION);
      await form.locator('input[type="file"]').setInputFiles({ name: '复垦方案报备回执.png', mimeType: 'image/png', buffer: tinyPng() });
      const attached = page.getByTestId('statement-attachments').locator('[data-testid="entity-file"][data-name="复垦方案报备回执.png"]');
      await attached.waitFor();
      await attached.getByTestId('entity-file-preview').locator('img').waitFor();
      assert.equal(await page.getByTestId('statement-body').inputValue(), OBJECTION, 'the text stays while the draft takes the file');
      await screenshot(page, 'voice-04-objection-draft');
      await page.getByTestId('statement-submit').click();
      await confirmPopover(page);
      const statement = page.getByTestId('entity-statement').first();
      await statement.waitFor();
      assert.equal(await statement.getAttribute('data-kind'), 'OBJECTION');
      await assertText(statement.getByTestId('entity-statement-body'), OBJECTION);
      await assertText(statement, '复垦方案报备回执.png');
      await assertText(statement, '已封存');
      await assertText(statement, '等待检查组答复');
      await screenshot(page, 'voice-05-objection-submitted');
    });

    // The team member signs in on 我的检查 and opens the workbench: the objection waits for an answer, the record for them.
    await withPage(async (page) => {
      assert.equal(await signInToLanding(page, member, DEMO_PASSWORD), '/my-visits');
      await page.getByTestId('nav-workbench').click();
      await page.getByTestId('workbench-page').waitFor();
      const statements = page.getByTestId('workbench-statements');
      await statements.locator(`[data-testid="workbench-statements-row"][data-kind="OBJECTION"][data-entity="${record.entityName}"]`).waitFor();
      await assertText(statements, '待本组答复的陈述申辩');
      await page.getByTestId('workbench-awaiting').locator(`[data-testid="workbench-awaiting-row"][data-entity="${record.entityName}"]`).waitFor();
      await assertText(page.getByTestId('workbench-awaiting'), '提交检查报告');
      await screenshot(page, 'voice-06-team-workbench');
      const href = await statements.getByTestId('workbench-statements-link').first().getAttribute('href');
      assert.equal(href, `/inspections/${encodeURIComponent(record.id)}`);
    });
  });

  test('舞钢’s office sees the overdue and returned records on its workbench', async () => {
    await withPage(async (page) => {
      assert.equal(await signInToLanding(page, 'wugang.admin', DEMO_PASSWORD), '/workbench');
      const overdue = page.getByTestId('workbench-overdue');
      await overdue.getByTestId('workbench-overdue-row').first().waitFor();
      // The two records the department sent back in 2023 are long past their report deadline.
      assert.ok(Number(await overdue.getAttribute('data-count')) >= 2);
      await overdue.locator(`[data-testid="workbench-overdue-row"][data-entity="${shared.record.entityName}"][data-status="RETURNED"]`).waitFor();
      await assertText(overdue, '已逾期');
      // The office oversees statements: the entity's objection is there too.
      await page.getByTestId('workbench-statements').locator(`[data-testid="workbench-statements-row"][data-entity="${shared.record.entityName}"]`).waitFor();
      await screenshot(page, 'voice-07-office-workbench');
    });
  });

  test('the deadline sweep’s notices ring the bell; opening one and 全部已读 lower the count', async () => {
    // The sweep runs once a minute: wait (through the API) until the team member has been told.
    const token = await login(shared.member);
    const deadline = Date.now() + 150_000;
    // The workflow's steps in the demo told the member of other things already: wait for the sweep's own notice.
    let unread = 0;
    let overdue = false;
    while (Date.now() < deadline) {
      const inbox = await gql('{ unreadNotificationCount myNotifications(unreadOnly: true, first: 100) { edges { node { kind } } } }', {}, token);
      unread = inbox.unreadNotificationCount;
      overdue = inbox.myNotifications.edges.some((e) => e.node.kind === 'DEADLINE_OVERDUE');
      if (overdue) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    assert.ok(overdue, 'the sweep sent the overdue notice');
    // The sweep's pass over its other sources may still be under way: count once it has settled.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    unread = (await gql('{ unreadNotificationCount }', {}, token)).unreadNotificationCount;

    await withPage(async (page) => {
      await signInToLanding(page, shared.member, DEMO_PASSWORD);
      await page.getByTestId('nav-workbench').click();
      const count = page.getByTestId('notification-count');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count')) === n, unread);
      await page.getByTestId('workbench-notifications').getByTestId('workbench-notifications-row').first().waitFor();
      await screenshot(page, 'voice-08-bell-count');

      await page.getByTestId('notification-bell').click();
      const popover = page.getByTestId('notification-popover');
      // Every workflow step notifies too (the objection above reached the team): pick the sweep's notice.
      const first = popover.locator('[data-testid="notification-item"][data-read="false"]', { hasText: '已逾期' }).first();
      await assertText(first, '已逾期');
      await screenshot(page, 'voice-09-bell-open');
      await first.click();
      // Opening it marks it read and goes to its record.
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count')) === n, unread - 1);
      assert.equal(Number(await count.getAttribute('data-count')), unread - 1);

      // The notifications page: the read one is marked, 全部已读 clears the rest.
      await page.goto('/notifications');
      const card = page.getByTestId('notifications-card');
      await card.locator('[data-testid="notification-row"][data-read="true"]').first().waitFor();
      await screenshot(page, 'voice-10-notifications-page');
      await page.getByTestId('notifications-filter').getByText('只看未读').click();
      if (unread > 1) await card.locator('[data-testid="notification-row"][data-read="false"]').first().waitFor();
      await page.getByTestId('notifications-mark-all').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count')) === 0);
      await assertText(card, '没有未读通知');
      await screenshot(page, 'voice-11-all-read');
    });
    assert.equal((await gql('{ unreadNotificationCount }', {}, token)).unreadNotificationCount, 0);
  });

  test('the supervisor reads the audit trail live, filters it by prefix, exports it and verifies the chain', async () => {
    // Something besides sign-ins in 常德's chain: the office adds a result category.
    const changde = await login('changde.admin');
    await gql('mutation { addResultCategory(label: "浏览器测试类别", problem: false) { code } }', {}, changde);
    await withPage(async (page) => {
      assert.equal(await signInToLanding(page, 'changde.supervisor', DEMO_PASSWORD), '/workbench');
      await page.getByTestId('nav-audit').click();
      await page.waitForURL('**/audit');
      const card = page.getByTestId('audit-card');
      const rows = card.getByTestId('audit-row');
      await rows.first().waitFor();
      // The supervisor's own sign-in is the newest event; the office's change is there too.
      assert.equal(await rows.first().getAttribute('data-action'), 'auth.login');
      // In plain Chinese: the action's name, the person's name, the browser and system parsed from the user agent.
      await assertText(rows.first().getByTestId('audit-action'), '登录');
      assert.match(await rows.first().getByTestId('audit-device').innerText(), /^Chrome \d+ · Linux$/);
      assert.doesNotMatch(await rows.first().innerText(), /changde\.supervisor|auth\.login|Mozilla/);
      await card.locator('[data-testid="audit-row"][data-action="result-category.add"]').waitFor();
      await screenshot(page, 'voice-12-audit');

      // A new event appears by itself (auditEventAppended).
      const newest = Number(await rows.first().getAttribute('data-seq'));
      await login('changde.leader');
      await page.waitForFunction((seq) => Number(document.querySelector('[data-testid="audit-row"]')?.getAttribute('data-seq')) > seq, newest);
      await assertText(rows.first(), '常德局分管领导'); // changde.leader, by name

      await page.getByTestId('audit-prefix').locator('input').fill('auth.');
      await page.getByTestId('audit-search').click();
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-action')?.startsWith('auth.'));
      });
      assert.equal(await card.locator('[data-testid="audit-row"][data-action="result-category.add"]').count(), 0);
      // A prefix that cannot be one is refused as typed.
      await page.getByTestId('audit-prefix').locator('input').fill('Auth !');
      await page.getByText('动作前缀只能包含').waitFor();
      await page.getByTestId('audit-prefix').locator('input').fill('auth.login');
      await page.getByTestId('audit-search').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="audit-row"]')].every((r) => r.getAttribute('data-action')?.startsWith('auth.login')),
      );
      const csv = await downloadText(page, page.getByTestId('audit-export'), 'voice-audit.csv');
      assert.match(csv, /^\uFEFF序号,时间,操作人,动作/);
      assert.match(csv, /auth\.login/);
      await screenshot(page, 'voice-13-audit-filtered');

      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await assertText(result, '哈希链完整');
      assert.equal(await result.getAttribute('data-ok'), 'true');
      await screenshot(page, 'voice-14-audit-verified');
    });
  });

  test('the anchored trail: heads on the portal and at the province; a kept head beyond the chain shows the cut', async () => {
    // The platform operator publishes the heads at once (the job does it daily).
    await withPage(async (page) => {
      await signInToLanding(page, 'platform.admin', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '单位管理' }).click();
      await page.getByTestId('audit-anchor-now').click();
      await confirmPopover(page);
      await page.getByText(/已检查 \d+ 个单位：新公布 [1-9]\d* 个链头/).waitFor();
    });
    const { publicBureaus } = await gql('{ publicBureaus { id regionCode } }');
    const changde = publicBureaus.find((b) => b.regionCode === '430700');
    const [head] = (await gql('query($id: ID!) { publicAuditAnchors(bureauId: $id) { seq hash } }', { id: changde.id })).publicAuditAnchors;
    assert.ok(head);

    await withPage(async (page) => {
      await page.goto(`/public/bureaus/${encodeURIComponent(changde.id)}/results`);
      await page.getByTestId('public-tab-anchors').click();
      const heads = page.getByTestId('public-audit-heads');
      await assertText(heads, head.hash);
      await assertText(heads, String(head.seq));
      await screenshot(page, 'voice-15-public-audit-heads');

      // 湖南省's viewer sees the copy it keeps, on 下级单位.
      await signInToLanding(page, 'hunan.viewer', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '下级单位' }).click();
      const kept = page.getByTestId('kept-audit-heads');
      await assertText(kept, '常德市自然资源和规划局');
      await assertText(kept, head.hash);
      await screenshot(page, 'voice-16-province-kept-heads');
    });

    await withPage(async (page) => {
      await signInToLanding(page, 'changde.supervisor', DEMO_PASSWORD);
      await page.getByTestId('nav-audit').click();
      await page.waitForURL('**/audit');
      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await assertText(result, '已公布的链头核对一致');
      assert.equal(await result.getAttribute('data-status'), 'INTACT');
      // A head kept from the feed that the chain no longer reaches: its newest events were cut off.
      await page.getByTestId('audit-kept-heads').fill(`${head.seq + 1000} ${head.hash}`);
      await page.getByTestId('audit-verify').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="audit-verify-result"]')?.getAttribute('data-status') === 'TRUNCATED');
      await assertText(result, `链尾被截断：已公布的第 ${head.seq + 1000} 号链头（填写的链头）已不在链上`);
      await screenshot(page, 'voice-17-audit-truncated');
    });
  });
  test('an entity finds and checks its own line of a pseudonymous draw record (spotcheck-draw/2) with its access code', async () => {
    // The demo's 2026 joint task was drawn under spotcheck-draw/2: its public record names nobody.
    const office = await login('wugang.admin');
    const { tasks } = await gql('{ tasks(first: 100) { edges { node { title draw { id algorithm } } } } }', {}, office);
    const task = tasks.edges.map((e) => e.node).find((t) => t.draw?.algorithm === 'spotcheck-draw/2');
    assert.ok(task, 'a drawn spotcheck-draw/2 task in the demo');
    const { openInspection } = await gql(
      'mutation($id: ID!) { openInspection(drawId: $id, seq: 0) { entityUscc entityName accessCode } }',
      { id: task.draw.id },
      office,
    );
    const record = await (await fetch(`${suite.server.url}/api/public/draws/${task.draw.id}`)).text();
    assert.ok(!record.includes(openInspection.entityUscc), 'the public record holds no USCC');
    assert.ok(!record.includes(openInspection.entityName), 'the public record holds no name');

    await withPage(async (page) => {
      await page.goto(`/record?code=${encodeURIComponent(openInspection.accessCode)}`);
      const card = page.getByTestId('entity-draw-line');
      await card.waitFor();
      await assertText(card, '核验本单位在摇号记录中的位置');
      await assertText(page.getByTestId('entity-draw-line-key'), openInspection.entityUscc);
      const pseudonym = (await page.getByTestId('entity-draw-line-pseudonym').innerText()).trim();
      assert.match(pseudonym, /^[0-9a-f]{32}$/);
      assert.ok(record.includes(pseudonym), 'the pseudonym is in the public record');
      await page.getByTestId('entity-draw-line-verify').click();
      const verdict = card.getByTestId('verifier-verdict');
      await verdict.waitFor({ timeout: 60_000 });
      assert.equal(await verdict.getAttribute('data-status'), 'VERIFIED');
      const line = card.getByTestId('verifier-own-line');
      assert.equal(await line.getAttribute('data-pseudonym'), pseudonym);
      assert.equal(await line.getAttribute('data-drawn'), 'true');
      await assertText(line, '已抽中');
      await screenshot(page, 'voice-18-entity-draw-line');
      // On a phone the check reads the same, without scrolling sideways.
      await page.setViewportSize({ width: 375, height: 812 });
      await assertText(line, '已抽中');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll at 375 px');
      await screenshot(page, 'voice-19-entity-draw-line-phone');
    });
  });
});
