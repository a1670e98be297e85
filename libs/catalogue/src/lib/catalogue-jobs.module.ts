import { Module } from '@nestjs/common';
import { CatalogueModule } from './catalogue.module';
import { OfferExpiryProcessor } from './jobs/offer-expiry.processor';
import { OfferExpiryReminderProcessor } from './jobs/offer-expiry-reminder.processor';

export const CATALOGUE_JOB_HANDLERS = [OfferExpiryProcessor, OfferExpiryReminderProcessor];

@Module({
  imports: [CatalogueModule],
  providers: CATALOGUE_JOB_HANDLERS,
  exports: CATALOGUE_JOB_HANDLERS,
})
export class CatalogueJobsModule {}
