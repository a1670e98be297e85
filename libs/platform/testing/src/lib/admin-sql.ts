import { Client } from 'pg';
import { TEST_PG_BASE } from './test-env';

/** Runs statements on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminSql(...statements: string[]): Promise<void> {
  const c = new Client({ connectionString: TEST_PG_BASE });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** Drops and re-creates a database, optionally as a copy of a template. */
export async function recreateDatabase(name: string, template?: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name) || (template && !/^[a-z0-9_]+$/.test(template))) throw new Error('bad database name');
  await adminSql(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('${name}'${template ? `, '${template}'` : ''}) AND pid <> pg_backend_pid()`,
    `DROP DATABASE IF EXISTS ${name}`,
    `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`,
  );
}
