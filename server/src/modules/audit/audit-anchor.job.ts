import { defineJob } from '../../jobs/job';
import { runAuditAnchoring } from './audit-anchor.service';

export const AUDIT_ANCHOR_JOB = 'audit-anchor';

/** Publishes every chain's head on `AUDIT_ANCHOR_CRON` (daily by default), once across all servers. */
export const auditAnchorJob = defineJob<Record<string, never>>({
  name: AUDIT_ANCHOR_JOB,
  policy: 'short',
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
  schedule: (config) => config.auditAnchorCron,
  handle: async ({ services, log }) => {
    const result = await runAuditAnchoring(services);
    log.info(result, 'audit chain heads anchored');
    return result;
  },
});
