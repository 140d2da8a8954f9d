import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** A streaming replica of DATABASE_URL's database, the same owner credentials: the portal, the feeds and the dashboards read there while it keeps up. */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /** How far behind the primary the replica may be and still serve those reads; further behind, they go to the primary. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().max(3600).default(30),
  SPOTCHECK_DATA_DIR: z.string().optional(),
  /** demo seeds the demo bureaus and accounts on an empty database; production never does. */
  SPOTCHECK_MODE: z.enum(['demo', 'production']).default('demo'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  /** Keys the hash that stands for a natural person's ID number (never stored); derived from JWT_SECRET when absent. Never change it once persons are in a directory. */
  ID_NUMBER_SECRET: z.string().min(32, 'ID_NUMBER_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** The first wait of the sign-in throttles; each further failure doubles it (see security/address-limiter.ts). */
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  /** Cap of the wait between failed sign-ins on one account from one address (the guesser's). */
  LOGIN_PAIR_MAX_DELAY_SECONDS: z.coerce.number().int().positive().max(86_400).default(900),
  /** Cap of the wait between failed sign-ins on one account from any address: short, so its user outlasts it. */
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().positive().max(3600).default(30),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  EVIDENCE_STORAGE: z.enum(['local', 's3']).default('local'),
  EVIDENCE_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(20),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_PREFIX: z
    .string()
    .regex(/^([a-z0-9-]+\/)*$/, 'lower-case words ending in /')
    .default(''),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  ACCESS_CODE_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  ACCESS_CODE_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** What one access code (the entity's voice) may write: statements and files per day and per record, requests per minute. */
  ENTITY_STATEMENTS_PER_DAY: z.coerce.number().int().positive().default(5),
  ENTITY_STATEMENTS_PER_RECORD: z.coerce.number().int().positive().default(20),
  ENTITY_FILES_PER_DAY: z.coerce.number().int().positive().default(30),
  ENTITY_FILES_PER_RECORD: z.coerce.number().int().positive().default(50),
  ENTITY_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Entity writes from one client address across codes (one office behind one address may answer for several entities). */
  ENTITY_ADDRESS_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Sign-in attempts from one address, across usernames, that may fail within the window (successes give theirs back). */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(30),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** false: this instance sends jobs but neither processes them nor keeps the schedules (a web-only replica). */
  RUN_JOBS: z.enum(['true', 'false']).default('true'),
  /** How often a worker looks for new jobs, and the scheduler for due schedules. */
  JOBS_POLL_SECONDS: z.coerce.number().min(1).max(30).default(2),
  /** When the deadline sweep runs (cron, Beijing time). */
  DEADLINE_SWEEP_CRON: z.string().default('*/5 * * * *'),
  AUDIT_ANCHOR_CRON: z.string().default('15 0 * * *'),
  /** When a server looks for imports that a dead server left half done (cron, Beijing time). */
  IMPORT_RECOVERY_CRON: z.string().default('*/5 * * * *'),
  /**
   * The outbound notification channels, comma-separated (see NOTIFICATION_CHANNEL_NAMES). `outbox` is the
   * development channel: it only records the messages in the database. Default: `outbox` in demo mode,
   * none in production mode. `none` turns them all off.
   */
  NOTIFY_CHANNELS: z.string().optional(),
  /** When the delivery job retries outbound notifications that failed (cron, Beijing time). */
  NOTIFY_DELIVERY_CRON: z.string().default('* * * * *'),
  /** false: this instance expects `spotcheck migrate` to have run (many replicas, one migration step). */
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
  /** With MIGRATE_ON_START=false: how long to wait for pending migrations to be applied before giving up. */
  MIGRATION_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /**
   * How many proxies stand in front of the server (0: none, 1: nginx or an ingress): the client address is
   * the one that many hops back in X-Forwarded-For. Address ranges are refused: a client inside a trusted
   * range would choose its own address, and with it reset the sign-in limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^\d{1,2}$/,
      'a hop count: 0 without a proxy, 1 behind nginx or an ingress (address ranges such as uniquelocal are no longer accepted: a client inside the range could choose its own address)',
    )
    .default('0'),
  /** The site's public address (https://host[/path]); links in feeds are built from it, never from the request's Host. */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, 'http(s)://host[/path], without query or fragment')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Schema introspection over the API; by default on in demo mode and off in production mode. */
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** The most one part of an uploaded xlsx (a sheet, the shared strings) may inflate to, in MiB. */
  IMPORT_XLSX_MAX_PART_MB: z.coerce.number().int().min(1).max(4095).default(1024),
  /** The most one part of an uploaded xlsx may inflate per compressed byte (beyond its first MiB): zip bombs. */
  IMPORT_XLSX_MAX_RATIO: z.coerce.number().int().min(10).max(100_000).default(100),
  /** The most data rows one import file may hold; a longer file fails whole, with nothing written. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(1_000_000),
  /** Heavy operations (imports queued or running, exports, draws) one bureau may have in progress at once. */
  HEAVY_JOBS_PER_TENANT: z.coerce.number().int().min(1).max(100).default(2),
  /** Imports running at once in this process, across bureaus (each holds two pooled connections). */
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  /** MiB of import files one bureau may upload in 24 hours. */
  IMPORT_MB_PER_TENANT_DAY: z.coerce.number().int().min(1).default(2048),
  /** When set, /metrics is served on this port only (for the scraper inside the cluster), not on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

/** Reads and validates the environment once; every other module takes the typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SPOTCHECK_MODE === 'production' && !e.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required in production mode');
  }
  if (e.SPOTCHECK_MODE === 'production' && !e.DATABASE_URL) {
    throw new Error('Invalid configuration:\n  DATABASE_URL: required in production mode');
  }
  if (e.EVIDENCE_STORAGE === 's3' && !e.S3_BUCKET) {
    throw new Error('Invalid configuration:\n  S3_BUCKET: required when EVIDENCE_STORAGE=s3');
  }
  const repoRoot = path.resolve(__dirname, '..', '..');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    metricsPort: e.METRICS_PORT ?? null,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replica: e.DATABASE_REPLICA_URL ? { url: e.DATABASE_REPLICA_URL, maxLagMs: Math.round(e.REPLICA_MAX_LAG_SECONDS * 1000) } : null,
    dataDir: path.resolve(e.SPOTCHECK_DATA_DIR ?? path.join(repoRoot, '.data')),
    mode: e.SPOTCHECK_MODE,
    jwtSecret: e.JWT_SECRET,
    idNumberSecret: e.ID_NUMBER_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolSize: e.DB_POOL_SIZE,
    loginFailureDelayMs: e.LOGIN_FAILURE_DELAY_MS,
    runJobs: e.RUN_JOBS === 'true',
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    deadlineSweepCron: e.DEADLINE_SWEEP_CRON,
    auditAnchorCron: e.AUDIT_ANCHOR_CRON,
    importRecoveryCron: e.IMPORT_RECOVERY_CRON,
    notifyChannels: notifyChannelsOf(e.NOTIFY_CHANNELS, e.SPOTCHECK_MODE),
    notifyDeliveryCron: e.NOTIFY_DELIVERY_CRON,
    migrateOnStart: e.MIGRATE_ON_START === 'true',
    migrationWaitSeconds: e.MIGRATION_WAIT_SECONDS,
    trustProxy: Number(e.TRUST_PROXY),
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    graphqlIntrospection: e.GRAPHQL_INTROSPECTION ? e.GRAPHQL_INTROSPECTION === 'true' : e.SPOTCHECK_MODE !== 'production',
    clientDist: path.join(repoRoot, 'client', 'dist'),
    evidence: {
      storage: e.EVIDENCE_STORAGE,
      maxFileBytes: Math.round(e.EVIDENCE_MAX_FILE_MB * 1024 * 1024),
      s3: {
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        bucket: e.S3_BUCKET ?? '',
        prefix: e.S3_PREFIX,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
      },
    },
    accessCode: { maxFailures: e.ACCESS_CODE_MAX_FAILURES, lockMinutes: e.ACCESS_CODE_LOCK_MINUTES },
    entityLimits: {
      statementsPerDay: e.ENTITY_STATEMENTS_PER_DAY,
      statementsPerRecord: e.ENTITY_STATEMENTS_PER_RECORD,
      filesPerDay: e.ENTITY_FILES_PER_DAY,
      filesPerRecord: e.ENTITY_FILES_PER_RECORD,
      writesPerMinute: e.ENTITY_WRITES_PER_MINUTE,
      addressWritesPerMinute: e.ENTITY_ADDRESS_WRITES_PER_MINUTE,
    },
    imports: {
      xlsx: { maxEntryBytes: e.IMPORT_XLSX_MAX_PART_MB * 1024 * 1024, maxRatio: e.IMPORT_XLSX_MAX_RATIO },
      maxRows: e.IMPORT_MAX_ROWS,
      workers: e.IMPORT_WORKERS,
      bytesPerTenantDay: e.IMPORT_MB_PER_TENANT_DAY * 1024 * 1024,
    },
    heavyJobsPerTenant: e.HEAVY_JOBS_PER_TENANT,
    loginAddressLimit: { maxFailures: e.LOGIN_IP_MAX_FAILURES, windowMinutes: e.LOGIN_IP_WINDOW_MINUTES },
    loginThrottle: { pairMaxDelaySeconds: e.LOGIN_PAIR_MAX_DELAY_SECONDS, accountMaxDelaySeconds: e.LOGIN_ACCOUNT_MAX_DELAY_SECONDS },
  };
}

/** The outbound channels a deployment may name: a gateway for SMS or e-mail adds its name here and its factory to notifications/channels. */
export const NOTIFICATION_CHANNEL_NAMES = ['outbox'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNEL_NAMES)[number];

function notifyChannelsOf(value: string | undefined, mode: 'demo' | 'production'): NotificationChannelName[] {
  if (value === undefined) return mode === 'demo' ? ['outbox'] : [];
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n && n !== 'none');
  for (const name of names) {
    if (!(NOTIFICATION_CHANNEL_NAMES as readonly string[]).includes(name)) {
      throw new Error(`NOTIFY_CHANNELS: unknown channel "${name}" (known: ${NOTIFICATION_CHANNEL_NAMES.join(', ')})`);
    }
  }
  return [...new Set(names)] as NotificationChannelName[];
}
