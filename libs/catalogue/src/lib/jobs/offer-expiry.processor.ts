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
