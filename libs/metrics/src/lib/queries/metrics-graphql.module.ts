import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { MetricsQueriesModule } from './metrics-queries.module';
import { MetricsResolver } from './graphql/metrics.resolver';

/** The GraphQL face of the cooperation KPIs. */
@Module({ imports: [IdentityModule, MetricsQueriesModule], providers: [MetricsResolver] })
export class MetricsGraphqlModule {}
