import crypto from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  /** Owner connection string (for the servers under test and for setup). */
  url: string;
  /** A query as the owner (bypasses RLS). */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function testServerUrl(): string {
  const url = process.env.SPOTCHECK_TEST_SERVER_URL;
  if (!url) throw new Error('SPOTCHECK_TEST_SERVER_URL is not set: run tests through jest (global setup).');
  return url;
}

async function onServer<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test run's PostgreSQL: a copy of the migrated demo, or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${crypto.randomUUID().replace(/-/g, '')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}${options.empty ? '' : ' TEMPLATE spotcheck_template'}`));
  const url = testServerUrl().replace(/\/postgres$/, `/${name}`);
  let admin: Client | null = null;
  const connect = async () => {
    if (!admin) {
      admin = new Client({ connectionString: url });
      await admin.connect();
    }
    return admin;
  };
  return {
    name,
    url,
    sql: async (text, params) => (await (await connect()).query(text, params as unknown[])).rows,
    drop: async () => {
      await (admin as Client | null)?.end();
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
