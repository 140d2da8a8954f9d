// The draw ceremony in a real browser against the real server: 舞钢's office plans a task (checked as
// it is typed), freezes the pool, the leader enters the witness value and watches on the big screen,
// the office enters the announced number and draws; results appear on both screens, the revealed seeds
// check out in the browser, and the results export; the province checks the pseudonym map of 舞钢's draw.
// An infeasible draw is refused naming its constraint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useServerAndBrowser } from '../support/suite.mjs';
import { assertText, choose, clickAndConfirm, confirmPopover, downloadText, fieldError, fillDate, menuLabels, screenshot } from '../support/ui.mjs';

const PLAN = '2023 · 舞钢市自然资源和规划局2023年“双随机、一公开”工作实施方案';
const TITLE = '舞钢市2026年规划许可和测绘资质专项检查（浏览器测试）';
const WITNESS = '舞钢市纪检监察 见证值 E2E-0937';
const PUBLIC_NUMBER = '703';

const suite = useServerAndBrowser();
const { signedIn } = suite;

/** Fills the 实施方案 texts every task needs. */
async function fillPlanTexts(form, what) {
  await form.getByTestId('task-purpose').fill(`${what}：按实施方案对所列事项开展随机抽查`);
  await form.getByTestId('task-procedure').fill('封存名单并公布承诺值 → 见证值与公开号码 → 摇号 → 实地核查 → 报告 → 公示');
  await form.getByTestId('task-divisionOfLabour').fill('各股室按事项分工，检查组按摇号结果组成');
}

