import http from 'node:http';
import { nodeCpuMs } from './cpu-usage';

/** One request of the mix: an operation of the web app, its variables and its viewer's token (none for the portal). */
export interface LoadRequest {
  label: string;
  body: string;
  token: string | null;
}

export interface LoadOptions {
  url: string;
  requests: LoadRequest[];
  connections: number;
  seconds: number;
}

export interface LatencySummary {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult extends LatencySummary {
  seconds: number;
  rps: number;
  /** Answers that were not a 200 with data and no `errors`. */
  failures: number;
  firstFailure: string | null;
  byLabel: Record<string, LatencySummary>;
  /** CPU time of the load generator itself. */
  cpuMs: number;
}

export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10 : 0);
  return { requests: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: at(1) };
}

function send(agent: http.Agent, url: URL, request: LoadRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const req = http.request({ agent, host: url.hostname, port: url.port, path: '/graphql', method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * The mix at `connections` keep-alive connections for `seconds`: each connection sends the next
 * request of the mix as soon as its last answer came, so the mix's proportions hold whatever each
 * costs. Every answer is checked (a 200 whose JSON has data and no errors); latencies are exact.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const byLabel = new Map<string, number[]>();
  let next = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const cpuBefore = nodeCpuMs();
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const request = options.requests[next++ % options.requests.length]!;
      const t0 = performance.now();
      let ok = false;
      let text = '';
      try {
        const answer = await send(agent, url, request);
        text = answer.text;
        ok = answer.status === 200 && text.startsWith('{"data"') && !text.includes('"errors"');
      } catch (error) {
        text = String(error);
      }
      const ms = performance.now() - t0;
      if (!ok) {
        failures += 1;
        firstFailure ??= `${request.label}: ${text.slice(0, 1000)}`;
        continue;
      }
      latencies.push(ms);
      let list = byLabel.get(request.label);
      if (!list) byLabel.set(request.label, (list = []));
      list.push(ms);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    ...summarize(latencies),
    seconds: Math.round(seconds * 10) / 10,
    rps: latencies.length / seconds,
    failures,
    firstFailure,
    byLabel: Object.fromEntries([...byLabel].map(([label, list]) => [label, summarize(list)])),
    cpuMs: nodeCpuMs() - cpuBefore,
  };
}

/** As its own process, so that the load generator shares no event loop with the servers it measures: LoadOptions as JSON on stdin, a LoadResult as JSON on stdout. */
async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  process.stdout.write(JSON.stringify(await runLoad(JSON.parse(input) as LoadOptions)));
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
