/** Where the tests find their services. Override with TEST_DATABASE_URL / TEST_REDIS_URL. */
export const TEST_PG_BASE = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const u = new URL(TEST_PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Databases of one integration run are named after it (the global setup sets KOOPERANT_TEST_RUN), so that two runs
 * on one machine, say a developer's and a helper's, never clone or drop each other's databases.
 */
function runId(): string {
  return process.env['KOOPERANT_TEST_RUN'] ?? 'local';
}

/** The migrated template every integration-test database of this run is cloned from. */
export function intTemplateDatabase(): string {
  return `kooperant_int_${runId()}_template`;
}

export function workerDatabaseName(): string {
  return `kooperant_int_${runId()}_w${process.env['JEST_WORKER_ID'] ?? '1'}`;
}

/** SQL LIKE pattern matching every database of this run. */
export function runDatabasePattern(): string {
  return `kooperant\\_int\\_${runId()}\\_%`;
}

/**
 * A BullMQ key prefix of its own for one test app: queues of parallel Jest workers (and runs) sharing the Redis
 * never see each other's jobs.
 */
export function testQueuePrefix(): string {
  return `t${runId()}-w${process.env['JEST_WORKER_ID'] ?? '1'}-${Math.random().toString(36).slice(2, 8)}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 40);
}
