import { startTestApp, codes, type TestApp } from '../test-support/test-app';
import { seedDemoDraw } from '../seed/demo-draw';

/** A raw anonymous POST to /graphql, with the size of what came back. */
async function post(t: TestApp, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), json: JSON.parse(text) as any };
}

describe('response size counts in what a request may cost', () => {
  let t: TestApp;
  let drawId: string;
  let recordUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await seedDemoDraw(t.app.services);
    const list = (await (await fetch(`${t.url}/api/public/draws`)).json()) as any;
    drawId = list.draws[0].id;
    recordUrl = `${t.url}${list.draws[0].recordUrl}`;
  });
  afterAll(() => t.close());

  it('refuses thirty anonymous copies of a whole draw record in one request, with a small typed answer', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `r${i}: publicDrawRecord(id: $id)`).join(' ');
    const answer = await post(t, `query($id: ID!) { ${aliases} }`, { id: drawId });
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
    expect(codes(answer.json)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(answer.bytes).toBeLessThan(20_000);
  });

  it('lets a signed-in reader have one whole record per request, not two', async () => {
    const office = await t.login('wugang.admin');
    const one = await post(t, `query($id: ID!) { node(id: $id) { ... on Draw { status record } } }`, { id: drawId }, office);
    expect(one.json.errors).toBeUndefined();
    expect(one.json.data.node.record.inputHash).toBeTruthy();
    const two = await post(
      t,
      `query($id: ID!) { a: node(id: $id) { ... on Draw { record } } b: node(id: $id) { ... on Draw { record } } }`,
      { id: drawId },
      office,
    );
    expect(two.status).toBe(400);
    expect(codes(two.json)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(two.json.errors[0].message).toBe('一次请求最多取 1 份完整记录（本次 2 份）');
    // Under a page of tasks, a record counts once per task the page may hold.
    const page = await post(t, `{ tasks(first: 2) { edges { node { draw { record } } } } }`, {}, office);
    expect(page.json.errors?.[0]?.extensions?.largeFields).toBe(2);
    const defaultPage = await post(t, `{ tasks { edges { node { draw { record } } } } }`, {}, office);
    expect(defaultPage.json.errors?.[0]?.extensions?.largeFields).toBe(20);
    const onePerPage = await post(t, `{ tasks(first: 1) { edges { node { draw { id } } } } }`, {}, office);
    expect(onePerPage.json.errors).toBeUndefined();
    expect(two.bytes).toBeLessThan(5_000);
  });

  it('serves the record by REST for anyone, cacheable: an ETag, Cache-Control, and 304 when unchanged', async () => {
    const first = await fetch(recordUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/public/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16,}"$/);
    const record = (await first.json()) as any;
    expect(record.input.strata.length).toBeGreaterThan(0);
    expect(record.seed).toBeTruthy();

    // As a browser revalidates (fetch() alone would add `Cache-Control: no-cache` to a conditional request).
    const again = await fetch(recordUrl, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(recordUrl, { headers: { 'if-none-match': '"0000000000000000"', 'cache-control': 'max-age=0' } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as any).inputHash).toBe(record.inputHash);
  });
});
