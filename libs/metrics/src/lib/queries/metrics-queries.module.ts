import { Module } from '@nestjs/common';
import { MetricsAccessService } from './metrics-access.service';
import { MetricsQueryService } from './metrics-query.service';

/** Reading the cooperation KPIs (for GraphQL and the report downloads). */
@Module({ providers: [MetricsAccessService, MetricsQueryService], exports: [MetricsQueryService] })
export class MetricsQueriesModule {}
