/** Every queue of the platform. A queue groups jobs that share workers and concurrency. */
export enum QueueName {
  Catalogue = 'catalogue',
  Matching = 'matching',
  /** Domain events relayed from the outbox, one job per event (job id from the event id). */
  Events = 'events',
  /** Deliveries of notifications outside the app: e-mail and webhooks. */
  Notifications = 'notifications',
  /** Cooperation KPI roll-ups, one job per domain event (rolled up in batches: one transaction at a time per process). */
  Metrics = 'metrics',
}

/**
 * Jobs in flight per worker process for queues whose jobs mostly wait in memory to be done together (a KPI roll-up
 * job waits for the next batch transaction, which takes every job waiting); other queues take WORKER_CONCURRENCY.
 */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = { [QueueName.Metrics]: 100 };

/** Every job name, one enum so that producers and processors cannot drift apart. */
export enum JobName {
  /** Archives published offers whose valid-until date has passed. Repeats. */
  OfferExpirySweep = 'offer-expiry-sweep',
  /** Finds offers that expire within a week and records a reminder for their owners. Repeats. */
  OfferExpiryReminderSweep = 'offer-expiry-reminder-sweep',
  /** Recomputes the matches of open orders that changed, or whose candidate offers may have. Repeats. */
  MatchingSweep = 'matching-sweep',
  /** One outbox event, handed to every subscriber of its type. */
  DomainEvent = 'domain-event',
  /** Ranks the packages of one open order and proposes chains (debounced per order). */
  MatchOrder = 'match-order',
  /** Reverse matching: finds the open orders a published or changed offer may fit, and matches them again. */
  MatchOffer = 'match-offer',
  /** Sends one notification by e-mail to its user (job id from the notification id). */
  SendNotificationEmail = 'send-notification-email',
  /** POSTs one webhook delivery to a firm's endpoint (job id from the delivery id). */
  DeliverWebhook = 'deliver-webhook',
  /** Finds the users whose daily digest of notifications is due in their time zone, one job each. Repeats. */
  NotificationDigestSweep = 'notification-digest-sweep',
  /** Sends one user's daily digest of one local date (job id from the user and the date). */
  SendNotificationDigest = 'send-notification-digest',
  /** Rolls one outbox event up into the cooperation KPIs (job id from the event id). */
  MetricsRollup = 'metrics-rollup',
}

/** An outbox row as relayed: what subscribers need to act, never whole domain rows. */
export interface RelayedEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  createdAt: string;
}

/** Typed payloads: ids and small facts, never rows. */
export interface JobPayloads {
  [JobName.OfferExpirySweep]: { batchSize?: number };
  [JobName.OfferExpiryReminderSweep]: { batchSize?: number };
  [JobName.MatchingSweep]: { batchSize?: number };
  [JobName.DomainEvent]: RelayedEvent;
  [JobName.MatchOrder]: { orderId: string };
  [JobName.MatchOffer]: { offerId: string };
  [JobName.SendNotificationEmail]: { notificationId: string };
  [JobName.DeliverWebhook]: { deliveryId: string };
  [JobName.NotificationDigestSweep]: Record<string, never>;
  /** `localDate`: the digest's day in the user's zone, `YYYY-MM-DD`. */
  [JobName.SendNotificationDigest]: { userId: string; localDate: string };
  [JobName.MetricsRollup]: { eventId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.OfferExpirySweep]: QueueName.Catalogue,
  [JobName.OfferExpiryReminderSweep]: QueueName.Catalogue,
  [JobName.MatchingSweep]: QueueName.Matching,
  [JobName.DomainEvent]: QueueName.Events,
  [JobName.MatchOrder]: QueueName.Matching,
  [JobName.MatchOffer]: QueueName.Matching,
  [JobName.SendNotificationEmail]: QueueName.Notifications,
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.NotificationDigestSweep]: QueueName.Notifications,
  [JobName.SendNotificationDigest]: QueueName.Notifications,
  [JobName.MetricsRollup]: QueueName.Metrics,
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
  // A safety net: orders are matched from their events; the sweep catches any the events missed.
  { schedulerId: 'matching-sweep-every-5-min', jobName: JobName.MatchingSweep, everyMs: 5 * 60_000, payload: {} },
  // Digests go out within a quarter of an hour after each user's chosen hour.
  {
    schedulerId: 'notification-digest-every-15-min',
    jobName: JobName.NotificationDigestSweep,
    everyMs: 15 * 60_000,
    payload: {},
  },
];
