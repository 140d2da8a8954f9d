import type { ClientConfig } from 'pg';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { PersistentClient } from '../db/persistent-client';

const CHANNEL = 'spotcheck_events';

/**
 * Publishes from inside a transaction: PostgreSQL delivers the notification only if the transaction
 * commits, so subscribers never hear of a change that was rolled back.
 */
export async function publishOnCommit(manager: EntityManager, type: string, detail: unknown): Promise<void> {
  const { channel, payload } = notificationOf(type, detail);
  await manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

/** The `pg_notify(channel, payload)` arguments of an event, for a statement that publishes on commit as part of its own work. */
export function notificationOf(type: string, detail: unknown): { channel: string; payload: string } {
  return { channel: CHANNEL, payload: JSON.stringify({ type, detail }) };
}

export type AppPubSub = ReturnType<typeof createPubSub<Record<string, [unknown]>>> & {
  /** False while the LISTEN connection is down (it reconnects by itself); readiness reports it. */
  readonly listening: boolean;
  /** Runs after the LISTEN connection came back: events published meanwhile were not heard. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
};

/**
 * Subscriptions across server instances: an event published on any instance is sent with NOTIFY on
 * one channel and re-dispatched locally on every instance that LISTENs (itself included).
 * Payloads must stay small (PostgreSQL caps NOTIFY at 8000 bytes): publish ids, not rows.
 * The LISTEN connection is opened again whenever it breaks (a database restart, a network cut).
 */
export async function createPgPubSub(connection: ClientConfig, log: Logger): Promise<AppPubSub> {
  const local = new EventTarget();
  const reconnected: (() => void)[] = [];
  let connections = 0;
  const listener = new PersistentClient(
    { ...connection, application_name: 'spotcheck-pubsub' },
    log,
    'pubsub listener',
    async (client) => {
      await client.query(`LISTEN ${CHANNEL}`);
      connections += 1;
      if (connections > 1) for (const run of reconnected) queueMicrotask(run);
    },
    (channel, payload) => {
      if (channel !== CHANNEL || !payload) return;
      try {
        const { type, detail } = JSON.parse(payload) as { type: string; detail: unknown };
        local.dispatchEvent(new CustomEvent(type, { detail }));
      } catch (error) {
        log.warn({ err: error }, 'ignored malformed notification');
      }
    },
  );
  await listener.get();

  const eventTarget = {
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent(event: CustomEvent) {
      listener
        .get()
        .then((client) => client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ type: event.type, detail: event.detail })]))
        .catch((error: unknown) => log.error({ err: error }, 'publish failed'));
      return true;
    },
  };
  const pubsub = createPubSub<Record<string, [unknown]>>({ eventTarget: eventTarget as never });
  // A getter: Object.assign would copy its value once.
  Object.defineProperty(pubsub, 'listening', { get: () => listener.connected });
  return Object.assign(pubsub as typeof pubsub & { readonly listening: boolean }, {
    onReconnect: (run: () => void) => void reconnected.push(run),
    close: () => listener.close(),
  });
}
