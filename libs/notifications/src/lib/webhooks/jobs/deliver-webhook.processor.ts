import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { WebhookDeliveryService } from '../webhook-delivery.service';

/** An attempt that did not reach a 2xx answer: BullMQ retries it with backoff until the attempts run out. */
export class WebhookAttemptFailed extends Error {
  override readonly name = 'WebhookAttemptFailed';
}

/**
 * POSTs one webhook delivery (job id from the delivery id). BullMQ's attempts and exponential backoff do the
 * retrying; the last attempt's failure marks the delivery failed (and may disable the endpoint). The job fails too,
 * so that it shows, retryable, in the admins' queue dashboard.
 */
@Injectable()
export class DeliverWebhookProcessor implements JobHandler<JobName.DeliverWebhook> {
  readonly jobName = JobName.DeliverWebhook;

  constructor(private readonly deliveries: WebhookDeliveryService) {}

  async handle({ deliveryId }: JobPayloads[JobName.DeliverWebhook], job: Job<JobPayloads[JobName.DeliverWebhook]>) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.deliveries.attempt(deliveryId, final);
    if ('sent' in outcome && !outcome.sent) throw new WebhookAttemptFailed(outcome.error);
    return outcome;
  }
}
