import { Injectable, Logger } from '@nestjs/common';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { OfferService } from '../offer/offer.service';

/** Archives published offers past their valid-until date (and records `offer.expired` events). */
@Injectable()
export class OfferExpiryProcessor implements JobHandler<JobName.OfferExpirySweep> {
  readonly jobName = JobName.OfferExpirySweep;
  private readonly log = new Logger(OfferExpiryProcessor.name);

  constructor(private readonly offers: OfferService) {}

  async handle(payload: JobPayloads[JobName.OfferExpirySweep]) {
    const expired = await this.offers.expireOffers(new Date(), payload.batchSize ?? 500);
    if (expired > 0) this.log.log(`archived ${expired} expired offers`);
    return { expired };
  }
}

/** Marks offers that expire within a week and records `offer.expiring-soon` for their owners, once per validity. */
@Injectable()
export class OfferExpiryReminderProcessor implements JobHandler<JobName.OfferExpiryReminderSweep> {
  readonly jobName = JobName.OfferExpiryReminderSweep;
  private readonly log = new Logger(OfferExpiryReminderProcessor.name);

  constructor(private readonly offers: OfferService) {}

  async handle(payload: JobPayloads[JobName.OfferExpiryReminderSweep]) {
    const reminded = await this.offers.remindExpiringOffers(new Date(), 7, payload.batchSize ?? 500);
    if (reminded > 0) this.log.log(`${reminded} offers expire within a week: owners reminded`);
    return { reminded };
  }
}
