import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from './test-app';

// The recorder (server/test/statement-recorder.cjs) runs in each worker, in Node's own realm; a test
// reaches it as the environment does.
const recorder = (globalThis as unknown as { __nativeRequire(id: string): { flush(): void } }).__nativeRequire(
  path.resolve(__dirname, '..', '..', 'test', 'statement-recorder.cjs'),
);

describe('the statement recorder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records what the app sends, with the app code that sent it, for the check after the run', async () => {
    const marker = `recorder_probe_${crypto.randomUUID().replace(/-/g, '')}`;
    await t.app.services.db.query(`SELECT 1 AS ${marker}`);
    await t.gql('{ publicBureaus { name } }');
    recorder.flush();
    const file = path.join(process.env.SPOTCHECK_STATEMENT_LOG!, `worker-${process.pid}.jsonl`);
    const entries = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { sql: string; caller: string });
    expect(entries.some((e) => e.sql.includes(marker))).toBe(true);
    // publicBureaus' own statement (other statements on the view, from other files in this worker, may come first).
    const portal = entries.filter((e) => e.sql === 'SELECT * FROM public_tenants ORDER BY region_code, name');
    expect(portal.map((e) => e.caller)).toEqual(
      expect.arrayContaining([expect.stringMatching(/readPublicBureaus \(modules\/publication\/public-directory-reads\.ts\)/)]),
    );
  });
});
