import pino from 'pino';
import { requestLogFields } from '../observability/request-scope';

/**
 * JSON lines on stdout (or `destination`). A line written while a request is served also carries
 * its `requestId` and, once signed in, its `tenantId` and `userId`.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'spotcheck' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: requestLogFields,
      redact: ['req.headers.authorization', '*.password', '*.token', '*.refreshToken', '*.accessCode'],
    },
    destination,
  );
}
