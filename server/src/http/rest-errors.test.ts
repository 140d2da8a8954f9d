import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import express from 'express';
import type { AppServices } from '../graphql/context';
import { forbidden, ruleViolation } from '../graphql/errors';
import { restErrorHandler, restRoute } from './rest-errors';

/** One mapping for both ways a REST route fails: thrown inside restRoute, or passed on with next(error). */
describe('REST error answers', () => {
  const logged: unknown[] = [];
  const app = { log: { error: (entry: unknown) => logged.push(entry) } } as unknown as AppServices;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const web = express();
    const failures: Record<string, () => unknown> = {
      rule: () => ruleViolation('task.window', '检查期限已过'),
      forbidden: () => forbidden(),
      database: () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      bug: () => new TypeError('x is undefined'),
    };
    web.get(
      '/api/thrown/:kind',
      restRoute(app, async (req) => {
        throw failures[req.params.kind as string]!();
      }),
    );
    web.get('/api/passed/:kind', (req, _res, next) => next(failures[req.params.kind]!()));
    web.use('/api', restErrorHandler(app));
    server = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each(['thrown', 'passed'])('answers an error %s with the status of its code', async (way) => {
    logged.length = 0;
    const rule = await fetch(`${base}/${way}/rule`);
    expect(rule.status).toBe(409);
    expect(await rule.json()).toEqual({ error: { code: 'RULE_VIOLATION', rule: 'task.window', message: '检查期限已过' } });
    const denied = await fetch(`${base}/${way}/forbidden`);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ error: { code: 'FORBIDDEN', message: '无权执行此操作' } });
    const away = await fetch(`${base}/${way}/database`);
    expect(away.status).toBe(503);
    expect(Number(away.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await away.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
    expect(logged).toHaveLength(0);
    const bug = await fetch(`${base}/${way}/bug`);
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } });
    expect(logged).toHaveLength(1);
  });
});
