import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { checkPageSize, CurrentActor, LocaleCode, requireActor, UuidScalar, type Actor } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { kpiTitle } from '../../reports/kpi-labels';
import { MetricsQueryService } from '../metrics-query.service';
import { ClusterKpisModel, CooperatingPairModel, FirmBenefitStatementModel } from './kpi.model';

/** The cooperation KPIs: thin; who reads what is decided by MetricsQueryService. */
@Resolver()
export class MetricsResolver {
  constructor(
    private readonly metrics: MetricsQueryService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => [CooperatingPairModel], {
    description: "The pairs of firms that cooperated most in a cluster's period (by awards), for its coordinators.",
  })
  topCooperatingPairs(
    @CurrentActor() actor: Actor | null,
    @Args('clusterId', { type: () => UuidScalar }) clusterId: string,
    @Args('period') period: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<CooperatingPairModel[]> {
    return this.metrics.topPairs(
      requireActor(actor),
      clusterId,
      period,
      checkPageSize(first, this.config.graphql.maxPageSize),
    );
  }

  @Query(() => ClusterKpisModel, {
    description:
      "A cluster's KPIs from one period to another (2026-01…2026-12, 2026-Q1…2026-Q4 or 2026…2027), with its partner cluster's beside them. For the coordinators of either cluster.",
  })
  async clusterKpis(
    @CurrentActor() actor: Actor | null,
    @Args('clusterId', { type: () => UuidScalar }) clusterId: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('kpis', { type: () => [String], nullable: true, description: 'KPI ids; all when omitted.' })
    kpis?: string[] | null,
    @Args('language', { type: () => LocaleCode, nullable: true, defaultValue: 'en' }) language?: string,
  ): Promise<ClusterKpisModel> {
    const locale = (language ?? 'en') as Locale;
    const data = await this.metrics.clusterSeries(requireActor(actor), clusterId, from, to, kpis);
    return {
      clusterId,
      partnerClusterId: data.partnerClusterId,
      periods: data.periods,
      kpis: data.series.map((k) => ({ ...k, title: kpiTitle(k.kpi, locale) })),
    };
  }

  @Query(() => FirmBenefitStatementModel, {
    description: "A firm's benefit statement for a period: orders placed and won, value, new partners, on-time rate.",
  })
  async firmBenefitStatement(
    @CurrentActor() actor: Actor | null,
    @Args('firmId', { type: () => UuidScalar }) firmId: string,
    @Args('period') period: string,
    @Args('language', { type: () => LocaleCode, nullable: true, defaultValue: 'en' }) language?: string,
  ): Promise<FirmBenefitStatementModel> {
    const figures = await this.metrics.firmStatement(requireActor(actor), firmId, period);
    return {
      firmId,
      period,
      figures: figures.map((f) => ({ ...f, title: kpiTitle(f.kpi, (language ?? 'en') as Locale) })),
    };
  }
}
