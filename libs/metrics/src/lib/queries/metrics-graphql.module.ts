import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MetricsQueriesModule } from './metrics-queries.module';
import { MetricsResolver } from './graphql/metrics.resolver';

export const METRICS_RESOLVERS = [MetricsResolver];

/** The GraphQL face of the cooperation KPIs. */
@Module({ imports: [IdentityModule, MetricsQueriesModule], providers: METRICS_RESOLVERS })
export class MetricsGraphqlModule {}
