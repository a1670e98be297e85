import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MetricsQueriesModule } from './metrics-queries.module';
import { FirmActivityResolver } from './graphql/firm-activity.resolver';
import { HandoverBreakdownResolver } from './graphql/handover-breakdown.resolver';
import { MetricsResolver } from './graphql/metrics.resolver';

export const METRICS_RESOLVERS = [MetricsResolver, FirmActivityResolver, HandoverBreakdownResolver];

/** The GraphQL face of the cooperation KPIs. */
@Module({ imports: [IdentityModule, MetricsQueriesModule], providers: METRICS_RESOLVERS })
export class MetricsGraphqlModule {}
