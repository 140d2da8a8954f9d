import type { JobDefinition } from './job';
import type { DeadlineSource } from './deadlines/deadline-source';
import { deadlineSweepJob } from './deadlines/deadline-sweep';
import { MODULES } from '../modules';

/** Every module's jobs (its `module.ts`); the owner creates a queue for each at start-up. */
export const JOBS: readonly JobDefinition[] = MODULES.flatMap((m) => m.jobs ?? []);

/** Every module's deadlines, watched by the deadline sweep. */
export const DEADLINE_SOURCES: readonly DeadlineSource[] = MODULES.flatMap((m) => m.deadlineSources ?? []);

/** What a server runs beyond the catalogue (tests add their own jobs and sources this way). */
export interface JobExtensions {
  jobs?: readonly JobDefinition[];
  deadlineSources?: readonly DeadlineSource[];
}

export function jobCatalog(extra: JobExtensions = {}): JobDefinition[] {
  const jobs = [deadlineSweepJob([...DEADLINE_SOURCES, ...(extra.deadlineSources ?? [])]), ...JOBS, ...(extra.jobs ?? [])];
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job ${job.name} is defined twice`);
    names.add(job.name);
  }
  return jobs;
}
