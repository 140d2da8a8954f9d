import { inspectionDeadlines } from '../modules/inspections/inspection-deadline-source';
import { unreportedSelections } from '../modules/inspections/unreported-selections';
import type { JobDefinition } from './job';
import type { DeadlineSource } from './deadlines/deadline-source';
import { deadlineSweepJob } from './deadlines/deadline-sweep';
import { importRecoveryJob } from '../modules/imports/import-recovery';
import { auditAnchorJob } from '../modules/audit/audit-anchor.job';

/** Every module's jobs. A module adds its own here; the owner creates a queue for each at start-up. */
export const JOBS: readonly JobDefinition[] = [importRecoveryJob, auditAnchorJob];

/** Every module's deadlines, watched by the deadline sweep. */
export const DEADLINE_SOURCES: readonly DeadlineSource[] = [inspectionDeadlines, unreportedSelections];

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
