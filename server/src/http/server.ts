import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode } from 'graphql-ws';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { prepareOperation } from '../graphql/ws-operation';
import { isAsyncIterable, sessionHolds, whileSessionHolds, wsAuthorization } from '../graphql/ws-session';
import type { AppServices, RequestContext } from '../graphql/context';
import { buildRequestContext } from '../graphql/request-context';
import { complexityPlugin, operationRules } from '../graphql/limits';
import { formatError, formatErrors } from '../graphql/errors';
import type { Metrics } from '../observability/metrics';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics';
import { metricsRoute, startMetricsServer } from './metrics-server';
import { observeRequests } from '../observability/request-log';
import { MODULES } from '../modules';
import { restErrorHandler } from './rest-errors';
import { MAX_BODY_BYTES, jsonBodyErrors } from '../security/body-limit';
import { documentGuard } from '../security/document-guard';
import { clientAddress } from '../security/client-address';
import { compressResponses, serveClient } from './static-client';

export interface RunningHttpServer {
  url: string;
  port: number;
  /** Where /metrics is served when METRICS_PORT moves it off the main port. */
  metricsUrl: string | null;
  close(): Promise<void>;
}

/** The HTTP side: /graphql (HTTP and graphql-ws on one path), probes, metrics, and the web app. */
export async function startHttpServer(
  app: AppServices,
  schema: GraphQLSchema,
  metrics: Metrics,
  opts: { port: number; host: string; clientDist: string; metricsPort: number | null },
): Promise<RunningHttpServer> {
  const web = express();
  web.disable('x-powered-by');
  // A hop count (TRUST_PROXY), never address ranges: req.ip is what the nearest proxies saw.
  web.set('trust proxy', app.config.trustProxy);
  const httpServer = http.createServer(web);

  // One set of rules and one error path for both transports: what HTTP refuses, masks and logs, the
  // websocket refuses, masks and logs the same way.
  const rules = operationRules({ introspection: app.config.graphqlIntrospection });
  const logUnexpected = (error: unknown) => app.log.error({ err: error }, 'unexpected error');

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_BODY_BYTES });
  const wsCleanup = useServer(
    {
      schema,
      onSubscribe: async (ctx, _id, payload) => {
        try {
          const contextValue = await buildRequestContext(app, {
            authorization: wsAuthorization(ctx.connectionParams),
            ip: clientAddress(ctx.extra.request.socket.remoteAddress, ctx.extra.request.headers['x-forwarded-for'], app.config.trustProxy),
            userAgent: ctx.extra.request.headers['user-agent'] ?? null,
          });
          return prepareOperation(schema, rules, payload, contextValue);
        } catch (error) {
          // Thrown here, graphql-ws would close the socket with the error's message as the reason.
          return [new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined })];
        }
      },
      // Each event is checked against the session (expiry, revocation); when it has ended, the socket
      // closes with 4403, which graphql-ws clients retry: the web app comes back with a fresh token, or
      // anonymous and refused.
      onOperation: (ctx, _id, _payload, args, result) => {
        // An anonymous subscription (a public ceremony) has no session to lose, whatever token it sent.
        if (!isAsyncIterable(result) || !(args.contextValue as RequestContext).viewer) return undefined;
        const authorization = wsAuthorization(ctx.connectionParams);
        return whileSessionHolds(
          result,
          () => sessionHolds(app, authorization),
          () => ctx.extra.socket.close(CloseCode.Forbidden, 'Session ended'),
        );
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors, logUnexpected) } : result),
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors, logUnexpected),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    // GRAPHQL_INTROSPECTION is enforced by `rules`, as on the websocket (Apollo's own switch would add a second rule).
    introspection: true,
    // Apollo Server 5's defaults, stated because the security model rests on them: one operation per
    // request (no HTTP batching), no GET or simple-content-type request without a preflight header, and
    // no automatic persisted queries, which would let anyone fill a server-side cache.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    persistedQueries: false,
    validationRules: rules,
    formatError: (formatted, error) => formatError(formatted, logUnexpected, error),
    plugins: [
      // No field carries a cache hint: without this, Apollo would wrap every resolver to compute a
      // cache policy that no response uses (a page of 50 drawn entities holds some 1,500 fields).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      complexityPlugin(schema),
      graphqlMetricsPlugin(metrics),
    ],
  });
  await apollo.start();

  web.use(observeRequests(app.log, metrics));
  web.use(compressResponses());
  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when the database answers and this instance hears the other instances' events.
  web.get('/readyz', async (_req, res) => {
    try {
      await app.db.query('SELECT 1');
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: 'database' });
      return;
    }
    if (!app.pubsub.listening) res.status(503).json({ status: 'unavailable', reason: 'pubsub' });
    else res.json({ status: 'ready' });
  });
  const metricsServer = opts.metricsPort === null ? null : await startMetricsServer(metrics, opts.metricsPort, opts.host);
  web.get('/metrics', metricsServer ? (_req, res) => void res.status(404).end() : metricsRoute(metrics));
  web.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    jsonBodyErrors,
    documentGuard,
    expressMiddleware(apollo, {
      context: ({ req }) =>
        buildRequestContext(app, {
          authorization: req.headers.authorization ?? null,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: headerValue(req.headers['x-request-id']),
        }),
    }),
  );
  for (const module of MODULES) module.routes?.(web, app);
  web.use('/api', restErrorHandler(app));
  serveClient(web, opts.clientDist);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const port = (httpServer.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    metricsUrl: metricsServer?.url ?? null,
    close: async () => {
      await apollo.stop();
      wsServer.close();
      await metricsServer?.close();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
