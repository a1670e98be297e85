import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MetricsQueriesModule, ReportPdfRenderer } from '@kooperant/metrics';
import { MetricsDownloadsController } from './metrics-downloads.controller';

/** The REST routes of the KPI downloads (PDF report, CSV tables). */
@Module({
  imports: [IdentityModule, MetricsQueriesModule],
  controllers: [MetricsDownloadsController],
  providers: [ReportPdfRenderer],
})
export class MetricsHttpModule {}
