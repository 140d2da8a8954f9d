import type { TestApp } from './test-app';

export const PROPOSE_HANDLING = `mutation($id: ID!, $input: HandlingInput!) { proposeHandling(id: $id, input: $input) { id handling { outcome label basis deadlineWorkdays decided } } }`;

/** The team's 处理建议 that a record needs before it is submitted: 未发现问题 unless told otherwise. */
export async function proposeHandling(
  t: TestApp,
  id: string,
  token: string,
  input: Record<string, unknown> = { outcome: 'NO_PROBLEM', basis: '未发现违法违规问题' },
) {
  const result = await t.gql(PROPOSE_HANDLING, { id, input }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.proposeHandling;
}