describe('the draw ceremony', () => {
  test('舞钢: a task from the plan, frozen, witnessed by the leader, drawn; results live on the big screen and exported', async () => {
    const office = await signedIn('wugang.admin');
    const leader = await signedIn('wugang.leader');
    try {
      assert.deepEqual(await menuLabels(office), [
        '工作台',
        '我的账号',
        '事项清单',
        '检查对象名录',
        '执法检查人员名录',
        '抽查细则',
        '信用惩戒名单',
        '年度计划',
        '抽查任务',
        '检查记录',
        '联合抽查邀请',
        '移送案件',
        '数据导入',
        '工作日调整',
        '统计看板',
        '部门与人员',
        '单位设置',
        '审计留痕',
      ]);
      await office.getByRole('menuitem', { name: '抽查任务' }).click();
      await office.waitForURL('**/tasks');
      await office.getByTestId('task-row').first().waitFor();
      await office.getByTestId('task-new').click();
      const form = office.getByTestId('task-form');
      await form.waitFor();

      // The plan brings its round's dates and its four items at their planned ratios.
      await choose(office, form.getByTestId('task-plan'), PLAN);
      await assertText(form.getByTestId('task-round'), '第 1 轮');
      assert.equal(await form.getByTestId('task-starts-on').inputValue(), '2023-06-01');
      assert.equal(await form.getByTestId('task-item-row').count(), 4);
      await form.getByTestId('task-title').fill(TITLE);
      await fillPlanTexts(form, '专项检查');

      // Checked as typed, with the bureau's rules: ratio range, the round's dates, the team size.
      const ratio = form.getByTestId('task-item-ratio').first();
      const planned = await ratio.inputValue();
      await ratio.fill('0.05');
      await fieldError(form, '超出细则规定的 10%–100%').waitFor();
      await fillDate(form.getByTestId('task-ends-on'), '2023-12-15');
      await fieldError(form, '须在第 1 轮安排的 2023-06-01 至 2023-11-30 之内').waitFor();
      await form.getByTestId('task-team-size').fill('1');
      await fieldError(form, '每组人数须为 2 到 10 人').waitFor();
      await screenshot(office, 'ceremony-01-task-form-checks');
      await ratio.fill(planned);
      await form.getByTestId('task-team-size').fill('2');

      // The 2023 round is spent (the demo drew each once-a-year item): this one is a 专项检查 of 2026 over
      // the two items 2026 has not used, with its reason, and it waits for the leader's approval.
      await form.getByTestId('task-kind').getByText('专项检查（计划外）').click();
      await form.getByTestId('task-reason').fill('群众投诉举报：规划许可批后管理和测绘资质问题线索');
      await fillDate(form.getByTestId('task-starts-on'), '2026-12-14');
      await fillDate(form.getByTestId('task-ends-on'), '2026-12-25');
      const rows = form.getByTestId('task-item-row');
      for (const name of ['土地使用情况监督检查', '矿山地质环境保护与土地复垦情况的监管']) {
        await rows.filter({ hasText: name }).getByRole('button', { name: '移除' }).click();
      }
      assert.equal(await rows.count(), 2);
      await form.getByTestId('task-submit').click();

      await office.getByTestId('task-page').waitFor();
      await assertText(office.getByTestId('task-title'), TITLE);
      await assertText(office.getByTestId('task-status'), '草拟');
      await assertText(office.getByTestId('task-kind'), '专项检查');
      await assertText(office.getByTestId('task-awaiting-approval'), '待分管领导批准');
      assert.equal(await office.getByTestId('task-approve').count(), 0, 'the office does not approve');
      await screenshot(office, 'ceremony-02-task');

      // The leader approves it, saying why.
      const taskPath = new URL(office.url()).pathname;
      await leader.goto(taskPath);
      await leader.getByTestId('task-approve').click();
      await leader.getByTestId('task-approve-comment').fill('同意开展专项检查，线索属实');
      await leader.getByTestId('task-approve-submit').click();
      await assertText(leader.getByTestId('task-approval'), '同意开展专项检查');
      await office.reload();
      await office.getByTestId('task-page').waitFor();
      assert.equal(await office.getByTestId('task-awaiting-approval').count(), 0);

      // 封存名单: the commitment and the pool hash are published.
      await office.getByTestId('task-open-ceremony').click();
      await office.getByTestId('ceremony-page').waitFor();
      await clickAndConfirm(office, office.getByTestId('draw-freeze'));
      await office.getByTestId('draw-commitment').waitFor();
      const commitment = (await office.getByTestId('draw-commitment').innerText()).replace(/\s/g, '');
      assert.match(commitment, /^[0-9a-f]{64}$/);
      assert.ok(Number(await office.getByTestId('pool-inspectors').innerText()) >= 2);
      // The pool says how many entities each rule left out, item by item.
      await assertText(office.getByTestId('pool-summary'), '本年已被抽查');
      assert.equal(await office.getByTestId('pool-excluded-drawnThisYear').count(), 2);
      await screenshot(office, 'ceremony-03-frozen');
      const ceremonyPath = new URL(office.url()).pathname;

      // The leader witnesses: no public number or draw for that role.
      await leader.goto(ceremonyPath);
      await leader.getByTestId('ceremony-page').waitFor();
      assert.equal((await leader.getByTestId('draw-commitment').innerText()).replace(/\s/g, ''), commitment);
      assert.equal(await leader.getByTestId('public-number-input').count(), 0);
      assert.equal(await leader.getByTestId('draw-perform').count(), 0);
      await leader.getByTestId('witness-input').fill(WITNESS);
      await clickAndConfirm(leader, leader.getByTestId('witness-submit'));
      await assertText(leader.getByTestId('entropy-card'), WITNESS);
      await screenshot(leader, 'ceremony-04-witness');

      // The big screen in the witness room follows the ceremony from here on.
      await leader.getByTestId('ceremony-big-screen').click();
      const screen = leader.getByTestId('ceremony-screen');
      await screen.waitFor();
      assert.equal(await leader.getByTestId('side-menu').count(), 0, 'the big screen stands alone');
      assert.equal((await leader.getByTestId('screen-commitment').innerText()).replace(/\s/g, ''), commitment);
      await assertText(leader.getByTestId('screen-entropy'), WITNESS);

      // The office sees the witness value arrive, enters the public number, and draws.
      await assertText(office.getByTestId('entropy-card'), WITNESS);
      // A slip is refused before it can reach the permanent record; the right digits are confirmed first.
      await office.getByTestId('public-number-input').fill('x');
      await office.getByTestId('public-number-submit').click();
      await assertText(office.getByTestId('entropy-card'), '请填写 3 位数字');
      await assertText(office.getByTestId('draw-public-digits-declared'), '3 位数字');
      await office.getByTestId('public-number-input').fill(PUBLIC_NUMBER);
      await office.getByTestId('public-number-submit').click();
      // What goes into the record for good is shown before it does.
      await assertText(office.getByTestId('public-number-confirm-text'), PUBLIC_NUMBER);
      await assertText(office.getByTestId('public-number-confirm-text'), '永久记入摇号记录');
      await screenshot(office, 'ceremony-04b-public-number-confirm', { fullPage: false });
      await confirmPopover(office);
      await assertText(office.getByTestId('entropy-card'), PUBLIC_NUMBER);
      await assertText(leader.getByTestId('screen-entropy'), PUBLIC_NUMBER);
      await screenshot(leader, 'ceremony-05-big-screen-entropy');

      await clickAndConfirm(office, office.getByTestId('draw-perform'));
      await office.getByTestId('reveal-card').waitFor();
      assert.equal(await office.getByTestId('draw-commitment-check').getAttribute('data-ok'), 'true');
      assert.equal(await office.getByTestId('draw-seed-check').getAttribute('data-ok'), 'true');
      await office.getByTestId('result-row').first().waitFor();
      const summary = await office.getByTestId('results-pager-summary').innerText();
      const total = Number(/共 (\d+) 条/.exec(summary)?.[1]);
      assert.ok(total > 0, `results: ${summary}`);
      await screenshot(office, 'ceremony-06-drawn');

      // The big screen reveals the results one by one, then shows the revealed seeds.
      await leader.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-testid="screen-revealed"]');
          return el && Number(el.getAttribute('data-shown')) === n && Number(el.getAttribute('data-total')) === n;
        },
        total,
        { timeout: 30_000 },
      );
      assert.equal(await leader.getByTestId('screen-result').count(), total);
      await leader.getByTestId('screen-server-seed').waitFor();
      await screenshot(leader, 'ceremony-07-big-screen-results', { fullPage: false });

      // Every result exports, formula-safe CSV with a BOM for Excel.
      const csv = await downloadText(office, office.getByTestId('results-export'), 'ceremony-results.csv');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], '序号,检查对象,统一社会信用代码,检查事项,检查组');
      assert.equal(lines.length, total + 1);

      // The public record names nobody (spotcheck-draw/2); the office (like the supervisor) checks the
      // pseudonym map in the browser and reads the drawn entities by USCC beside their pseudonyms.
      await office.getByTestId('key-map-load').click();
      const mapCheck = office.getByTestId('key-map-check');
      await mapCheck.waitFor({ timeout: 60_000 });
      assert.equal(await mapCheck.getAttribute('data-ok'), 'true');
      await assertText(mapCheck, '化名对照核对一致');
      const firstUscc = lines[1].split(',')[2];
      await office.locator(`[data-testid="key-map-row"][data-uscc="${firstUscc}"]`).waitFor();
      await screenshot(office, 'ceremony-08-key-map');

      await office.getByTestId('back-link').click();
      await assertText(office.getByTestId('task-status'), '已摇号');
    } finally {
      await office.context().close();
      await leader.context().close();
    }
  });

  test('the province sees the draw whole: 舞钢’s draw under 下级单位, its pseudonym map checked in the browser', async () => {
    const province = await signedIn('henan.viewer');
    try {
      await province.getByRole('menuitem', { name: '下级单位' }).click();
      const row = province.locator(`[data-testid="province-draw-row"][data-task="${TITLE}"]`);
      await row.waitFor();
      await assertText(row, '舞钢市自然资源和规划局');
      await assertText(row, '已摇号');
      await row.getByTestId('province-draw-key-map').click();
      await province.getByTestId('key-map-load').click();
      const mapCheck = province.getByTestId('key-map-check');
      await mapCheck.waitFor({ timeout: 60_000 });
      assert.equal(await mapCheck.getAttribute('data-ok'), 'true');
      assert.ok((await province.getByTestId('key-map-row').count()) > 0);
      // The map's long hashes scroll inside their table: the page itself never scrolls sideways.
      assert.equal(await province.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await screenshot(province, 'ceremony-09-province-key-map');
    } finally {
      await province.context().close();
    }
  });

  test('an infeasible draw is refused at freezing, naming the constraint', async () => {
    const office = await signedIn('wugang.admin');
    const leader = await signedIn('wugang.leader');
    try {
      await office.goto('/tasks/new');
      const form = office.getByTestId('task-form');
      await form.waitFor();
      await form.getByTestId('task-title').fill('每组十人的抽查（人员不足）');
      await fillPlanTexts(form, '人员不足');
      await form.getByTestId('task-kind').getByText('专项检查（计划外）').click();
      await form.getByTestId('task-reason').fill('上级交办');
      await fillDate(form.getByTestId('task-starts-on'), '2027-03-01');
      await fillDate(form.getByTestId('task-ends-on'), '2027-03-31');
      await form.getByTestId('task-team-size').fill('10');
      await choose(office, form.getByTestId('task-item'), '土地使用情况监督检查');
      await form.getByTestId('task-item-ratio').fill('0.10');
      await form.getByTestId('task-submit').click();
      await office.getByTestId('task-page').waitFor();
      // Not frozen before the leader approves the 专项检查.
      await office.getByTestId('task-open-ceremony').click();
      await clickAndConfirm(office, office.getByTestId('draw-freeze'));
      await office.getByTestId('draw-error').waitFor();
      assert.equal(await office.getByTestId('draw-error').getAttribute('data-rule'), 'special.approval');
      const taskPath = new URL(office.url()).pathname.replace(/\/ceremony$/, '');
      await leader.goto(taskPath);
      await leader.getByTestId('task-approve').click();
      await leader.getByTestId('task-approve-comment').fill('同意');
      await leader.getByTestId('task-approve-submit').click();
      await leader.getByTestId('task-approval').waitFor();
      await office.reload();
      await clickAndConfirm(office, office.getByTestId('draw-freeze'));
      const alert = office.getByTestId('draw-error');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('data-code'), 'RULE_VIOLATION');
      assert.equal(await alert.getAttribute('data-rule'), 'draw.TOO_FEW_INSPECTORS');
      await assertText(office.getByTestId('draw-error-constraint'), '可抽取的执法人员少于每组人数');
      await screenshot(office, 'ceremony-08-infeasible');
      assert.equal(await office.getByTestId('draw-commitment').count(), 0, 'nothing was frozen');
    } finally {
      await office.context().close();
      await leader.context().close();
    }
  });
});
