import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/**
 * One connection that outlives database restarts: when it breaks it is opened again, waiting 0.1 s,
 * then twice as long each time up to 5 s, and `onConnect` runs on every new connection (LISTEN, locks
 * to take again). Used for what a pool cannot do: hear notifications, hold session locks.
 */
export class PersistentClient {
  private client: Client | null = null;
  private opening: Promise<Client> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly log: Logger,
    private readonly name: string,
    private readonly onConnect: (client: Client) => Promise<void>,
    private readonly onNotification?: (channel: string, payload: string | undefined) => void,
  ) {}

  /** True while the connection is open and set up. */
  get connected(): boolean {
    return this.client !== null;
  }

  /** The open connection, opening it first if need be; throws when the database cannot be reached. */
  async get(): Promise<Client> {
    if (this.closed) throw new Error(`${this.name}: closed`);
    if (this.client) return this.client;
    this.opening ??= this.open().finally(() => (this.opening = null));
    return this.opening;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client ?? (await this.opening?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<Client> {
    const client = new Client(this.config);
    client.on('error', (error: Error & { code?: string }) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    if (this.onNotification) client.on('notification', (m) => this.onNotification!(m.channel, m.payload));
    try {
      await client.connect();
      await this.onConnect(client);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error(`${this.name}: closed`);
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    return client;
  }

  /** The connection broke (or ended): forget it and open a new one in the background. */
  private lost(client: Client, error: (Error & { code?: string }) | null): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.closed) return;
    // 57P01: the database is shutting down (a restart, or Ctrl-C reaching it too).
    if (error?.code === '57P01') this.log.warn(`${this.name}: the database is shutting down; reconnecting`);
    else this.log.warn({ err: error }, `${this.name}: connection lost; reconnecting`);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.get().then(
        () => this.log.info(`${this.name}: reconnected`),
        () => {
          this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
          this.scheduleRetry();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
