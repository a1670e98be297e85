import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  createQueueConnection,
  JOB_HANDLERS,
  JOB_QUEUE,
  JOB_SCHEDULES,
  queueSettingsFrom,
  QueueRegistry,
  type JobHandler,
  type JobName,
  type QueueConnection,
  type QueueName,
} from '@kooperant/platform-queue';

/**
 * Runs every registered JobHandler: one BullMQ Worker per queue, dispatching by job name. Several worker
 * processes may run at once; BullMQ hands each job to one of them. Shuts down gracefully: `worker.close()`
 * lets running jobs finish, and a process killed mid-job leaves the job to be retried after its lock expires.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private producer?: QueueRegistry;
  private consumerConn?: QueueConnection;

  constructor(
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = queueSettingsFrom(this.config);
    this.consumerConn = createQueueConnection(settings, 'worker');
    this.producer = new QueueRegistry(createQueueConnection(settings, 'producer'));
    const byQueue = new Map<QueueName, Map<string, JobHandler>>();
    for (const h of this.handlers) {
      const q = JOB_QUEUE[h.jobName];
      if (!byQueue.has(q)) byQueue.set(q, new Map());
      byQueue.get(q)?.set(h.jobName, h);
    }
    // Schedules first, workers after: the embedded database serves one statement stream at a time, and a worker's
    // first poll racing an upsert there broke the upsert (pglite-socket interleaves extended-protocol messages).
    for (const s of JOB_SCHEDULES) {
      if (!this.handlers.some((h) => h.jobName === s.jobName)) continue;
      await this.producer
        .queue(JOB_QUEUE[s.jobName as JobName])
        .upsertJobScheduler(s.schedulerId, { every: s.everyMs }, { name: s.jobName, data: s.payload });
    }
    for (const [queue, handlers] of byQueue) {
      const processor = async (job: Job) => {
        const handler = handlers.get(job.name);
        if (!handler) throw new Error(`No handler for job ${job.name} on queue ${queue}`);
        return handler.handle(job.data as never, job as never);
      };
      const opts = { connection: this.consumerConn.connection, concurrency: this.config.workerConcurrency };
      const worker = this.consumerConn.backendFactory
        ? new Worker(queue, processor, opts, this.consumerConn.backendFactory as never)
        : new Worker(queue, processor, opts);
      worker.on('failed', (job, err) =>
        this.log.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
      );
      worker.on('error', (err) => this.log.error(`${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    this.log.log(
      `processing ${[...byQueue.keys()].join(', ')} with concurrency ${this.config.workerConcurrency}; ${JOB_SCHEDULES.length} schedules`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.producer?.close();
    await this.consumerConn?.close();
  }
}
