/** Every queue of the platform. A queue groups jobs that share workers and concurrency. */
export enum QueueName {
  Catalogue = 'catalogue',
  Matching = 'matching',
}

/** Every job name, one enum so that producers and processors cannot drift apart. */
export enum JobName {
  /** Archives published offers whose valid-until date has passed. Repeats. */
  OfferExpirySweep = 'offer-expiry-sweep',
  /** Finds offers that expire within a week and records a reminder for their owners. Repeats. */
  OfferExpiryReminderSweep = 'offer-expiry-reminder-sweep',
  /** Recomputes the matches of open orders that changed, or whose candidate offers may have. Repeats. */
  MatchingSweep = 'matching-sweep',
}

/** Typed payloads: ids and small facts, never rows. */
export interface JobPayloads {
  [JobName.OfferExpirySweep]: { batchSize?: number };
  [JobName.OfferExpiryReminderSweep]: { batchSize?: number };
  [JobName.MatchingSweep]: { batchSize?: number };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.OfferExpirySweep]: QueueName.Catalogue,
  [JobName.OfferExpiryReminderSweep]: QueueName.Catalogue,
  [JobName.MatchingSweep]: QueueName.Matching,
};

import type { JobSchedule } from './job-handler';

/** Repeating jobs. Several workers upserting the same scheduler id is harmless. */
export const JOB_SCHEDULES: JobSchedule[] = [
  { schedulerId: 'offer-expiry-every-10-min', jobName: JobName.OfferExpirySweep, everyMs: 10 * 60_000, payload: {} },
  {
    schedulerId: 'offer-expiry-reminder-hourly',
    jobName: JobName.OfferExpiryReminderSweep,
    everyMs: 60 * 60_000,
    payload: {},
  },
  { schedulerId: 'matching-every-minute', jobName: JobName.MatchingSweep, everyMs: 60_000, payload: {} },
];
