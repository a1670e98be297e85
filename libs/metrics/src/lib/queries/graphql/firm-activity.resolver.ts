import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { checkPageSize, CurrentActor, LocaleCode, requireActor, UuidScalar, type Actor } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { FirmActivityService } from '../firm-activity.service';
import { FirmActivityEventConnectionModel, FirmActivityModel } from './firm-activity.model';

/** A firm's activity: thin; who reads it is decided by FirmActivityService. */
@Resolver(() => FirmActivityModel)
export class FirmActivityResolver {
  constructor(
    private readonly activity: FirmActivityService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => FirmActivityModel, {
    description:
      "A firm's KPIs from one period to another (2026-01…2026-12, 2026-Q1…2026-Q4 or 2026…2027) and its cooperation events in them. For the firm's members and the coordinators of its clusters and of their partner clusters.",
  })
  firmActivity(
    @CurrentActor() actor: Actor | null,
    @Args('firmId', { type: () => UuidScalar }) firmId: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('kpis', { type: () => [String], nullable: true, description: 'KPI ids; all when omitted.' })
    kpis?: string[] | null,
    @Args('language', { type: () => LocaleCode, nullable: true, defaultValue: 'en' }) language?: string,
  ): Promise<FirmActivityModel> {
    return this.activity.firmActivity(requireActor(actor), firmId, from, to, kpis, (language ?? 'en') as Locale);
  }

  @ResolveField(() => FirmActivityEventConnectionModel, {
    description:
      'Its cooperation events in those periods (on its own calendar), newest first: offers, orders, quotes, awards either way, hand-overs, new cross-border partners.',
  })
  events(
    @Parent() parent: FirmActivityModel,
    @CurrentActor() actor: Actor | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<FirmActivityEventConnectionModel> {
    const { periods } = parent;
    return this.activity.events(requireActor(actor), parent.firm.id, periods[0], periods[periods.length - 1], {
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after,
    });
  }
}
