import { Queue, type JobsOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './queue-names';
import type { QueueConnection } from './queue-connection';

/** One BullMQ Queue per name, created lazily over a shared connection. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly conn: QueueConnection) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.conn.backendFactory
        ? new Queue(
            name,
            { connection: this.conn.connection, defaultJobOptions: DEFAULT_JOB_OPTIONS },
            this.conn.backendFactory as never,
          )
        : new Queue(name, { connection: this.conn.connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  /** Enqueues a typed job; pass a deterministic `jobId` so that a repeat is a no-op. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: JobsOptions & { jobId: string }) {
    return this.queue(JOB_QUEUE[name]).add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...opts });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await this.conn.close();
  }
}
