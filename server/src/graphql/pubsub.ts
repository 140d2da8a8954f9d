import { Client, type ClientConfig } from 'pg';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

const CHANNEL = 'spotcheck_events';

/**
 * Publishes from inside a transaction: PostgreSQL delivers the notification only if the transaction
 * commits, so subscribers never hear of a change that was rolled back.
 */
export async function publishOnCommit(manager: EntityManager, type: string, detail: unknown): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ type, detail })]);
}

export type AppPubSub = ReturnType<typeof createPubSub<Record<string, [unknown]>>> & { close(): Promise<void> };

/**
 * Subscriptions across server instances: an event published on any instance is sent with NOTIFY on
 * one channel and re-dispatched locally on every instance that LISTENs (itself included).
 * Payloads must stay small (PostgreSQL caps NOTIFY at 8000 bytes): publish ids, not rows.
 */
export async function createPgPubSub(connection: ClientConfig, log: Logger): Promise<AppPubSub> {
  const local = new EventTarget();
  const listener = new Client({ ...connection, application_name: 'spotcheck-pubsub' });
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const { type, detail } = JSON.parse(message.payload) as { type: string; detail: unknown };
      local.dispatchEvent(new CustomEvent(type, { detail }));
    } catch (error) {
      log.warn({ err: error }, 'ignored malformed notification');
    }
  });
  listener.on('error', (error: Error & { code?: string }) => {
    // 57P01: the database is shutting down (Ctrl-C reaches it too); not worth an error line.
    if (error.code === '57P01') log.info('pubsub listener: database shutting down');
    else log.error({ err: error }, 'pubsub listener connection failed');
  });
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);

  const eventTarget = {
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent(event: CustomEvent) {
      listener
        .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ type: event.type, detail: event.detail })])
        .catch((error: unknown) => log.error({ err: error }, 'publish failed'));
      return true;
    },
  };
  const pubsub = createPubSub<Record<string, [unknown]>>({ eventTarget: eventTarget as never });
  return Object.assign(pubsub, { close: () => listener.end() });
}
