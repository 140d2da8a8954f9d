import { DEFAULT_RULES, type DrawRecord, type RuleSet } from '@spotcheck/shared';
import type { TestApp } from './test-app';
import { approveLate, publishedPlan } from './draw-fixture';

/**
 * Puts a new version of the bureau's rules in force the only way there is: the office proposes, the
 * bureau's leader (`<bureau>.leader`) approves. `rules` is the whole rule set.
 */
export async function approveRules(t: TestApp, office: string, rules: RuleSet, reason = '测试细则'): Promise<number> {
  const proposed = await t.gql('mutation($r: JSON!, $reason: String!) { proposeRuleSet(rules: $r, reason: $reason) { id } }', { r: rules, reason }, office);
  if (proposed.errors) throw new Error(JSON.stringify(proposed.errors));
  const username = (await t.gql('{ me { username } }', {}, office)).data.me.username as string;
  const leader = await t.login(`${username.split('.')[0]}.leader`);
  const approved = await t.gql('mutation($id: ID!) { reviewRuleProposal(id: $id, decision: APPROVE) { approvedVersion } }', { id: proposed.data.proposeRuleSet.id }, leader);
  if (approved.errors) throw new Error(JSON.stringify(approved.errors));
  return approved.data.reviewRuleProposal.approvedVersion;
}

/** A new version of the bureau's rules in force: the defaults with `changes` (one level deep) applied. */
export async function saveRules(t: TestApp, office: string, changes: Partial<RuleSet>): Promise<void> {
  await approveRules(t, office, { ...DEFAULT_RULES, ...changes });
}

/** A task of 常德's 2026 plan over the given items (by name; all of them when omitted) at their minimum ratios. */
export async function createChangdeTask(t: TestApp, office: string, title: string, itemNames?: string[]): Promise<string> {
  const items = (await t.gql('{ items { edges { node { id name minRatio } } } }', {}, office)).data.items.edges
    .map((e: { node: { id: string; name: string; minRatio: string } }) => e.node)
    .filter((i: { name: string }) => !itemNames || itemNames.includes(i.name));
  const plan = await publishedPlan(t, office, 2026);
  const task = await t.gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: {
    planId: plan, round: 1, title, purpose: '按年度计划开展随机抽查', procedure: '摇号、核查、报告', divisionOfLabour: '各检查部门按事项分工',
    confidentiality: '结果公布前保密', startsOn: '2026-05-06', endsOn: '2026-06-26', teamSize: 2, reason: '测试：补办第一轮',
    items: items.map((i: { id: string; minRatio: string }) => ({ itemId: i.id, ratio: i.minRatio })),
  } }, office);
  if (task.errors) throw new Error(JSON.stringify(task.errors));
  await approveLate(t, task.data.createTask.id, await t.login('changde.leader'));
  return task.data.createTask.id;
}

/** Commit, witness, public number, draw: returns the draw's id and its published record. */
export async function holdCeremony(t: TestApp, taskId: string, office: string, witness: string): Promise<{ drawId: string; record: DrawRecord }> {
  const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office);
  if (committed.errors) throw new Error(JSON.stringify(committed.errors));
  const drawId = committed.data.commitDraw.id;
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "纪检监督 5120") { id } }', { id: drawId }, witness);
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "福彩3D 2026118 期 603") { id } }', { id: drawId }, office);
  const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { record } }', { id: drawId }, office);
  if (drawn.errors) throw new Error(JSON.stringify(drawn.errors));
  const record: DrawRecord = drawn.data.performDraw.record;
  if (!record.result) throw new Error(`the draw failed: ${JSON.stringify(record.failure)}`);
  return { drawId, record };
}
