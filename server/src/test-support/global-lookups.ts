/**
 * Tables that carry tenant_id but are platform-wide lookups keyed by something else, read before the
 * tenant is known and closed to the app role. They are reference tables on Citus, which need no
 * distribution column: a key without tenant_id is allowed for them alone (db/distribution.test.ts), and
 * no statement on them needs tenant_id (statement-baseline.ts).
 */
export const GLOBAL_LOOKUPS: Record<string, string> = {
  account_names: 'usernames are unique platform-wide; sign-in finds the tenant from the username',
  invitation_codes: 'a one-time code finds its tenant before anything else is known',
};
