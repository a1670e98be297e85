import { createPostgresBackend, type BackendFactory, type ConnectionOptions } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';

export interface QueueConnectionSettings {
  backend: 'redis' | 'postgres';
  redisUrl?: string;
  databaseUrl?: string;
  /** PostgreSQL schema for BullMQ's tables; PGlite only works in `public`. */
  postgresSchema?: string;
  /** Key prefix of the queues (BullMQ's `prefix`). */
  prefix?: string;
  /**
   * PostgreSQL backend: at most this many seconds a worker waits for a job before it looks again. For a database whose
   * notifications do not reach other connections (PGlite over a socket, embedded mode); unset, workers wait for
   * PostgreSQL's NOTIFY, as BullMQ does.
   */
  pollSeconds?: number;
}

export interface QueueConnection {
  connection: ConnectionOptions;
  prefix: string;
  backendFactory?: BackendFactory<never, never>;
  /** Closes what this connection owns. */
  close(): Promise<void>;
}

/**
 * BullMQ's PostgreSQL backend wakes a waiting worker by NOTIFY when a job is added, and otherwise lets it wait until
 * the next delayed job it knows of is due (up to an hour). Where notifications between connections are not delivered,
 * a worker waiting for a sweep due in five minutes would leave every job added meanwhile (a debounced match, a retry)
 * waiting as long: this backend caps the wait, so the worker looks again (and promotes due delayed jobs) that often.
 */
function pollingPostgresBackend(seconds: number): typeof createPostgresBackend {
  return (name, opts, options) => {
    const backend = createPostgresBackend(name, opts, options);
    Object.defineProperty(backend, 'maximumBlockTimeout', { get: () => seconds });
    return backend;
  };
}

/**
 * Connection for producers (gateway) and consumers (worker). Producers fail fast when Redis is down
 * (`enableOfflineQueue: false`), workers block on it (`maxRetriesPerRequest: null`).
 */
export function createQueueConnection(settings: QueueConnectionSettings, role: 'producer' | 'worker'): QueueConnection {
  if (settings.backend === 'postgres') {
    if (!settings.databaseUrl) throw new Error('The PostgreSQL queue backend needs DATABASE_URL');
    return {
      connection: {
        connectionString: settings.databaseUrl,
        schema: settings.postgresSchema ?? 'bullmq',
        // BullMQ's own tables: created or upgraded on connect, under an advisory lock (safe with many processes).
        migrate: true,
        max: role === 'worker' ? 10 : 4,
      } as unknown as ConnectionOptions,
      backendFactory: (settings.pollSeconds
        ? pollingPostgresBackend(settings.pollSeconds)
        : createPostgresBackend) as unknown as BackendFactory<never, never>,
      prefix: settings.prefix ?? 'kooperant',
      close: async () => undefined,
    };
  }
  if (!settings.redisUrl) throw new Error('The Redis queue backend needs REDIS_URL');
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  const client = new IORedis(settings.redisUrl, { ...options, lazyConnect: false });
  client.on('error', () => undefined); // surfaced through failing commands; avoid unhandled 'error' events
  return {
    connection: client,
    prefix: settings.prefix ?? 'kooperant',
    close: async () => {
      client.disconnect();
    },
  };
}

/** Queue settings from the validated configuration. PGlite (embedded) only works with BullMQ in `public`. */
export function queueSettingsFrom(config: {
  queueBackend: 'redis' | 'postgres';
  redisUrl?: string;
  databaseUrl?: string;
  mode: 'server' | 'embedded';
  queuePrefix?: string;
}): QueueConnectionSettings {
  return {
    prefix: config.queuePrefix,
    backend: config.queueBackend,
    redisUrl: config.redisUrl,
    databaseUrl: config.databaseUrl,
    postgresSchema: config.mode === 'embedded' ? 'public' : 'bullmq',
    // PGlite over a socket delivers a NOTIFY only to the connection that sent it.
    pollSeconds: config.mode === 'embedded' ? 1 : undefined,
  };
}
