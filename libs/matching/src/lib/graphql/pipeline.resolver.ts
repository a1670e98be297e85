import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  CurrentActor,
  FirmModel,
  FirmService,
  firmLoader,
  LoaderCache,
  Loaders,
  pageInfo,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { MatchQueriesService, type MatchPage, type MatchView } from '../store/match-queries.service';
import { BrokeringService, type MatchActionRecord } from '../store/brokering.service';
import type { MatchStatus } from '../store/package-match.entity';
import { MatchActionRecordModel, MatchConnectionModel, MatchModel } from './pipeline.model';
import { MatchStatusCode } from './matches.model';
import { PipelineFilterInput } from './pipeline-filter.input';
import { matchActionsLoader, matchContextLoader } from './brokering.loaders';
import { presentMatch } from './match.presenter';

/** Reading the brokering pipeline: a package's matches, a coordinator's pipeline, a firm's opportunities. */
@Resolver(() => MatchModel)
export class PipelineResolver {
  constructor(
    private readonly queries: MatchQueriesService,
    private readonly brokering: BrokeringService,
    private readonly firms: FirmService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => MatchConnectionModel, {
    description: 'Firms proposed for a work package, best first (buyer, coordinators of the order).',
  })
  async matchesForWorkPackage(
    @CurrentActor() actor: Actor | null,
    @Args('workPackageId', { type: () => UuidScalar }) workPackageId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<MatchConnectionModel> {
    const page = await this.queries.forPackage(requireActor(actor), workPackageId, this.pageSize(first), after);
    return this.connection(page, (m) => this.queries.packageCursor(m), !!after);
  }

  @Query(() => MatchConnectionModel, {
    description:
      'Open work packages your firms fit, newest first, once the order is open to them or they were invited.',
  })
  async matchingOpportunities(
    @CurrentActor() actor: Actor | null,
    @Args('firmId', { type: () => UuidScalar, nullable: true, description: 'One of your firms; default: all.' })
    firmId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<MatchConnectionModel> {
    const page = await this.queries.opportunities(requireActor(actor), firmId ?? null, this.pageSize(first), after);
    return this.connection(page, (m) => this.queries.activityCursor(m), !!after);
  }

  @Query(() => MatchConnectionModel, {
    description:
      "Coordinators: matches of your clusters' orders, those handed to your clusters, and introductions of your " +
      'firms awaiting your approval; latest activity first.',
  })
  async coordinatorPipeline(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => PipelineFilterInput, nullable: true }) filter: PipelineFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<MatchConnectionModel> {
    const f = filter ?? {};
    const page = await this.queries.pipeline(
      requireActor(actor),
      {
        clusterId: f.clusterId,
        statuses: f.statuses as MatchStatus[] | null | undefined,
        orderId: f.orderId,
        crossBorderOnly: f.crossBorderOnly,
      },
      this.pageSize(first),
      after,
    );
    return this.connection(page, (m) => this.queries.activityCursor(m), !!after);
  }

  @ResolveField(() => FirmModel)
  firm(@Parent() m: MatchModel, @Loaders() l: LoaderCache) {
    return firmLoader(l, this.firms).load(m.firmId);
  }

  @ResolveField(() => [MatchActionRecordModel], {
    description: "What coordinators and the firm did, with their notes, oldest first; empty for the firm's members.",
  })
  async actions(
    @Parent() m: MatchModel,
    @CurrentActor() actor: Actor | null,
    @Loaders() l: LoaderCache,
  ): Promise<MatchActionRecord[]> {
    const roles = await requireActor(actor).roles();
    const ctx = await matchContextLoader(l, this.brokering).load(m.id);
    if (!ctx || !this.brokering.readsActionNotes(roles, ctx)) return [];
    return matchActionsLoader(l, this.brokering).load(m.id);
  }

  @ResolveField(() => [ID], {
    description: 'Clusters whose coordinators must still approve the introduction; empty unless awaiting_approval.',
  })
  async awaitingApprovalOf(@Parent() m: MatchModel, @Loaders() l: LoaderCache): Promise<string[]> {
    if (m.status !== MatchStatusCode.awaiting_approval) return [];
    const ctx = await matchContextLoader(l, this.brokering).load(m.id);
    return ctx ? this.brokering.missingApprovals(ctx) : [];
  }

  private pageSize(first: number): number {
    return checkPageSize(first, this.config.graphql.maxPageSize);
  }

  private connection(page: MatchPage, cursor: (m: MatchView) => string, hasPrevious: boolean): MatchConnectionModel {
    const edges = page.items.map((m) => ({ cursor: cursor(m), node: presentMatch(m) }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        page.hasNextPage,
        hasPrevious,
      ),
    };
  }
}
