import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../config';

/*
 * There is no container runtime where the tests run, so the image and the compose file are checked for
 * what they must say: deploy/compose.yaml is parsed and its services, dependencies, health checks and
 * environment are checked (the servers' environment must be a valid configuration); the Dockerfile and
 * nginx.conf are read for their essentials.
 */
const DEPLOY = path.resolve(__dirname, '..', '..', '..', 'deploy');
const read = (file: string) => fs.readFileSync(path.join(DEPLOY, file), 'utf8');

/** The variables of deploy/.env.example, as `docker compose` would read deploy/.env. */
const dotenv = Object.fromEntries(
  read('.env.example')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
function interpolate(value: unknown, env: Record<string, string>, missing: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)(?:(:-|:\?)([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
      if (env[name]) return env[name]!;
      if (op === ':-') return arg ?? '';
      missing.push(name);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env, missing));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, missing)]));
  return value;
}

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  volumes?: string[];
  restart?: string;
}

describe('deploy/compose.yaml', () => {
  const missing: string[] = [];
  const compose = interpolate(YAML.parse(read('compose.yaml'), { merge: true }), dotenv, missing) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const services = compose.services;
  const servers = ['server-1', 'server-2'];

  it('takes every variable it needs from .env.example', () => {
    expect(missing).toEqual([]);
  });

  it('runs PostgreSQL, a one-off migration step, two servers and a load balancer, each after what it needs', () => {
    expect(Object.keys(services).sort()).toEqual(['lb', 'migrate', 'postgres', 'server-1', 'server-2']);
    expect(services.postgres!.image).toMatch(/^postgres:1[3-9]\b/);
    expect(services.postgres!.healthcheck!.test!.join(' ')).toContain('pg_isready');

    expect(services.migrate!.command).toEqual(['node', 'server/dist/cli.js', 'migrate']);
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.migrate!.restart).toBe('no');

    for (const name of servers) {
      const server = services[name]!;
      expect(server.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(fs.existsSync(path.resolve(DEPLOY, server.build!.context, server.build!.dockerfile))).toBe(true);
      expect(server.command).toBeUndefined(); // the image's own: server/dist/main.js
      expect(server.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
      expect(server.healthcheck!.test!.join(' ')).toContain('/readyz');
    }
    expect(services.lb!.depends_on).toEqual(Object.fromEntries(servers.map((s) => [s, { condition: 'service_healthy' }])));
    expect(services.lb!.ports).toEqual(['8080:80']);
    expect(services.lb!.volumes).toEqual(['./nginx.conf:/etc/nginx/nginx.conf:ro']);
  });

  it('gives the servers and the migration step one valid production configuration without migrating on start', () => {
    const envs = ['migrate', ...servers].map((s) => services[s]!.environment!);
    expect(new Set(envs.map((e) => JSON.stringify(e))).size).toBe(1);
    const config = loadConfig(envs[0]!);
    expect(config).toMatchObject({
      mode: 'production',
      migrateOnStart: false,
      trustProxy: 1,
      jwtSecret: dotenv.JWT_SECRET,
      publicBaseUrl: dotenv.PUBLIC_BASE_URL,
    });
    expect(config.databaseUrl).toBe(`postgres://spotcheck:${dotenv.POSTGRES_PASSWORD}@postgres:5432/spotcheck`);
    // Evidence on the local disk is shared through one volume.
    for (const s of servers) expect(services[s]!.volumes).toEqual([`evidence:${config.dataDir}`]);
  });

  it('serves /metrics on its own port, which nothing publishes: nginx is the only service with ports and proxies the main port only', () => {
    const config = loadConfig(services['server-1']!.environment!);
    expect(config.metricsPort).toEqual(expect.any(Number));
    expect(config.metricsPort).not.toBe(config.port);
    for (const name of Object.keys(services).filter((s) => s !== 'lb')) expect(services[name]!.ports).toBeUndefined();
    const conf = read('nginx.conf');
    expect([...conf.matchAll(/server [\w-]+:(\d+)/g)].map((m) => Number(m[1]))).toEqual([config.port, config.port]);
    expect(conf).not.toContain(String(config.metricsPort));
  });
});

describe('deploy/nginx.conf', () => {
  const conf = read('nginx.conf');

  it('balances over both compose servers on the server port', () => {
    const upstream = /upstream spotcheck \{([^}]*)\}/.exec(conf)![1]!;
    expect([...upstream.matchAll(/server (\S+?):(\d+)/g)].map((m) => [m[1], Number(m[2])])).toEqual([
      ['server-1', 4000],
      ['server-2', 4000],
    ]);
  });

  it('upgrades /graphql to WebSocket for graphql-ws and keeps the socket open', () => {
    const graphql = /location = \/graphql \{([^}]*)\}/.exec(conf)![1]!;
    expect(graphql).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(graphql).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(Number(/proxy_read_timeout (\d+)h;/.exec(graphql)![1])).toBeGreaterThanOrEqual(1);
    expect(conf).toMatch(/proxy_http_version 1\.1;/);
  });

  it('passes the request id on, takes the largest upload, and does not publish /metrics', () => {
    expect(conf).toContain('proxy_set_header X-Request-Id $req_id;');
    expect(conf).toContain('client_max_body_size 512m;');
    expect(conf).toContain('location ~* ^/metrics(/|$) { return 404; }');
  });

  it("compresses text answers that reach it uncompressed and leaves the servers' brotli or gzip untouched", () => {
    expect(conf).toMatch(/^\s*gzip on;$/m);
    expect(conf).toMatch(/^\s*gzip_proxied any;$/m);
    const types = /gzip_types([^;]+);/.exec(conf)![1]!.split(/\s+/).filter(Boolean);
    expect(types).toEqual(expect.arrayContaining(['text/css', 'application/javascript', 'application/json', 'application/graphql-response+json']));
    // Accept-Encoding reaches the servers (no proxy_set_header clears it), so they can answer with brotli.
    expect(conf).not.toMatch(/proxy_set_header Accept-Encoding/i);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile
    .split(/^FROM /m)
    .slice(1)
    .map((s) => ({ head: s.split('\n')[0]!, body: s }));
  const runtime = stages.at(-1)!;

  it('builds in one stage and runs from another with production dependencies only', () => {
    expect(stages.map((s) => s.head.split(' AS ')[1])).toEqual(['build', 'deps', 'runtime']);
    expect(stages[0]!.body).toMatch(/RUN npm ci /);
    expect(stages[0]!.body).toContain('RUN npm run build');
    expect(stages[1]!.body).toMatch(/npm ci --omit=dev --workspace server --workspace shared/);
    expect(runtime.body).not.toMatch(/^RUN npm/m);
    expect(runtime.body).not.toMatch(/COPY (?:\S+ )*(?:server|shared|client)\/src/);
  });

  it('runs as a non-root user with a health check on a served probe', () => {
    expect(runtime.body).toMatch(/^USER node$/m);
    expect(runtime.body).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime.body).toMatch(/^CMD \["node", "--max-semi-space-size=32", "server\/dist\/main\.js"\]$/m);
    expect(runtime.body).toMatch(/SPOTCHECK_MODE=production/);
  });

  it('leaves installed, built and secret files out of the build context', () => {
    const ignored = fs.readFileSync(path.join(DEPLOY, '..', '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.data', '.git', '**/.env']));
  });
});
