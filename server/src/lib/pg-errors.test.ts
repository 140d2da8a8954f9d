import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './pg-errors';

/** Which failures are the database being away (SERVICE_UNAVAILABLE, retry) rather than a bug. */
describe('isDatabaseUnavailable', () => {
  it('knows the ways a restarting database shows itself, through GraphQL’s and TypeORM’s wrappers', () => {
    const wrapped = (error: Error) => new GraphQLError(error.message, { originalError: error });
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Query runner already released. Cannot run queries anymore.'),
      // TypeORM, when a transaction's next statement finds its connection gone (seen under a restart).
      new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.'),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    }
  });

  it('does not take a bug or a refused statement for an outage', () => {
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
  });
});
