// Accessibility: axe-core runs in the page the test is on, and a serious or critical violation of
// WCAG 2.x A/AA, or a page without a level-one heading, fails the test. Each page (its path) is checked once per test file: a test visits the
// same screen many times, and each run of axe costs the browser about a tenth of a second.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const checked = new Set();

/** One line per violating element: the rule, its impact, where, and axe's reason. */
function describe(violations) {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.summary}`)).join('\n');
}

/** Fails on any serious or critical violation on the page as it is now (once per path). */
export async function assertAccessible(page) {
  const { pathname } = new URL(page.url());
  if (checked.has(pathname)) return;
  checked.add(pathname);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'page-has-heading-one': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'page-has-heading-one')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.any[0]?.message ?? n.failureSummary ?? '' })) }));
  });
  assert.equal(violations.length, 0, `axe on ${pathname}:\n${describe(violations)}`);
}
