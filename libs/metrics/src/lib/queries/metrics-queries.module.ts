import { Module } from '@nestjs/common';
import { MetricsQueryService } from './metrics-query.service';

/** Reading the cooperation KPIs (for GraphQL and the report downloads). */
@Module({ providers: [MetricsQueryService], exports: [MetricsQueryService] })
export class MetricsQueriesModule {}
