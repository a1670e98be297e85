import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { waitFor } from './wait-for';

/** The repository root: this file runs from the sources (Jest) and from dist/. */
const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
const MAIN = join(ROOT, 'dist/apps/worker/src/main.js');

export interface WorkerProcess {
  child: ChildProcess;
  /** The last lines it wrote (stdout and stderr), to tell what it did when a test fails. */
  output(): string;
  /** Waits until it has started its job runners and the outbox relay. */
  ready(ms?: number): Promise<void>;
  /** Waits until it wrote a line containing `text`. */
  printed(text: string, ms?: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, its jobs stay active until their locks expire. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
}

/**
 * The real worker process (from the build, `node tools/build.mjs` first) against a test's database, Redis and
 * whatever else `env` says (SMTP, queue prefix, lock time). Its output is kept, not printed.
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (b: Buffer) => {
    lines.push(...b.toString().split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = () => lines.join('\n');
  const printed = async (text: string, ms = 20_000) => {
    await waitFor(
      `the worker to print "${text}"`,
      async () => {
        if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}:\n${output()}`);
        return lines.some((l) => l.includes(text));
      },
      { ms, everyMs: 25, describe: output },
    );
  };
  return {
    child,
    output,
    printed,
    ready: (ms) => printed('relaying the outbox', ms),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
