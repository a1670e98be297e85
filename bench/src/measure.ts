import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { KooperantConfigModule, loadConfig } from '@kooperant/platform-config';
import { DatabaseModule } from '@kooperant/platform-database';
import {
  createQueueConnection,
  DEFAULT_JOB_OPTIONS,
  JobName,
  jobId,
  JobRunner,
  QueueName,
  QueueRegistry,
  type JobHandler,
} from '@kooperant/platform-queue';
import { dbUrl, REDIS_URL, rssMiB, startProcess, stopProcess } from './harness';

/* What the benchmarks that drive workers measure with: CPU, quantiles, polling, and BullMQ's no-op baseline. */

/** The worker's default WORKER_CONCURRENCY (benchmark rounds leave it unset). */
export const WORKER_CONCURRENCY = 10;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const round1 = (x: number) => Math.round(x * 10) / 10;
/** A share in per cent, to one decimal ("-" of nothing). */
export const pct = (a: number, b: number) => (b ? `${round1((a / b) * 100)} %` : '-');

/** CPU seconds a process has used (Linux, /proc; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Busy and total CPU time of the whole machine, all cores (Linux, /proc/stat). */
export function machineCpu(): { busy: number; total: number } {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = t.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - t[3] - t[4], total };
}

/** Runs `fn` over `items`, `width` at a time. */
export async function pool<T, R>(items: T[], width: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export function quantiles(ms: number[]): { p50: number; p99: number; mean: number } {
  if (!ms.length) return { p50: NaN, p99: NaN, mean: NaN };
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { p50: q(0.5), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Waits until `ok()` holds, polling; false on timeout. */
export async function until(ok: () => Promise<boolean>, timeoutMs: number, pollMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return true;
    await sleep(pollMs);
  }
  return false;
}

/** BullMQ with nothing to do: the platform's JobRunner, a no-op handler, the worker's default concurrency. */
export async function noopThroughput(
  jobs: number,
  bench: string,
): Promise<{ jobsPerSec: number; seconds: number; addPerSec: number; cpu: number }> {
  const prefix = `bench-${bench}-${Date.now().toString(36)}-noop`;
  const settings = { backend: 'redis' as const, redisUrl: REDIS_URL, prefix };
  const queues = new QueueRegistry(createQueueConnection(settings, 'producer'));
  const conn = createQueueConnection(settings, 'worker');
  const noop: JobHandler<JobName.MatchOrder> = { jobName: JobName.MatchOrder, handle: async () => null };
  const runner = new JobRunner(conn, [noop], { concurrency: WORKER_CONCURRENCY });
  let completed = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => (finished = r));
  try {
    runner.start();
    for (const w of runner.running) {
      w.on('completed', () => {
        if (++completed === jobs) finished();
      });
      await w.waitUntilReady();
    }
    const q = queues.queue(QueueName.Matching);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let start = 0; start < jobs; start += 1000) {
      await q.addBulk(
        Array.from({ length: Math.min(1000, jobs - start) }, (_, k) => ({
          name: JobName.MatchOrder,
          data: { orderId: `noop-${start + k}` },
          opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobId('noop', start + k) },
        })),
      );
    }
    const added = (performance.now() - t0) / 1000;
    await all;
    const seconds = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    const cpu = ((used.user + used.system) / 1e6 / seconds) * 100;
    return { jobsPerSec: jobs / seconds, seconds, addPerSec: jobs / added, cpu };
  } finally {
    await runner.close();
    await conn.close();
    for (const q of Object.values(QueueName)) await queues.queue(q).obliterate({ force: true });
    await queues.close();
  }
}

/** How busy the whole machine is over `ms` (all cores, %): what else runs skews every figure of a benchmark. */
export async function machineBusyOver(ms: number): Promise<number> {
  const a = machineCpu();
  await sleep(ms);
  const b = machineCpu();
  return ((b.busy - a.busy) / (b.total - a.total)) * 100;
}

/**
 * Processes of one benchmark round (workers, a gateway) on a fresh queue prefix of their own: started from dist/,
 * watched (a process that exits ends the round with an error; peak RSS and CPU per process), then stopped and
 * their queues removed.
 */
export class RoundProcesses {
  readonly prefix: string;
  readonly queues: QueueRegistry;
  readonly procs: ChildProcess[] = [];
  readonly peakRss: (number | null)[] = [];
  private cpu0: number[] = [];
  private machine0 = machineCpu();
  private t0 = 0;

  constructor(bench: string, label: string) {
    this.prefix = `bench-${bench}-${Date.now().toString(36)}-${label}`;
    this.queues = new QueueRegistry(
      createQueueConnection({ backend: 'redis', redisUrl: REDIS_URL, prefix: this.prefix }, 'producer'),
    );
  }

  start(script: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): ChildProcess {
    const p = startProcess(script, { ...env, QUEUE_PREFIX: this.prefix }, nodeFlags);
    this.procs.push(p);
    this.peakRss.push(null);
    return p;
  }

  /** Throws if a process has exited; notes each one's resident memory. */
  check(when: string): void {
    const dead = this.procs.find((p) => p.exitCode !== null);
    if (dead) throw new Error(`a process exited with ${dead.exitCode} ${when}`);
    this.procs.forEach((p, i) => {
      const r = rssMiB(p.pid);
      if (r !== null && r > (this.peakRss[i] ?? 0)) this.peakRss[i] = r;
    });
  }

  /** Starts the clock of the measured part: CPU of each process and of the machine. */
  startClock(): void {
    this.cpu0 = this.procs.map((p) => cpuSeconds(p.pid));
    this.machine0 = machineCpu();
    this.t0 = performance.now();
  }

  /** Since startClock: seconds, CPU of each process (% of a core), machine busy (% of all cores). */
  stopClock(): { seconds: number; cpu: number[]; machineBusy: number } {
    const seconds = (performance.now() - this.t0) / 1000;
    const m = machineCpu();
    return {
      seconds,
      cpu: this.procs.map((p, i) => ((cpuSeconds(p.pid) - this.cpu0[i]) / seconds) * 100),
      machineBusy: ((m.busy - this.machine0.busy) / (m.total - this.machine0.total)) * 100,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.procs.map((p) => stopProcess(p)));
    for (const q of Object.values(QueueName)) await this.queues.queue(q).obliterate({ force: true });
    await this.queues.close();
  }
}

/** A Nest application context over the bench database with the given domain modules (no queue, no GraphQL). */
export function benchContext(
  module: Type<unknown>,
  env: NodeJS.ProcessEnv & { DATABASE_URL: string },
  imports: (Type<unknown> | DynamicModule)[],
): Promise<INestApplicationContext> {
  const config = loadConfig({ ...process.env, ...env });
  return NestFactory.createApplicationContext(
    {
      module,
      imports: [
        KooperantConfigModule.forRoot(config),
        DatabaseModule.forRoot({ url: env.DATABASE_URL, poolSize: 8, applicationName: 'kooperant-bench' }),
        ...imports,
      ],
    },
    { logger: ['error', 'warn'] },
  );
}

/** Drops a bench database, unless BENCH_KEEP_DB is set (to look at it afterwards). */
export async function dropBenchDb(name: string): Promise<void> {
  if (process.env['BENCH_KEEP_DB']) return;
  const c = new Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}
