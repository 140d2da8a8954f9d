import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

export interface Listening<T> {
  events: T[];
  errors: unknown[];
  /** Waits until `count` events arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** A graphql-ws subscription on `url` as `token`, collecting its events. */
export async function listen<T = any>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Listening<T>> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { connected: () => acknowledged() },
  });
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => (value.data ? events.push(value.data as T) : errors.push(value.errors)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  await ready;
  // The server registers the subscription right after the socket is acknowledged; give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  return {
    events,
    errors,
    waitFor: async (count, timeoutMs = 10_000) => {
      for (const until = Date.now() + timeoutMs; events.length < count; await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > until) throw new Error(`expected ${count} events, got ${JSON.stringify(events)} (errors ${JSON.stringify(errors)})`);
      }
      return events;
    },
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}
