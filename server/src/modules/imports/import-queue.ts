import type { Logger } from 'pino';

/** Imports running at once in this process; each holds two pooled connections while it runs. */
const MAX_RUNNING = 2;

let running = 0;
const waiting: (() => Promise<void>)[] = [];

/** Runs `task` in the background, after the HTTP response, at most MAX_RUNNING at a time. */
export function enqueueImport(task: () => Promise<void>, log: Logger): void {
  waiting.push(task);
  drain(log);
}

function drain(log: Logger): void {
  while (running < MAX_RUNNING && waiting.length) {
    const task = waiting.shift()!;
    running += 1;
    task()
      .catch((error: unknown) => log.error({ err: error }, 'background import crashed'))
      .finally(() => {
        running -= 1;
        drain(log);
      });
  }
}
