import { Queue, type JobsOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './queue-names';
import type { QueueConnection } from './queue-connection';

/** One BullMQ Queue per name, created lazily over a shared connection. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();
  private closed = false;

  constructor(private readonly conn: QueueConnection) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.conn.backendFactory
        ? new Queue(
            name,
            { connection: this.conn.connection, prefix: this.conn.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS },
            this.conn.backendFactory as never,
          )
        : new Queue(name, {
            connection: this.conn.connection,
            prefix: this.conn.prefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  /** Enqueues a typed job; pass a deterministic `jobId` so that a repeat is a no-op. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: JobsOptions & { jobId: string }) {
    return this.queue(JOB_QUEUE[name]).add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...opts });
  }

  /**
   * Enqueues jobs of one name in one round trip (BullMQ's addBulk): what a sweep or a fan-out finds, instead of one
   * request per job. Each keeps its deterministic id: one already there is not added again.
   */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; opts: JobsOptions & { jobId: string } }[],
  ) {
    if (!jobs.length) return [];
    return this.queue(JOB_QUEUE[name]).addBulk(
      jobs.map((j) => ({ name, data: j.payload, opts: { ...DEFAULT_JOB_OPTIONS, ...j.opts } })),
    );
  }

  /**
   * Enqueues a job debounced on `key`: while one is waiting its turn, another add only moves its start to `delayMs`
   * after the latest (its id and data kept); while one runs, the newest is kept to run once after it. So a
   * burst of changes gives one run, and two runs for one key never overlap. `jobId` stays deterministic: the same
   * trigger added twice is one job.
   */
  async enqueueDebounced<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: { key: string; delayMs: number; jobId: string },
  ) {
    return this.queue(JOB_QUEUE[name]).add(name, payload, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: opts.jobId,
      delay: opts.delayMs,
      deduplication: { id: opts.key, keepLastIfActive: true, reschedule: true },
    });
  }

  /** Closes the queues and the connection; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await this.conn.close();
  }
}
