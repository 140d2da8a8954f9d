import type { Logger } from 'pino';

interface Waiting {
  tenantId: string;
  task: () => Promise<void>;
}

/**
 * Runs imports in the background, after the HTTP response, on at most `workers` at a time, and takes
 * bureaus in turn: a bureau's imports run one at a time (they would wait for each other's directory
 * lock anyway), and the next free worker goes to the longest-waiting import of a bureau that has none
 * running. So a bureau that queues many files never holds more than one worker while others wait.
 */
export class ImportQueue {
  private readonly waiting: Waiting[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly workers: number,
    private readonly log: Logger,
  ) {}

  enqueue(tenantId: string, task: () => Promise<void>): void {
    this.waiting.push({ tenantId, task });
    this.drain();
  }

  private drain(): void {
    while (this.running.size < this.workers) {
      const next = this.waiting.findIndex((w) => !this.running.has(w.tenantId));
      if (next < 0) return;
      const [{ tenantId, task }] = this.waiting.splice(next, 1) as [Waiting];
      this.running.add(tenantId);
      task()
        .catch((error: unknown) => this.log.error({ err: error }, 'background import crashed'))
        .finally(() => {
          this.running.delete(tenantId);
          this.drain();
        });
    }
  }
}
