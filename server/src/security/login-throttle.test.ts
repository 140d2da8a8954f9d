import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import YAML from 'yaml';
import { loadConfig } from '../config';
import { clientAddress } from './client-address';
import type { RunningApp } from '../app';
import { startAppOn, startTestApp, type GqlResult, type TestApp } from '../test-support/test-app';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const DEPLOY = path.resolve(__dirname, '..', '..', '..', 'deploy');

/** A sign-in as it reaches the server through one proxy: the proxy appends the client's address to X-Forwarded-For. */
async function signIn(t: { url: string }, username: string, password: string, forwardedFor: string): Promise<GqlResult> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
  return (await response.json()) as GqlResult;
}

const code = (r: GqlResult) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
/** Password hashes this server has checked (the argon2 work a burst could buy); null without the metric. */
const passwordChecks = async (app: RunningApp): Promise<number | null> => {
  const counter = (app.services.metrics as unknown as Record<string, { get(): Promise<{ values: { value: number }[] }> } | undefined>).passwordChecks;
  return counter ? ((await counter.get()).values[0]?.value ?? 0) : null;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shippedTrustProxy = (): string => {
  const compose = YAML.parse(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment: Record<string, string> }>;
  };
  return compose.services['server-1']!.environment.TRUST_PROXY!;
};

describe('sign-in throttles that an attacker cannot turn against the user', () => {
  let t: TestApp;
  const ACCOUNT_MAX_DELAY_SECONDS = 1;
  beforeAll(async () => {
    t = await startTestApp({
      RUN_JOBS: 'false',
      TRUST_PROXY: '1',
      LOGIN_FAILURE_DELAY_MS: '10',
      LOGIN_ACCOUNT_MAX_DELAY_SECONDS: String(ACCOUNT_MAX_DELAY_SECONDS),
    });
  });
  afterAll(() => t.close());

  it('slows the guesser with growing delays, while the leader signs in from another address after at most a short wait', async () => {
    // The attacker hammers the leader's account from one address for 2.5 s, as fast as the answers come;
    // on a machine so busy that a password check outlasts the first delays, until refusals outnumber checks.
    const checked: number[] = [];
    let refused = 0;
    let lastRefusal: GqlResult | null = null;
    const started = Date.now();
    const hammering = () => Date.now() - started < 2500 || ((checked.length <= 5 || refused <= checked.length) && Date.now() - started < 20_000);
    while (hammering()) {
      const sent = Date.now();
      const answer = await signIn(t, 'changde.leader', `guess-${checked.length}-${refused}`, '203.0.113.7');
      if (code(answer) === 'UNAUTHENTICATED') checked.push(sent);
      else if (code(answer) === 'RATE_LIMITED') {
        refused += 1;
        lastRefusal = answer;
      } else throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    }
    // Three free tries, then each password check waits twice as long as the one before: 10, 20, 40 ms…
    expect(checked.length).toBeGreaterThan(5);
    // At most the free tries and as many doublings as fit in the time spent (12 in 2.5 s).
    expect(checked.length).toBeLessThanOrEqual(4 + Math.ceil(Math.log2((Date.now() - started) / 10 + 1)));
    expect(refused).toBeGreaterThan(checked.length);
    // From the fourth check on, the n-th waits 10·2^(n-5) ms after the one before, so the last came at least
    // their sum after the fourth (sending times: the slot is taken as a request arrives, before its hash;
    // the slack is one request's way there on a busy machine).
    const waited = Array.from({ length: checked.length - 4 }, (_, i) => 10 * 2 ** i).reduce((a, b) => a + b, 0);
    expect(checked.at(-1)! - checked[3]!).toBeGreaterThanOrEqual(waited - 100);
    expect(lastRefusal!.errors![0]!.message).toMatch(/登录失败次数较多，请 \d+ (秒|分钟)后再试/);
    expect(lastRefusal!.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));

    // The leader, from the office's address, waits at most the account's short delay and is in.
    const leaderStarted = Date.now();
    let answer = await signIn(t, 'changde.leader', 'spotcheck-demo', '198.51.100.20');
    for (let i = 0; i < 3 && code(answer) === 'RATE_LIMITED'; i += 1) {
      const wait = answer.errors![0]!.extensions!.retryAfterSeconds as number;
      expect(wait).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_SECONDS);
      await sleep(wait * 1000);
      answer = await signIn(t, 'changde.leader', 'spotcheck-demo', '198.51.100.20');
    }
    expect(code(answer)).toBe('OK');
    expect(Date.now() - leaderStarted).toBeLessThan((ACCOUNT_MAX_DELAY_SECONDS + 2) * 1000);

    // The refusals were the guesser's own address's (the pair's), answered before any hash.
    const byScope = Object.fromEntries((await t.app.services.metrics.signInsThrottled.get()).values.map((v) => [v.labels.scope, v.value]));
    expect(byScope.pair).toBeGreaterThan(checked.length);
    const [{ locked }] = await t.sql(`SELECT count(*)::int AS locked FROM users WHERE locked_until > now()`);
    expect(locked).toBe(0);
  });

  it('counts an attempt before hashing: a concurrent burst from one address runs at most LOGIN_IP_MAX_FAILURES password checks', async () => {
    const burst = await startAppOn(t, { RUN_JOBS: 'false', TRUST_PROXY: '1', LOGIN_IP_MAX_FAILURES: '5' });
    try {
      const before = await passwordChecks(burst);
      const names = [
        ...Array.from({ length: 12 }, (_, i) => `changde.inspector${String(i + 1).padStart(2, '0')}`),
        ...Array.from({ length: 8 }, (_, i) => `wugang.inspector0${i + 1}`),
      ];
      const answers = await Promise.all(names.map((name) => signIn(burst, name, 'burst-guess', '192.0.2.50')));
      // Each wrong password checked on a known account leaves one auth.login_failed.
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login_failed' AND after->>'ip' = '192.0.2.50'`);
      expect(n).toBe(5);
      expect(answers.filter((a) => code(a) === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(answers.filter((a) => code(a) === 'RATE_LIMITED')).toHaveLength(15);
      // Unknown names are checked against a decoy hash: they are counted the same way.
      const unknown = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(burst, `nobody${i}`, 'burst-guess', '192.0.2.51')));
      expect(unknown.filter((a) => code(a) === 'RATE_LIMITED')).toHaveLength(15);
      const after = await passwordChecks(burst);
      expect(after! - before!).toBe(10);
    } finally {
      await burst.close();
    }
  });

  it('gives a successful sign-in’s reservation back: an office behind one address is not limited by its own colleagues', async () => {
    const office = await startAppOn(t, { RUN_JOBS: 'false', TRUST_PROXY: '1', LOGIN_IP_MAX_FAILURES: '5' });
    try {
      for (let i = 0; i < 3; i += 1) expect(code(await signIn(office, 'wugang.admin', 'wrong', '192.0.2.60'))).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 8; i += 1) expect(code(await signIn(office, 'wugang.leader', 'spotcheck-demo', '192.0.2.60'))).toBe('OK');
      expect(code(await signIn(office, 'wugang.admin', 'spotcheck-demo', '192.0.2.60'))).toBe('OK');
      expect(code(await signIn(office, 'wugang.head01', 'wrong', '192.0.2.60'))).toBe('UNAUTHENTICATED');
      // Three failures were given back by nobody: with the fourth and fifth the address has used its five.
      expect(code(await signIn(office, 'wugang.head02', 'wrong', '192.0.2.60'))).toBe('UNAUTHENTICATED');
      expect(code(await signIn(office, 'wugang.head03', 'spotcheck-demo', '192.0.2.60'))).toBe('RATE_LIMITED');
    } finally {
      await office.close();
    }
  });
});

