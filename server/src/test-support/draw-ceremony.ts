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
  const approved = await t.gql(
    'mutation($id: ID!) { reviewRuleProposal(id: $id, decision: APPROVE) { approvedVersion } }',
    { id: proposed.data.proposeRuleSet.id },
    leader,
  );
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
  const task = await t.gql(
    'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
    {
      input: {
        planId: plan,
        round: 1,
        title,
        purpose: '按年度计划开展随机抽查',
        procedure: '摇号、核查、报告',
        divisionOfLabour: '各检查部门按事项分工',
        confidentiality: '结果公布前保密',
        startsOn: '2026-05-06',
        endsOn: '2026-06-26',
        teamSize: 2,
        reason: '测试：补办第一轮',
        items: items.map((i: { id: string; minRatio: string }) => ({ itemId: i.id, ratio: i.minRatio })),
      },
    },
    office,
  );
  if (task.errors) throw new Error(JSON.stringify(task.errors));
  await approveLate(t, task.data.createTask.id, await t.login('changde.leader'));
  return task.data.createTask.id;
}

/**
 * A spotcheck-draw/2 record with its pseudonyms replaced by what they stand for, through the draw's key
 * map (as the office or the supervisor sees it): what tests inspect as the bureau knows it. No longer
 * verifiable (the hashes are over the pseudonyms); a /1 record comes back as it is.
 */
export async function plainRecordOf(t: TestApp, drawId: string, token: string, record: DrawRecord): Promise<DrawRecord> {
  const seen = await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { keyMap } } }', { id: drawId }, token);
  if (seen.errors) throw new Error(JSON.stringify(seen.errors));
  const keyMap = seen.data.node.keyMap as Record<'strata' | 'entities' | 'inspectors' | 'tags', [string, string][]> | null;
  if (!keyMap) return record;
  const [strata, entities, inspectors, tags] = (['strata', 'entities', 'inspectors', 'tags'] as const).map((k) => new Map(keyMap[k]));
  const of = (map: Map<string, string>, p: string) => map.get(p) ?? p;
  const tagsOf = (list?: string[]) => (list ? list.map((x) => of(tags!, x)).sort() : undefined);
  const input = record.input;
  return {
    ...record,
    input: {
      ...input,
      strata: input.strata.map((st) => ({
        ...st,
        key: of(strata!, st.key),
        entities: st.entities.map((e) => ({ ...e, key: of(entities!, e.key), ...(e.tags ? { tags: tagsOf(e.tags) } : {}) })),
      })),
      inspectors: input.inspectors.map((i) => ({ ...i, key: of(inspectors!, i.key), ...(i.tags ? { tags: tagsOf(i.tags) } : {}) })),
      requiredGroups: input.requiredGroups.map((r) => ({ ...r, stratumKey: of(strata!, r.stratumKey) })),
      exclusions: input.exclusions.map((x) => ({ ...x, entityKey: of(entities!, x.entityKey), inspectorKey: of(inspectors!, x.inspectorKey) })),
    },
    result: record.result && {
      selections: record.result.selections.map((sel) => ({ stratumKey: of(strata!, sel.stratumKey), entityKeys: sel.entityKeys.map((k) => of(entities!, k)) })),
      teams: record.result.teams.map((team) => ({
        entityKey: of(entities!, team.entityKey),
        inspectorKeys: team.inspectorKeys.map((k) => of(inspectors!, k)),
      })),
    },
    failure: record.failure && {
      ...record.failure,
      ...(record.failure.stratumKey ? { stratumKey: of(strata!, record.failure.stratumKey) } : {}),
      ...(record.failure.entityKey ? { entityKey: of(entities!, record.failure.entityKey) } : {}),
    },
  };
}

/**
 * Commit, witness, public number, draw: returns the draw's id, its published record, and the same
 * record in plain keys (`plainRecordOf`).
 */
export async function holdCeremony(
  t: TestApp,
  taskId: string,
  office: string,
  witness: string,
): Promise<{ drawId: string; record: DrawRecord; plain: DrawRecord }> {
  const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office);
  if (committed.errors) throw new Error(JSON.stringify(committed.errors));
  const drawId = committed.data.commitDraw.id;
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "纪检监督 5120") { id } }', { id: drawId }, witness);
  await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "603") { id } }', { id: drawId }, office);
  const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { record } }', { id: drawId }, office);
  if (drawn.errors) throw new Error(JSON.stringify(drawn.errors));
  const record: DrawRecord = drawn.data.performDraw.record;
  if (!record.result) throw new Error(`the draw failed: ${JSON.stringify(record.failure)}`);
  return { drawId, record, plain: await plainRecordOf(t, drawId, office, record) };
}
