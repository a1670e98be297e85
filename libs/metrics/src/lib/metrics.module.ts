import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RatesModule } from '@kooperant/orders';
import { METRICS_ENTITIES } from './store/metrics.entities';
import { MetricsDimensionsLoader } from './store/metrics-dimensions';
import { MetricsRollupService } from './store/metrics-rollup.service';

/** Cooperation KPIs: the roll-up kept from domain events, and its recomputation from the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature(METRICS_ENTITIES), RatesModule],
  providers: [MetricsDimensionsLoader, MetricsRollupService],
  exports: [MetricsRollupService],
})
export class MetricsModule {}
