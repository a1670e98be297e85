import { Module } from '@nestjs/common';
import { MatchingModule } from './matching.module';
import { MatchingSweepProcessor } from './jobs/matching-sweep.processor';

export const MATCHING_JOB_HANDLERS = [MatchingSweepProcessor];

@Module({
  imports: [MatchingModule],
  providers: MATCHING_JOB_HANDLERS,
  exports: MATCHING_JOB_HANDLERS,
})
export class MatchingJobsModule {}
