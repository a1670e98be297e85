import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { checkPageSize, CurrentActor, LocaleCode, requireActor, UuidScalar, type Actor } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { HandoverBreakdownService } from '../handover-breakdown.service';
import { HandoverBreakdownModel } from './handover-breakdown.model';

/** On-time hand-overs per step and per firm: thin; who reads what is decided by HandoverBreakdownService. */
@Resolver()
export class HandoverBreakdownResolver {
  constructor(
    private readonly handovers: HandoverBreakdownService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => HandoverBreakdownModel, {
    description:
      "The hand-overs of a cluster's orders in a period (2026-03, 2026-Q1 or 2026) per step and per firm, with the on-time rate. For the coordinators of the cluster and its partner cluster.",
  })
  clusterHandovers(
    @CurrentActor() actor: Actor | null,
    @Args('clusterId', { type: () => UuidScalar }) clusterId: string,
    @Args('period') period: string,
    @Args('language', { type: () => LocaleCode, nullable: true, defaultValue: 'en' }) language?: string,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'How many firms (those with most hand-overs).' })
    first = 10,
  ): Promise<HandoverBreakdownModel> {
    return this.handovers.cluster(
      requireActor(actor),
      clusterId,
      period,
      (language ?? 'en') as Locale,
      checkPageSize(first, this.config.graphql.maxPageSize),
    );
  }

  @Query(() => HandoverBreakdownModel, {
    description:
      'The hand-overs a firm made in a period per step, with the on-time rate. For its members and its clusters’ coordinators.',
  })
  firmHandovers(
    @CurrentActor() actor: Actor | null,
    @Args('firmId', { type: () => UuidScalar }) firmId: string,
    @Args('period') period: string,
    @Args('language', { type: () => LocaleCode, nullable: true, defaultValue: 'en' }) language?: string,
  ): Promise<HandoverBreakdownModel> {
    return this.handovers.firm(requireActor(actor), firmId, period, (language ?? 'en') as Locale);
  }
}
