import type { EntityManager } from 'typeorm';
import { BEIJING_TIME_ZONE } from '@spotcheck/shared';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { AppServices } from '../graphql/context';

/**
 * pg-boss queue policies, which decide what a `singletonKey` means:
 * - standard: no limit (a key only matters together with `singletonSeconds`);
 * - short: at most one job per key waiting to run;
 * - singleton: at most one job per key running;
 * - stately: at most one waiting and one running per key.
 */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface JobContext {
  services: AppServices;
  log: Logger;
  job: { id: string; name: string; singletonKey: string | null; retryCount: number };
  /** Tenant work runs here: one transaction under the tenant's row-level security. */
  inTenant<T>(tenantId: string, work: (m: EntityManager) => Promise<T>): Promise<T>;
}

export interface JobDefinition<T extends object = any> {
  /** The queue's name: letters, digits, `_`, `-` and `.`. */
  name: string;
  policy?: QueuePolicy;
  /** Retries after a failure (default 2), with `retryDelaySeconds` between them, doubling if `retryBackoff`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run that takes longer fails and is retried (default 15 minutes). */
  expireInSeconds?: number;
  /** A cron (Beijing time) at which the job is sent with `scheduleData`, once for all servers together. */
  schedule?(config: Config): string | null;
  scheduleData?: T;
  handle(ctx: JobContext, data: T): Promise<unknown>;
}

export interface SendOptions {
  /** Not before this moment, or this many seconds from now. */
  startAfter?: Date | number;
  /** See QueuePolicy: with `short` or `stately` a second job with the same key is not queued. */
  singletonKey?: string;
  /** Sent inside this transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
}

/** Identity function that types a job's data from its handler. */
export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Schedules are read in the bureaus' time zone. */
export const SCHEDULE_TIME_ZONE = BEIJING_TIME_ZONE;
