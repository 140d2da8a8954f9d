import { toGlobalId } from '@spotcheck/shared';
import type { TestApp } from './test-app';

const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { pendingRoleGrant { id } } }';
const APPROVE = 'mutation($id: ID!) { approveRoleGrant(id: $id) { status } }';

/**
 * Gives `username` its `roles` the way the service does: the office proposes, and where the change
 * grants OFFICE, LEADER or SUPERVISOR a second person (a leader, or the operator) approves it.
 */
export async function grantRoles(t: TestApp, username: string, roles: string[], tokens: { proposer: string; approver?: string }): Promise<void> {
  const [row] = await t.sql(`SELECT id FROM users WHERE username = $1`, [username]);
  const proposed = await t.gql(UPDATE, { id: toGlobalId('User', row.id), input: { roles } }, tokens.proposer);
  if (proposed.errors) throw new Error(`proposing roles for ${username}: ${proposed.errors[0]!.message}`);
  const grant = proposed.data.updateUser.pendingRoleGrant;
  if (!grant) return;
  if (!tokens.approver) throw new Error(`roles ${roles.join(',')} for ${username} need an approver`);
  const approved = await t.gql(APPROVE, { id: grant.id }, tokens.approver);
  if (approved.errors) throw new Error(`approving roles for ${username}: ${approved.errors[0]!.message}`);
}
