// CI guard: the entities agree with the migrations, and the committed GraphQL schema matches the code.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
// A database of this run's own: two checkouts running `npm test` at once must not drop each other's.
const db = `kooperant_schema_check_${process.pid}`;
async function admin(sql) {
  const c = new pg.Client({ connectionString: base.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
await admin(`CREATE DATABASE ${db}`);
const url = new URL(base);
url.pathname = `/${db}`;

const check = spawnSync('node', ['dist/apps/cli/src/main.js', 'schema:check'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString(), NODE_NO_WARNINGS: '1' },
});
await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
if (check.status !== 0) process.exit(1);

const printed = spawnSync('node', ['dist/apps/gateway/src/print-schema.js'], { cwd: root, encoding: 'utf8' });
if (printed.status !== 0) {
  console.error(printed.stderr);
  process.exit(1);
}
const committed = readFileSync(join(root, 'apps/gateway/schema.gql'), 'utf8');
if (committed !== printed.stdout) {
  console.error('schema.gql is out of date: run `npm run schema:gql` and commit apps/gateway/schema.gql');
  process.exit(1);
}
console.log('schema.gql matches the code');
