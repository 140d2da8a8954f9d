import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: { service: 'spotcheck' }, redact: ['req.headers.authorization', '*.password', '*.token', '*.refreshToken'] });
}
