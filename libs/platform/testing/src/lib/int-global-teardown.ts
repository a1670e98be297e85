import { Client } from 'pg';
import { runDatabasePattern, TEST_PG_BASE } from './test-env';

/** Drops the databases this integration run created. */
export default async function intGlobalTeardown(): Promise<void> {
  const c = new Client({ connectionString: TEST_PG_BASE });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      runDatabasePattern(),
    ]);
    for (const { datname } of rows) {
      if (/^[a-z0-9_]+$/.test(datname)) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await c.end();
  }
}
