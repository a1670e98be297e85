import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL');
const redisUrl = z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  /** Opt-in to run embedded (in-process PostgreSQL) when NODE_ENV=production. */
  KOOPERANT_EMBEDDED: bool.optional(),
  /** Set by the launcher for the gateway and worker it starts against its in-process PostgreSQL. */
  KOOPERANT_MODE: z.enum(['server', 'embedded']).optional(),
  EMBEDDED_DATA_DIR: z.string().min(1).default('.data/embedded'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(5000),
  /** Run queries compiled by graphql-jit (default on); off falls back to graphql-js's interpreter. */
  GRAPHQL_JIT: bool.optional(),
  GRAPHQL_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
  /** Key prefix of every BullMQ queue: separates deployments (or test runs) sharing one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits, _ or -')
    .default('kooperant'),
  /** A job's lock without renewal: a job of a worker that died is retried by another after this long. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Outgoing e-mail (SMTP). Without SMTP_HOST notifications are in-app and live only. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: bool.optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Kooperant <no-reply@kooperant.local>'),
  /** Where users reach the platform: the base of links in e-mails (unsubscribe). */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** How often the worker checks that its repeating jobs are still scheduled (a Redis restarted empty forgets them). */
  SCHEDULE_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Webhooks: attempts per delivery, the first retry's delay (doubling after), and each request's time limit. */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Deliveries failed for good in a row after which an endpoint is disabled (and its firm told). */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  /** Endpoints on loopback or private networks (default: allowed outside production). */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool.optional(),
  /** Endpoints must use https (default: in production). */
  WEBHOOK_REQUIRE_HTTPS: bool.optional(),
  /** Quiet time before an order is matched again: a burst of changes within it gives one re-match. */
  MATCH_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  /** How often the outbox relay looks for new events when it has found none. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  /** Off only to measure or diagnose: search results are cached while the tables they come from are unchanged. */
  SEARCH_CACHE: bool.optional(),
  /** Root folder of order documents on local disk; relative to the working folder unless absolute. */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default('.data/documents'),
  /** Largest order document accepted, in bytes (20 MiB by default). An upload is held in memory while it is checked. */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(256 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

/** Rules across settings, checked on the raw values so that they are reported with the per-setting ones. */
function crossChecks(raw: Record<string, string | undefined>): { setting: string; message: string }[] {
  const out: { setting: string; message: string }[] = [];
  const production = raw['NODE_ENV'] === 'production';
  const embeddedOptIn = ['true', '1', 'yes'].includes(raw['KOOPERANT_EMBEDDED'] ?? '');
  if (production && !raw['DATABASE_URL'] && !embeddedOptIn) {
    out.push({
      setting: 'DATABASE_URL',
      message: 'is required in production; set KOOPERANT_EMBEDDED=true to run embedded on purpose',
    });
  }
  if (production && !raw['JWT_SECRET']) out.push({ setting: 'JWT_SECRET', message: 'is required in production' });
  return out;
}

export type Mode = 'server' | 'embedded';

export interface KooperantConfig {
  env: 'development' | 'test' | 'production';
  mode: Mode;
  host: string;
  port: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** Where BullMQ keeps its jobs: Redis when REDIS_URL is set, else BullMQ's PostgreSQL backend. */
  queueBackend: 'redis' | 'postgres';
  embedded: { dataDir: string; dbPort: number };
  auth: { jwtSecret: string; accessTokenTtlSeconds: number; refreshTokenTtlDays: number };
  graphql: {
    introspection: boolean;
    jit: boolean;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxPageSize: number;
  };
  dbPoolSize: number;
  workerConcurrency: number;
  queuePrefix: string;
  jobLockMs: number;
  scheduleCheckMs: number;
  mail: {
    smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
    from: string;
    publicUrl: string;
  };
  webhooks: {
    attempts: number;
    backoffMs: number;
    timeoutMs: number;
    disableAfter: number;
    allowPrivateNetworks: boolean;
    requireHttps: boolean;
  };
  matchDebounceMs: number;
  outboxPollMs: number;
  searchCache: boolean;
  documents: { storageDir: string; maxBytes: number };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super('Invalid configuration: ' + problems.map((p) => `${p.setting} ${p.message}`).join('; ') + '. See README.md.');
    this.name = 'ConfigError';
  }
}

/** A development-only secret, so that a bare `npm start` works; production refuses to start without JWT_SECRET. */
const DEV_JWT_SECRET = 'kooperant-development-secret-do-not-use-in-production';

/** The database URL, or a clear error for processes that cannot run without one (gateway, worker). */
export function requireDatabaseUrl(config: KooperantConfig): string {
  if (!config.databaseUrl) {
    throw new ConfigError([
      {
        setting: 'DATABASE_URL',
        message: 'is required for this process; `npm start` runs everything embedded without it',
      },
    ]);
  }
  return config.databaseUrl;
}

/** Reads and validates the environment. Throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KooperantConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ setting: String(i.path[0] ?? '?'), message: i.message }))),
    ...crossChecks(raw),
  ].filter((p, i, all) => all.findIndex((q) => q.setting === p.setting) === i);
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    mode: c.KOOPERANT_MODE ?? (c.DATABASE_URL ? 'server' : 'embedded'),
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    queueBackend: c.REDIS_URL ? 'redis' : 'postgres',
    embedded: { dataDir: c.EMBEDDED_DATA_DIR, dbPort: c.EMBEDDED_DB_PORT },
    auth: {
      jwtSecret: c.JWT_SECRET ?? DEV_JWT_SECRET,
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
    },
    graphql: {
      introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production',
      jit: c.GRAPHQL_JIT ?? true,
      maxDepth: c.GRAPHQL_MAX_DEPTH,
      maxAliases: c.GRAPHQL_MAX_ALIASES,
      maxCost: c.GRAPHQL_MAX_COST,
      maxPageSize: c.GRAPHQL_MAX_PAGE_SIZE,
    },
    dbPoolSize: c.DB_POOL_SIZE,
    workerConcurrency: c.WORKER_CONCURRENCY,
    queuePrefix: c.QUEUE_PREFIX,
    jobLockMs: c.JOB_LOCK_MS,
    scheduleCheckMs: c.SCHEDULE_CHECK_MS,
    mail: {
      smtp: c.SMTP_HOST
        ? {
            host: c.SMTP_HOST,
            port: c.SMTP_PORT,
            secure: c.SMTP_SECURE ?? false,
            user: c.SMTP_USER,
            password: c.SMTP_PASSWORD,
          }
        : null,
      from: c.MAIL_FROM,
      publicUrl: c.PUBLIC_URL.replace(/\/$/, ''),
    },
    webhooks: {
      attempts: c.WEBHOOK_ATTEMPTS,
      backoffMs: c.WEBHOOK_BACKOFF_MS,
      timeoutMs: c.WEBHOOK_TIMEOUT_MS,
      disableAfter: c.WEBHOOK_DISABLE_AFTER,
      allowPrivateNetworks: c.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? c.NODE_ENV !== 'production',
      requireHttps: c.WEBHOOK_REQUIRE_HTTPS ?? c.NODE_ENV === 'production',
    },
    matchDebounceMs: c.MATCH_DEBOUNCE_MS,
    outboxPollMs: c.OUTBOX_POLL_MS,
    searchCache: c.SEARCH_CACHE ?? true,
    documents: { storageDir: c.DOCUMENT_STORAGE_DIR, maxBytes: c.DOCUMENT_MAX_BYTES },
    logLevel: c.LOG_LEVEL,
  };
}

/** Nest injection token for KooperantConfig. */
export const KOOPERANT_CONFIG = Symbol.for('kooperant.config');
