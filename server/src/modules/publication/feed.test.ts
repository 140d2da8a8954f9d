import http from 'node:http';
import { SaxesParser } from 'saxes';
import { startAppOn, startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { approvedInspection, publishInspection } from '../../test-support/inspection-fixture';

const ATOM = 'http://www.w3.org/2005/Atom';

interface XmlNode {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A strict, namespace-aware parse: any well-formedness error throws. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.local!,
      uri: tag.uri!,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a: any) => [a.local, a.value])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    if (stack.length) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}

const BASE = 'https://gongshi.example.gov.cn/spotcheck';

/** A GET with a Host header of the caller's choosing (fetch would send the real one). */
function getWithHost(url: string, host: string): Promise<{ status: number; cacheControl: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host, 'x-forwarded-host': host, 'x-forwarded-proto': 'https' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, cacheControl: res.headers['cache-control'], body }));
      })
      .on('error', reject);
  });
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name && c.uri === ATOM);

describe('feeds of new publications (JSON Feed 1.1 and Atom 1.0, no sign-in)', () => {
  let t: TestApp;
  let office: string;
  let wugang: string;
  let changde: string;
  let uscc: string;
  const FINDINGS = '未批先建 <script>alert("x")</script> & 拒不整改 \'单引号\'\u0001';

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: `${BASE}/` });
    office = await t.login('wugang.admin');
    await drawWugangTask(t);
    const bureaus = (await t.gql('{ publicBureaus { id regionCode } }')).data.publicBureaus;
    wugang = bureaus.find((b: any) => b.regionCode === '410481').id;
    changde = bureaus.find((b: any) => b.regionCode === '430700').id;
    [{ uscc }] = await t.sql(`SELECT e.uscc FROM market_entities e JOIN tenants n ON n.id = e.tenant_id AND n.region_code = '410481' ORDER BY e.uscc LIMIT 1`);
    // An unpublished record must not appear; a published one with hostile text must appear, escaped.
    await approvedInspection(t, uscc, 'NO_PROBLEM');
    await publishInspection(t, await approvedInspection(t, uscc, 'OTHER_VIOLATION', { findings: FINDINGS }), office);
  });
  afterAll(() => t.close());

  it('serves a valid Atom 1.0 feed, newest first, with every text escaped', async () => {
    const response = await fetch(`${t.url}/api/public/feed.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    const feed = parseXml(xml);
    expect([feed.name, feed.uri]).toEqual(['feed', ATOM]);
    for (const required of ['id', 'title', 'updated', 'author']) expect(child(feed, required)).toBeDefined();
    expect(feed.children.find((c) => c.name === 'link' && c.attributes.rel === 'self')?.attributes.href).toBe(`${BASE}/api/public/feed.atom`);
    const entries = feed.children.filter((c) => c.name === 'entry');
    // Kinds: the published plans, the task notice, the draw, and the one published result.
    expect(new Set(entries.map((e) => child(e, 'category')!.attributes.term))).toEqual(new Set(['PLAN', 'TASK_NOTICE', 'DRAW', 'RESULT']));
    expect(entries.filter((e) => child(e, 'category')!.attributes.term === 'RESULT')).toHaveLength(1);
    for (const entry of entries) {
      for (const required of ['id', 'title', 'updated', 'author', 'content']) expect(child(entry, required)).toBeDefined();
      expect(child(entry, 'id')!.text).toMatch(/^urn:spotcheck:[A-Za-z0-9_-]+$/);
      expect(Number.isNaN(Date.parse(child(entry, 'updated')!.text))).toBe(false);
    }
    const times = entries.map((e) => Date.parse(child(e, 'updated')!.text));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(child(feed, 'updated')!.text).toBe(child(entries[0]!, 'updated')!.text);
    const result = entries.find((e) => child(e, 'category')!.attributes.term === 'RESULT')!;
    expect(child(result, 'content')!.text).toContain(FINDINGS.replace('\u0001', ''));
    expect(xml).not.toContain('<script>');
    expect(new Set(entries.map((e) => child(e, 'id')!.text)).size).toBe(entries.length);
  });

  it('serves JSON Feed 1.1 with its required fields', async () => {
    const response = await fetch(`${t.url}/api/public/feed.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await response.json()) as any;
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: expect.any(String), feed_url: `${BASE}/api/public/feed.json` });
    expect(feed.items.length).toBeGreaterThan(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
    const dates = feed.items.map((i: any) => i.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    const draw = feed.items.find((i: any) => i._spotcheck.kind === 'DRAW');
    expect(draw.url).toBe(`${BASE}/api/public/draws/${draw._spotcheck.id}`);
    expect(feed.items.find((i: any) => i._spotcheck.kind === 'RESULT').content_text).toContain(FINDINGS);
  });

  it('builds no link from the request’s Host in a publicly cached feed: PUBLIC_BASE_URL, or site-rooted paths without it', async () => {
    const unset = await startAppOn(t);
    try {
      for (const [url, base] of [
        [t.url, BASE],
        [unset.url, ''],
      ] as const) {
        for (const format of ['json', 'atom']) {
          const answer = await getWithHost(`${url}/api/public/feed.${format}`, 'evil.example');
          expect({ status: answer.status, cacheControl: answer.cacheControl }).toEqual({ status: 200, cacheControl: 'public, max-age=60' });
          expect(answer.body).not.toContain('evil.example');
          expect(answer.body).toContain(`${JSON.stringify(`${base}/api/public/feed.json`).slice(1, -1)}`);
        }
      }
      const relative = JSON.parse((await getWithHost(`${unset.url}/api/public/feed.json`, 'evil.example')).body);
      expect(relative.home_page_url).toBe('/');
      expect(relative.items.find((i: any) => i._spotcheck.kind === 'DRAW').url).toMatch(/^\/api\/public\/draws\//);
    } finally {
      await unset.close();
    }
  });

  it('filters by bureau and limits the number of entries', async () => {
    const ofChangde = (await (await fetch(`${t.url}/api/public/feed.json?bureau=${changde}`)).json()) as any;
    expect(ofChangde.items.every((i: any) => i._spotcheck.bureauId === changde)).toBe(true);
    expect(ofChangde.items.some((i: any) => i._spotcheck.kind === 'RESULT')).toBe(false);
    const ofWugang = (await (await fetch(`${t.url}/api/public/feed.json?bureau=${wugang}&limit=2`)).json()) as any;
    expect(ofWugang.items).toHaveLength(2);
    expect(ofWugang.items.every((i: any) => i._spotcheck.bureauId === wugang)).toBe(true);
    expect((await fetch(`${t.url}/api/public/feed.atom?bureau=bm9wZQ`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/public/feed.json?bureau=${encodeURIComponent("' OR 1=1 --")}`)).status).toBe(404);
    const huge = (await (await fetch(`${t.url}/api/public/feed.json?limit=100000`)).json()) as any;
    expect(huge.items.length).toBeLessThanOrEqual(100);
  });

  it('answers 304 to a reader that has the current feed, and changes with a new publication', async () => {
    // fetch() adds Cache-Control: no-cache to a conditional request (an end-to-end reload); a feed reader does not.
    const conditional = (header: Record<string, string>) => fetch(`${t.url}/api/public/feed.atom`, { headers: { ...header, 'cache-control': 'max-age=0' } });
    const first = await fetch(`${t.url}/api/public/feed.atom`);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await conditional({ 'if-none-match': etag })).status).toBe(304);
    expect((await conditional({ 'if-modified-since': lastModified })).status).toBe(304);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Last-Modified counts whole seconds
    await publishInspection(t, await approvedInspection(t, uscc, 'CORRECTED'), office);
    const after = await conditional({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await conditional({ 'if-modified-since': lastModified })).status).toBe(200);
  });

  it('drops a suspended bureau’s publications', async () => {
    const operator = await t.login('platform.admin');
    await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: SUSPENDED }) { status } }', { id: wugang }, operator);
    try {
      const feed = (await (await fetch(`${t.url}/api/public/feed.json`)).json()) as any;
      expect(feed.items.some((i: any) => i._spotcheck.bureauId === wugang)).toBe(false);
      expect((await fetch(`${t.url}/api/public/feed.atom?bureau=${wugang}`)).status).toBe(404);
    } finally {
      await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: ACTIVE }) { status } }', { id: wugang }, operator);
    }
  });
});
