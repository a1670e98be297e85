import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  FirmService,
  firmLoader,
  LoaderCache,
  Loaders,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { MatchQueriesService } from '../store/match-queries.service';
import { ChainProposalsModel } from './chains.model';

@Resolver(() => ChainProposalsModel)
export class ChainProposalsResolver {
  constructor(
    private readonly queries: MatchQueriesService,
    private readonly firms: FirmService,
  ) {}

  @Query(() => ChainProposalsModel, {
    description:
      'Whole chains of firms for an order, or which package has no fitting offer and why (buyer, coordinators).',
  })
  async chainProposals(
    @CurrentActor() actor: Actor | null,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
    @Loaders() l: LoaderCache,
  ): Promise<ChainProposalsModel> {
    const p = await this.queries.chainProposals(requireActor(actor), orderId);
    const loader = firmLoader(l, this.firms);
    const chains = await Promise.all(
      (p.result?.chains ?? []).map(async (c) => ({
        ...c,
        currency: p.currency,
        completion: new Date(c.completion),
        steps: await Promise.all(c.steps.map(async (s) => ({ ...s, firm: await loader.load(s.firmId) }))),
      })),
    );
    const no = p.result?.noChain ?? null;
    return {
      orderId: p.orderId,
      computedAt: p.computedAt,
      chains,
      noChain: no && {
        packageId: no.packageId,
        key: no.key,
        considered: no.considered,
        reasons: Object.entries(no.reasons)
          .map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      },
    } as unknown as ChainProposalsModel;
  }
}
