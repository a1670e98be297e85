import { Module } from '@nestjs/common';
import { MetricsEventsSubscriber } from './jobs/metrics-events.subscriber';
import { MetricsRollupProcessor } from './jobs/metrics-rollup.processor';
import { MetricsModule } from './metrics.module';

export const METRICS_EVENT_SUBSCRIBERS = [MetricsEventsSubscriber];
export const METRICS_JOB_HANDLERS = [MetricsRollupProcessor];

/** The worker's side of metrics: events become roll-up jobs, processed one at a time per process. */
@Module({
  imports: [MetricsModule],
  providers: [...METRICS_EVENT_SUBSCRIBERS, ...METRICS_JOB_HANDLERS],
  exports: [...METRICS_EVENT_SUBSCRIBERS, ...METRICS_JOB_HANDLERS],
})
export class MetricsJobsModule {}
