import { Module } from '@nestjs/common';
import { MatchingModule } from './matching.module';
import { MatchingSweepProcessor } from './jobs/matching-sweep.processor';
import { MatchOrderProcessor } from './jobs/match-order.processor';
import { MatchOfferProcessor } from './jobs/match-offer.processor';
import { MatchingEventsSubscriber } from './jobs/matching-events.subscriber';

export const MATCHING_JOB_HANDLERS = [MatchingSweepProcessor, MatchOrderProcessor, MatchOfferProcessor];
export const MATCHING_EVENT_SUBSCRIBERS = [MatchingEventsSubscriber];

/** Matching's processors and event subscribers, run by the worker (which provides the QueueRegistry). */
@Module({
  imports: [MatchingModule],
  providers: [...MATCHING_JOB_HANDLERS, ...MATCHING_EVENT_SUBSCRIBERS],
  exports: [...MATCHING_JOB_HANDLERS, ...MATCHING_EVENT_SUBSCRIBERS],
})
export class MatchingJobsModule {}
