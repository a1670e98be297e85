import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

// autocannon ships no types of its own.
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}

export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const PG_BASE = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** What every benchmark's processes run with: production mode on its own database, the bench Redis and secret. */
export function benchEnv(db: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(db),
    REDIS_URL,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'warn',
    ...more,
  };
}

export function dbUrl(name: string): string {
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function recreateDb(name: string): Promise<void> {
  const c = new Client({ connectionString: PG_BASE });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

/** Runs the CLI to completion (migrate, seed, scale data). */
export function cli(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed`);
}

/** Starts a process the way `npm start` does (with the same Node flags for the gateway). */
export function startProcess(script: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, join(ROOT, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

export async function stopProcess(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null) return;
  p.kill('SIGTERM');
  await new Promise((r) => p.once('exit', r));
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMiB: number | null;
}

/** What one request of a run changes from the run's defaults (another path, body or header). */
export interface RequestVariation {
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Drives one endpoint over loopback for `seconds` at `connections`, after a short warm-up. With `vary`, each request
 * is the defaults changed by `vary()`; with `graphql`, a 2xx answer that carries `errors` counts as an error too.
 */
export async function load(
  name: string,
  opts: {
    url: string;
    connections: number;
    seconds: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    vary?: () => RequestVariation;
    graphql?: boolean;
  },
  pid?: number,
): Promise<LoadResult> {
  let failed = 0;
  const { vary, graphql } = opts;
  const request: Record<string, unknown> = {};
  if (vary) {
    request['setupRequest'] = (req: RequestVariation) => {
      const v = vary();
      return { ...req, ...v, headers: { ...req.headers, ...v.headers } };
    };
  }
  if (graphql) {
    request['onResponse'] = (status: number, body: string) => {
      if (status < 300 && body.includes('"errors"')) failed++;
    };
  }
  const base = {
    url: opts.url,
    connections: opts.connections,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    ...(vary || graphql ? { requests: [request] } : {}),
  };
  await autocannon({ ...base, duration: 2 });
  failed = 0;
  const r = await autocannon({ ...base, duration: opts.seconds });
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts + failed,
    rssMiB: rssMiB(pid),
  };
}

export function printTable(
  title: string,
  rows: LoadResult[],
  baseline: LoadResult,
  extra: Record<string, string> = {},
): void {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(extra)) console.log(`${k}: ${v}`);
  console.log('| run | req/s | p50 ms | p99 ms | errors | RSS MiB | throughput vs baseline |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = baseline.rps ? `${Math.round((r.rps / baseline.rps) * 1000) / 10} %` : '-';
    console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rssMiB ?? '-'} | ${ratio} |`);
  }
}

interface GqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL-over-HTTP client of `url` for set-up steps that must succeed: data, or an error naming what failed. */
export function graphqlAt(url: string) {
  return async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlAnswer<T>;
    if (!res.ok || body.errors?.length || !body.data) {
      throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    }
    return body.data;
  };
}

/** Where the benchmarks' orders are delivered: a works in Białystok. */
export const BIALYSTOK_DELIVERY = {
  street: 'ul. Fabryczna 3',
  city: 'Białystok',
  postcode: '15-100',
  country: 'PL',
  lat: 53.13,
  lng: 23.16,
};
