import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { compressResponses, serveClient } from './static-client';

/** A GET with raw bytes back (fetch would decode the body itself and hide what was sent). */
function get(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the built web app: compression and caching', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'client-dist-'));
  const script = `console.log(${JSON.stringify('抽查'.repeat(2000))});\n`;
  // The build's brotli copy, told apart from the file by its first line.
  const storedScript = `/* stored */\n${script}`;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(4000, 7)]);
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><div id="root"></div>${'<!-- 填充 -->'.repeat(200)}`);
    fs.writeFileSync(path.join(dist, 'assets', 'index-B3x9_aQz.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'logo-Cq1w2e3r.png'), png);
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dist, 'assets', 'page-Dk2m9xQa.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'page-Dk2m9xQa.js.br'), zlib.brotliCompressSync(storedScript));
    fs.writeFileSync(path.join(dist, 'favicon.svg.br'), zlib.brotliCompressSync('<svg id="stored"/>'));
    const web = express();
    web.use(compressResponses());
    web.get('/api/big.json', (_req, res) => void res.json({ rows: Array.from({ length: 200 }, (_, i) => ({ i, name: '常德市' })) }));
    serveClient(web, dist);
    server = web.listen(0);
    await new Promise((r) => server.once('listening', r));
    url = `http://localhost:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends JavaScript, HTML and JSON with brotli or gzip, whichever the browser takes, and the body decompresses', async () => {
    const br = await get(`${url}/assets/index-B3x9_aQz.js`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await get(`${url}/assets/index-B3x9_aQz.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const page = await get(`${url}/tasks/123`, 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.body).toString()).toMatch(/<div id="root">/);
    const json = await get(`${url}/api/big.json`, 'gzip');
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(json.body).toString()).rows).toHaveLength(200);
  });

  it("sends a hashed asset's stored brotli copy to a browser that takes brotli, and the file itself to others", async () => {
    const br = await get(`${url}/assets/page-Dk2m9xQa.js`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(storedScript);
    const gz = await get(`${url}/assets/page-Dk2m9xQa.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    // An unhashed file may change between deploys: its copy is not trusted.
    const icon = await get(`${url}/favicon.svg`, 'br');
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.body.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('leaves already-compressed files and clients that ask for nothing alone', async () => {
    const image = await get(`${url}/assets/logo-Cq1w2e3r.png`, 'gzip, br');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    const plain = await get(`${url}/assets/index-B3x9_aQz.js`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed assets for a year as immutable, and makes index.html and unhashed files revalidate', async () => {
    expect((await get(`${url}/assets/index-B3x9_aQz.js`, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(`${url}/assets/logo-Cq1w2e3r.png`, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const file of ['/', '/index.html', '/no-such-page', '/favicon.svg']) {
      expect({ file, cacheControl: (await get(`${url}${file}`, 'br')).headers['cache-control'] }).toEqual({ file, cacheControl: 'no-cache' });
    }
  });
});
