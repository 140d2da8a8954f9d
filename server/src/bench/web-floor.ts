import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

/**
 * The web bench's floor: a page that does nothing (a heading and a line of Chinese text, no script,
 * no style sheet), gzip-compressed by a bare node server on the same machine. Lighthouse on it in the
 * same run shows what this machine and its load allow: a page the app cannot beat. A floor below 100
 * means the machine was busy (the simulated metrics scale the CPU time the trace saw) and every page's
 * score is lower by about as much.
 */
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="双随机、一公开监管的空白页：网页基准的下限。">
<title>双随机监管</title>
</head>
<body>
<main>
<h1>双随机监管</h1>
<p>随机抽取检查对象，随机选派执法检查人员，抽查情况及查处结果及时向社会公开。</p>
</main>
</body>
</html>
`;

export async function startWebFloor(): Promise<{ url: string; close: () => Promise<void> }> {
  const gzipped = zlib.gzipSync(PAGE);
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-cache' });
    res.end(gzipped);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
