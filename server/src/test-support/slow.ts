/**
 * The fault tests start server processes, kill them and restart PostgreSQL: they take about two
 * minutes together. SPOTCHECK_SKIP_SLOW=1 skips them (for a quick local run); CI runs them.
 */
export const slowDescribe: jest.Describe = process.env.SPOTCHECK_SKIP_SLOW === '1' ? describe.skip : describe;
