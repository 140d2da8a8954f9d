import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';

/**
 * The floor of `npm run bench -- api`, run as its own process: Apollo Server 5 on express 5 (the
 * integration the service uses), with a schema of the same shape as the service's
 * `inspectionAssignments` for the fields the bench asks for, answering from an array in memory. No
 * sign-in, no database, no limits, no logging, no metrics. It reads the nodes as JSON on stdin and
 * prints `{"url":…}` once it listens.
 */
const TYPE_DEFS = `#graphql
  type Query {
    inspectionAssignments(first: Int, after: String, drawId: ID!, mine: Boolean): InspectionAssignmentConnection!
  }
  type InspectionAssignmentConnection { edges: [InspectionAssignmentEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type InspectionAssignmentEdge { cursor: String! node: InspectionAssignment! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type InspectionAssignment {
    drawId: String!
    seq: Int!
    entity: MarketEntity
    items: [InspectionItem!]!
    team: [Inspector!]!
    inspection: Inspection
  }
  type MarketEntity { id: ID! name: String! uscc: String! }
  type InspectionItem { id: ID! name: String! }
  type Inspector { id: ID! name: String! department: Department }
  type Department { id: ID! name: String! }
  type Inspection { id: ID! status: InspectionStatus! }
  enum InspectionStatus { DRAFT SUBMITTED RETURNED REVIEWED APPROVED PUBLISHED }
`;

type AssignmentNode = Record<string, unknown>;

/** The same offset cursors as the service's connections. */
const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const offsetOf = (cursor: string) => Number(/^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1] ?? -1);

function resolvers(nodes: AssignmentNode[]) {
  return {
    Query: {
      inspectionAssignments: (_: unknown, args: { first?: number | null; after?: string | null }) => {
        const offset = args.after ? offsetOf(args.after) + 1 : 0;
        const page = nodes.slice(offset, offset + (args.first ?? 20));
        const edges = page.map((node, i) => ({ cursor: cursorOf(offset + i), node }));
        return {
          edges,
          totalCount: nodes.length,
          pageInfo: {
            hasNextPage: offset + page.length < nodes.length,
            hasPreviousPage: offset > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
  };
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const nodes = JSON.parse(input) as AssignmentNode[];

  const web = express();
  const server = http.createServer(web);
  // Apollo's defaults, less the cache-control plugin, which the service turns off too.
  const apollo = new ApolloServer({ typeDefs: TYPE_DEFS, resolvers: resolvers(nodes), plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  web.use('/graphql', express.json(), expressMiddleware(apollo));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
