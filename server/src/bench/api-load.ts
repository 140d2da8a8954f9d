import autocannon from 'autocannon';
import { nodeCpuMs } from './cpu-usage';
import { sameButSplit } from './split-body';

export interface LoadOptions {
  url: string;
  body: string;
  token: string;
  connections: number;
  seconds: number;
  /** Every answer must be this text; any other (an error, a partial answer) is a mismatch. */
  expectBody: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** CPU time of the load generator itself. */
  cpuMs: number;
}

/**
 * One autocannon run of `npm run bench -- api`, as its own process, so that the load generator
 * shares no event loop with the servers it measures: `node api-load.js <LoadOptions as JSON>`
 * prints a LoadResult as JSON.
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]!) as LoadOptions;
  let firstMismatch: string | undefined;
  const result = await autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: options.body,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    // Every answer is compared with the reference; the first that differs is shown, to tell why.
    verifyBody: (body) => {
      const text = String(body ?? '');
      if (text === options.expectBody || sameButSplit(text, options.expectBody)) return true;
      firstMismatch ??= text;
      return false;
    },
  });
  if (firstMismatch !== undefined) process.stderr.write(`first answer that differs from the reference: ${firstMismatch.slice(0, 2000)}\n`);
  const answer: LoadResult = {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    cpuMs: nodeCpuMs(),
  };
  process.stdout.write(JSON.stringify(answer));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
