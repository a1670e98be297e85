// `npm test`: every check and test tier, in order, with one summary line at the end.
// Needs PostgreSQL and Redis on localhost (see README); says in one line what is missing.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const only = process.argv.slice(2); // e.g. `npm test -- unit int`

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = createConnection({ host, port: Number(port), timeout: 1500 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

const missing = [];
if (!(await reachable(pgUrl.hostname, pgUrl.port || 5432)))
  missing.push(`PostgreSQL at ${pgUrl.hostname}:${pgUrl.port || 5432}`);
if (!(await reachable(redisUrl.hostname, redisUrl.port || 6379)))
  missing.push(`Redis at ${redisUrl.hostname}:${redisUrl.port || 6379}`);
if (missing.length) {
  console.error(
    `Tests need ${missing.join(' and ')}, not reachable: start them (bash .ci/run does, or docker compose -f docker/compose.yml up -d postgres redis), or set TEST_DATABASE_URL / TEST_REDIS_URL.`,
  );
  process.exit(1);
}

const results = [];
function step(name, cmd, args, env = {}, after = () => undefined) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  after();
  if (!ok) {
    summary();
    process.exit(1);
  }
}

const jestTotals = { passed: 0, failed: 0 };
function jest(name, config) {
  const out = join(root, 'tmp', `jest-${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const ci = process.env.CI ? ['--ci'] : [];
  step(
    name,
    'node',
    ['node_modules/jest/bin/jest.js', '-c', config, '--json', `--outputFile=${out}`, ...ci],
    {},
    () => {
      if (!existsSync(out)) return;
      const r = JSON.parse(readFileSync(out, 'utf8'));
      jestTotals.passed += r.numPassedTests;
      jestTotals.failed += r.numFailedTests;
    },
  );
}

function summary() {
  console.log('\n=== summary');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
  console.log(`tests: ${jestTotals.passed} passed, ${jestTotals.failed} failed`);
}

step('build', 'node', ['tools/build.mjs']);
step('typecheck', 'node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
step('graph', 'node', ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], { NX_DAEMON: 'false' });
step('lint', 'node', [
  'node_modules/eslint/bin/eslint.js',
  '--max-warnings=0',
  '--no-error-on-unmatched-pattern',
  'apps',
  'libs',
  'bench',
  'tools',
]);
step('schema', 'node', ['tools/check-schema.mjs']);
jest('unit', 'jest.unit.config.cjs');
jest('int', 'jest.int.config.cjs');
jest('e2e', 'jest.e2e.config.cjs');
summary();
