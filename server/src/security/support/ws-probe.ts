import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

export interface Listener {
  /** Each message as received: data, or errors. */
  events: unknown[];
  close(): Promise<void>;
}

/** Subscribes over graphql-ws as the token's holder and records whatever arrives. */
export function listen(httpUrl: string, query: string, variables: Record<string, unknown>, token?: string): Listener {
  const events: unknown[] = [];
  const client = createClient({
    url: `${httpUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const stop = client.subscribe(
    { query, variables },
    { next: (value) => events.push(value), error: (error) => events.push({ error }), complete: () => undefined },
  );
  return {
    events,
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}
