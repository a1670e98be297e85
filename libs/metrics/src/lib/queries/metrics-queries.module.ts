import { Module } from '@nestjs/common';
import { FirmActivityService } from './firm-activity.service';
import { HandoverBreakdownService } from './handover-breakdown.service';
import { MetricsAccessService } from './metrics-access.service';
import { MetricsQueryService } from './metrics-query.service';

/** Reading the cooperation KPIs (for GraphQL and the report downloads). */
@Module({
  providers: [MetricsAccessService, MetricsQueryService, FirmActivityService, HandoverBreakdownService],
  exports: [MetricsQueryService, FirmActivityService, HandoverBreakdownService],
})
export class MetricsQueriesModule {}