describe('the client address behind the shipped proxy', () => {
  it('is the address the proxy saw, whatever X-Forwarded-For the client sent (compose and Kubernetes)', () => {
    const configMap = YAML.parse(fs.readFileSync(path.join(DEPLOY, 'k8s', 'configmap.yaml'), 'utf8')) as { data: Record<string, string> };
    for (const setting of [shippedTrustProxy(), configMap.data.TRUST_PROXY!]) {
      const web = express();
      web.set('trust proxy', loadConfig({ TRUST_PROXY: setting }).trustProxy);
      // The client at 10.0.0.5 (inside a private range, like the proxy) sent "X-Forwarded-For: 1.2.3.4"; the proxy appended 10.0.0.5.
      const req = Object.assign(Object.create(web.request), {
        app: web,
        socket: { remoteAddress: '10.0.0.2' },
        headers: { 'x-forwarded-for': '1.2.3.4, 10.0.0.5' },
      });
      expect({ setting, ip: req.ip }).toEqual({ setting, ip: '10.0.0.5' });
      // The websocket's upgrade request is read the same way.
      expect(clientAddress('10.0.0.2', '1.2.3.4, 10.0.0.5', loadConfig({ TRUST_PROXY: setting }).trustProxy)).toBe('10.0.0.5');
    }
  });

  it('refuses address ranges as TRUST_PROXY: a client inside the range would choose its own address', () => {
    for (const unsafe of ['uniquelocal', 'loopback', '10.0.0.0/8', 'loopback, uniquelocal']) {
      expect(() => loadConfig({ TRUST_PROXY: unsafe })).toThrow(/TRUST_PROXY/);
    }
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('with the shipped setting, a spoofed X-Forwarded-For resets neither the address limit nor the account’s throttle', async () => {
    const t = await startTestApp({ RUN_JOBS: 'false', TRUST_PROXY: shippedTrustProxy(), LOGIN_IP_MAX_FAILURES: '6', LOGIN_FAILURE_DELAY_MS: '10000' });
    try {
      for (let i = 0; i < 6; i += 1) expect(code(await signIn(t, `nobody${i}`, 'guess', '10.0.0.5'))).toBe('UNAUTHENTICATED');
      for (const spoof of ['1.2.3.4', '10.9.9.9', '127.0.0.1']) {
        expect(code(await signIn(t, 'changde.head01', 'guess', `${spoof}, 10.0.0.5`))).toBe('RATE_LIMITED');
      }
      // The pair throttle: three free tries on one account from one address, then a wait a spoofed header does not skip.
      for (let i = 0; i < 4; i += 1) expect(code(await signIn(t, 'changde.head02', 'guess', '10.0.0.6'))).toBe('UNAUTHENTICATED');
      const spoofed = await signIn(t, 'changde.head02', 'guess', '8.8.8.8, 10.0.0.6');
      expect(code(spoofed)).toBe('RATE_LIMITED');
      expect(spoofed.errors![0]!.message).toMatch(/^该账号登录失败次数较多/);
    } finally {
      await t.close();
    }
  });
});
