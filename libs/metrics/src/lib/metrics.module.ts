import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RatesModule } from '@kooperant/orders';
import { MetricsEventsSubscriber } from './jobs/metrics-events.subscriber';
import { METRICS_ENTITIES } from './store/metrics.entities';
import { MetricsDimensionsLoader } from './store/metrics-dimensions';
import { MetricsRollupService } from './store/metrics-rollup.service';

export const METRICS_EVENT_SUBSCRIBERS = [MetricsEventsSubscriber];

/** Cooperation KPIs: roll-ups kept from the domain events, and their recomputation from the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature(METRICS_ENTITIES), RatesModule],
  providers: [MetricsDimensionsLoader, MetricsRollupService, ...METRICS_EVENT_SUBSCRIBERS],
  exports: [MetricsRollupService, ...METRICS_EVENT_SUBSCRIBERS],
})
export class MetricsModule {}
