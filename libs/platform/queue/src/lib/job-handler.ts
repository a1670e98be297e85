import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './queue-names';

/** A processor for one job name. Handlers must be idempotent: reload rows, skip what is stale or done. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}

/** Nest multi-provider token: every JobHandler the worker should run. */
export const JOB_HANDLERS = Symbol.for('kooperant.job-handlers');

/** A repeating job, registered by the worker at boot with a fixed scheduler id (idempotent). */
export interface JobSchedule<N extends JobName = JobName> {
  schedulerId: string;
  jobName: N;
  everyMs: number;
  payload: JobPayloads[N];
}
