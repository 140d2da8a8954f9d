import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { Pool } from 'pg';
import { FLOOR_OPERATIONS } from './floor-operations';
import type { FloorViewer } from './floor-records';
import { prepareOperation, selectFields, type PreparedOperation } from './floor-selection';

/**
 * The floor of `npm run bench -- api`: a bare node HTTP server answering the same operations as the
 * service, on the same database, as the same role (`spotcheck_app`, under row-level security), each
 * in one transaction scoped to the viewer's tenant with `set_config('app.tenant_id', …, true)` as the
 * service does, with hand-written SQL (floor-operations.ts). No GraphQL execution (the answer is cut
 * to the document's selection by hand), no sign-in (a bearer token is looked up in a table the bench
 * gives it), no limits, no logging, no metrics, no ORM.
 *
 * Run as its own process by the bench (`node api-floor.js`, FloorOptions as JSON on stdin; it prints
 * `{"url":…}` once it listens), or in-process by the test (startFloorServer).
 */
export interface FloorOptions {
  /** The database's owner URL; the floor connects as it and takes the app's role, as the service does. */
  databaseUrl: string;
  /** The role the service's queries run as (`APP_ROLE`), given by the bench: the floor loads none of the service. */
  role: string;
  /** The viewer of each bearer token the bench signed in. */
  viewers: Record<string, FloorViewer>;
  poolSize?: number;
}

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export async function startFloorServer(options: FloorOptions): Promise<FloorServer> {
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    options: `-c role=${options.role}`,
    application_name: 'spotcheck-floor',
  });
  // An idle connection the database ends (its shutdown after the run) is not the floor's failure.
  pool.on('error', () => undefined);
  const documents = new Map<string, PreparedOperation>();

  async function answer(body: string, authorization: string | undefined): Promise<unknown> {
    const request = JSON.parse(body) as { operationName?: string; query: string; variables?: Record<string, unknown> };
    let prepared = documents.get(request.query);
    if (!prepared) documents.set(request.query, (prepared = prepareOperation(parse(request.query))));
    const name = request.operationName ?? prepared.operation.name?.value ?? '';
    const operation = FLOOR_OPERATIONS[name];
    if (!operation) throw new Error(`the floor does not serve ${name}`);
    const viewer = authorization?.startsWith('Bearer ') ? (options.viewers[authorization.slice(7)] ?? null) : null;
    if (!operation.public && !viewer) throw new Error('not signed in');
    const client = await pool.connect();
    try {
      await client.query(operation.writes ? 'BEGIN' : 'BEGIN READ ONLY');
      if (viewer && !operation.public) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [viewer.tenantId]);
      const data = await operation.run(client, request.variables ?? {}, viewer);
      await client.query('COMMIT');
      return { data: selectFields(data, prepared.operation.selectionSet, prepared.fragments) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      answer(body, req.headers.authorization).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(result));
        },
        (error: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const floor = await startFloorServer(JSON.parse(input) as FloorOptions);
  process.stdout.write(`${JSON.stringify({ url: floor.url })}\n`);
  process.once('SIGTERM', () => void floor.close().then(() => process.exit(0)));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
