import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  createQueueConnection,
  JOB_HANDLERS,
  JOB_QUEUE,
  JOB_SCHEDULES,
  JobRunner,
  queueSettingsFrom,
  OutboxRelay,
  QueueRegistry,
  type JobHandler,
  type JobName,
  type QueueConnection,
} from '@kooperant/platform-queue';

/**
 * The worker process: upserts the job schedules, runs every registered JobHandler (JobRunner) and relays the outbox
 * to BullMQ. Several worker processes may run at once; BullMQ hands each job to one of them. Shuts down gracefully:
 * running jobs finish, and a process killed mid-job leaves the job to be retried once its lock expires.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Worker');
  private runner?: JobRunner;
  private consumerConn?: QueueConnection;
  private relay?: OutboxRelay;
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly producer: QueueRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = queueSettingsFrom(this.config);
    this.consumerConn = createQueueConnection(settings, 'worker');
    // Schedules first, workers after: the embedded database serves one statement stream at a time, and a worker's
    // first poll racing an upsert there broke the upsert (pglite-socket interleaves extended-protocol messages).
    await this.upsertSchedules();
    // Schedules no longer in the code (renamed or dropped) would otherwise repeat for ever.
    const known = new Set(JOB_SCHEDULES.map((s) => s.schedulerId));
    for (const queue of new Set(JOB_SCHEDULES.map((s) => JOB_QUEUE[s.jobName as JobName]))) {
      for (const old of await this.producer.queue(queue).getJobSchedulers()) {
        if (old.key && !known.has(old.key)) await this.producer.queue(queue).removeJobScheduler(old.key);
      }
    }
    // A Redis that restarts empty (it keeps nothing on disk) forgets the schedules: put back any that are missing.
    if (this.config.queueBackend === 'redis') {
      this.scheduleCheck = setInterval(() => {
        this.restoreSchedules().catch((err: Error) => this.log.warn(`schedules not checked: ${err.message}`));
      }, this.config.scheduleCheckMs);
      this.scheduleCheck.unref();
    }
    this.runner = new JobRunner(this.consumerConn, this.handlers, {
      concurrency: this.config.workerConcurrency,
      lockDurationMs: this.config.jobLockMs,
      onFailed: (queue, job, err) =>
        this.log.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
      onError: (queue, err) => this.log.error(`${queue}: ${err.message}`),
    });
    const queues = this.runner.start();
    this.relay = new OutboxRelay(this.db, this.producer, { pollMs: this.config.outboxPollMs });
    this.relay.start();
    this.log.log(
      `processing ${queues.join(', ')} with concurrency ${this.config.workerConcurrency}; ${JOB_SCHEDULES.length} schedules; relaying the outbox`,
    );
  }

  private async upsertSchedules(): Promise<void> {
    for (const s of this.schedules()) {
      await this.producer
        .queue(JOB_QUEUE[s.jobName as JobName])
        .upsertJobScheduler(s.schedulerId, { every: s.everyMs }, { name: s.jobName, data: s.payload });
    }
  }

  /** Upserts only the missing schedules: upserting one that exists could move its next run. */
  private async restoreSchedules(): Promise<void> {
    for (const s of this.schedules()) {
      const queue = this.producer.queue(JOB_QUEUE[s.jobName as JobName]);
      if (await queue.getJobScheduler(s.schedulerId)) continue;
      await queue.upsertJobScheduler(s.schedulerId, { every: s.everyMs }, { name: s.jobName, data: s.payload });
      this.log.warn(`schedule ${s.schedulerId} was missing (Redis restarted empty?): restored`);
    }
  }

  /** The schedules of the jobs this process runs. */
  private schedules() {
    return JOB_SCHEDULES.filter((s) => this.handlers.some((h) => h.jobName === s.jobName));
  }

  /** Before the producer closes (QueueModule, on application shutdown): stop relaying, let running jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduleCheck) clearInterval(this.scheduleCheck);
    await this.relay?.stop();
    await this.runner?.close();
    await this.consumerConn?.close();
  }
}
