import { Injectable, Logger } from '@nestjs/common';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { OfferService } from '../offer/offer.service';

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
