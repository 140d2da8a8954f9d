/**
 * The one Apollo Client: adds the bearer token to every request and, when the server answers
 * UNAUTHENTICATED, refreshes the session once (single-flight) and replays the request; when that
 * is not possible the session is cleared, which sends the app back to the sign-in page.
 * Subscriptions (the live draw ceremony) go over graphql-ws on the same /graphql path.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { from, mergeMap, throwError } from 'rxjs';
import { clearSession, getSession, subscribeSession } from './auth';
import { hasCode } from './errors';
import { refreshSession } from './refresh';

/** Operations that do not use the access token: an UNAUTHENTICATED answer there is final. */
const TOKENLESS = new Set(['Login', 'Refresh', 'Logout']);

const authLink = new SetContextLink((prev) => {
  const session = getSession();
  if (!session) return {};
  return { headers: { ...prev.headers, authorization: `Bearer ${session.token}` }, usedToken: session.token };
});

const refreshLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasCode(error, 'UNAUTHENTICATED') || TOKENLESS.has(operation.operationName ?? '')) return;
  const context = operation.getContext();
  const session = getSession();
  if (!session || context.authRetried) {
    clearSession();
    return;
  }
  // Another request may already have refreshed the token since this one was sent.
  const fresh = context.usedToken !== undefined && context.usedToken !== session.token;
  return from(fresh ? Promise.resolve(true) : refreshSession()).pipe(
    mergeMap((ok) => {
      if (!ok) {
        clearSession();
        return throwError(() => error);
      }
      operation.setContext({ authRetried: true });
      return forward(operation);
    }),
  );
});

// Lazy: the socket opens with the first subscription and closes after the last one, each time with
// the token current then (the server reads it once per subscription and checks it on every event).
const wsClient = createClient({
  url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
  connectionParams: async () => {
    // The server ends a socket at the first event after its token expired (4403, retried): reconnect
    // with a live token, refreshed first when the current one is about to expire.
    const expiring = getSession();
    if (expiring && expiring.expiresAt - Date.now() < 30_000) await refreshSession();
    const session = getSession();
    return session ? { authorization: `Bearer ${session.token}` } : {};
  },
  retryAttempts: 20,
  shouldRetry: () => true,
});

const transport = ApolloLink.split(
  ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
  new GraphQLWsLink(wsClient),
  ApolloLink.from([refreshLink, authLink, new HttpLink({ uri: '/graphql' })]),
);

export const apolloClient = new ApolloClient({
  link: transport,
  // Regions have no id; their GB/T 2260 code identifies them.
  cache: new InMemoryCache({ typePolicies: { Region: { keyFields: ['code'] } } }),
});

// Whatever the signed-out user saw must not stay in memory for the next one.
subscribeSession(() => {
  if (!getSession()) void apolloClient.clearStore();
});
