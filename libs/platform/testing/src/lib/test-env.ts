/** Where the tests find their services. Override with TEST_DATABASE_URL / TEST_REDIS_URL. */
export const TEST_PG_BASE = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const u = new URL(TEST_PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The migrated template every integration-test database is cloned from. */
export const INT_TEMPLATE_DB = 'kooperant_int_template';

export function workerDatabaseName(): string {
  return `kooperant_int_w${process.env['JEST_WORKER_ID'] ?? '1'}`;
}
