import { Worker, type Job } from 'bullmq';
import type { JobHandler } from './job-handler';
import { JOB_QUEUE, QUEUE_CONCURRENCY, type QueueName } from './queue-names';
import type { QueueConnection } from './queue-connection';

/** Deaths of the worker running a job after which it is failed (a job that keeps killing workers is poison). */
export const MAX_STALLED = 5;

export interface JobRunnerOptions {
  concurrency: number;
  /** How long a job's lock lasts without renewal: after it, a job of a dead worker is handed to another. */
  lockDurationMs?: number;
  onFailed?(queue: QueueName, job: Job | undefined, err: Error): void;
  onError?(queue: QueueName, err: Error): void;
}

/**
 * Runs JobHandlers: one BullMQ Worker per queue, dispatching by job name. Several runners (in one process or many)
 * may consume the same queues; BullMQ hands each job to one of them. `close()` lets running jobs finish; a runner
 * killed mid-job leaves its job to be retried by another once the job's lock expires.
 */
export class JobRunner {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly conn: QueueConnection,
    private readonly handlers: readonly JobHandler[],
    private readonly opts: JobRunnerOptions,
  ) {}

  /** Starts a worker for every queue that has handlers; returns the queues. */
  start(): QueueName[] {
    const byQueue = new Map<QueueName, Map<string, JobHandler>>();
    for (const h of this.handlers) {
      const q = JOB_QUEUE[h.jobName];
      if (!byQueue.has(q)) byQueue.set(q, new Map());
      byQueue.get(q)?.set(h.jobName, h);
    }
    for (const [queue, handlers] of byQueue) {
      const processor = async (job: Job) => {
        const handler = handlers.get(job.name);
        if (!handler) throw new Error(`No handler for job ${job.name} on queue ${queue}`);
        return handler.handle(job.data as never, job as never);
      };
      const opts = {
        connection: this.conn.connection,
        prefix: this.conn.prefix,
        concurrency: QUEUE_CONCURRENCY[queue] ?? this.opts.concurrency,
        // A job whose worker died is given to another up to this many times (BullMQ's default, 1, fails it at the
        // second death; an event job failed so is lost, its outbox row being marked relayed).
        maxStalledCount: MAX_STALLED,
        // A job whose worker died is found by the stalled-job check once its lock has expired.
        ...(this.opts.lockDurationMs
          ? { lockDuration: this.opts.lockDurationMs, stalledInterval: this.opts.lockDurationMs }
          : {}),
      };
      const worker = this.conn.backendFactory
        ? new Worker(queue, processor, opts, this.conn.backendFactory as never)
        : new Worker(queue, processor, opts);
      worker.on('failed', (job, err) => this.opts.onFailed?.(queue, job, err));
      worker.on('error', (err) => this.opts.onError?.(queue, err));
      this.workers.push(worker);
    }
    return [...byQueue.keys()];
  }

  /** The BullMQ workers, e.g. to listen for completed jobs. */
  get running(): readonly Worker[] {
    return this.workers;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
