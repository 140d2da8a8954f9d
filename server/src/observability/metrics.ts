import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Request durations: fast reads to slow draws and imports. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One registry per server instance, so tests can run several in one process. Label values are
 * bounded: routes are express's route patterns, operations are schema field names, codes come from
 * the shared error list, jobs from the job catalogue.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'spotcheck_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'spotcheck_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'spotcheck_graphql_operations_total',
      help: 'GraphQL operations by type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'spotcheck_graphql_operation_duration_seconds',
      help: 'GraphQL operation duration by type and root field (several root fields: "(multiple)")',
      labelNames: ['type', 'operation'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'spotcheck_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code and root field',
      labelNames: ['code', 'operation'] as const,
      registers: [registry],
    }),
    drawDuration: new Histogram({
      name: 'spotcheck_draw_duration_seconds',
      help: 'Draw phases (commit: freeze the pool; perform: seed, draw and store) by outcome',
      labelNames: ['phase', 'outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    passwordChecks: new Counter({
      name: 'spotcheck_password_checks_total',
      help: 'Password hashes checked at sign-in (argon2, a decoy for unknown names): what the sign-in throttles bound',
      registers: [registry],
    }),
    signInsThrottled: new Counter({
      name: 'spotcheck_sign_ins_throttled_total',
      help: 'Sign-in attempts refused before any password check, by throttle: address, account or pair (account and address)',
      labelNames: ['scope'] as const,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'spotcheck_jobs_total',
      help: 'Background job runs on this instance: completed, failed (to be retried) or exhausted (no retry left)',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'spotcheck_job_duration_seconds',
      help: 'Background job run duration',
      labelNames: ['job'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Times `work` into `histogram` with `labels` plus its outcome (`ok` or `error`). */
export async function timed<T>(histogram: Histogram<'phase' | 'outcome'>, phase: string, work: () => Promise<T>): Promise<T> {
  const stop = histogram.startTimer({ phase });
  try {
    const result = await work();
    stop({ outcome: 'ok' });
    return result;
  } catch (error) {
    stop({ outcome: 'error' });
    throw error;
  }
}
